import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { generateSecretBoxKey } from '../lib/crypto/secretBox';
import { INGEST_PATH } from '../lib/edge/signedBatch';
import { hashMosquittoPassword, mosquittoPasswordFile } from '../lib/mqtt/mosquittoPassword';
import { FREE_PORTS, spawnFarmiq, type FarmiqProcess } from '../tests/support/farmiqProcess';
import { openLive } from '../tests/support/liveClient';
import { metricValue } from '../tests/support/metrics';
import { startMosquitto } from '../tests/support/mosquitto';
import { seedFarmThroughApi } from '../tests/support/seedFarm';
import type { DeviceRun, DeviceRunOutput } from './deviceGenerator';
import { argsWithoutSmoke, emitReport, isSmoke, type Figure } from './figures';
import { scratchDatabase } from './scratchDatabase';

/**
 * Device → browser: how long a reading takes from its device's publish to a graphql-ws
 * subscriber's frame, at a farm's rate (`devices` sensors, one reading a second each), through
 * the deployed path: Mosquitto → a farm box's ingestor (`farmiq start --target ingestor`, its
 * own process, farm defaults: FORWARD_BATCH_MAX_WAIT_MS 1000) → signed batches → the cloud
 * (`farmiq start` on PostgreSQL) → outbox → live relay → gateway → frame. The devices run in a
 * process of their own (bench/deviceGenerator.ts). Measured from the publish (the reading's
 * timestamp), so PUBACK → frame is at most this; the devices' publish → PUBACK is printed too.
 *
 * Each case runs twice in the same run: with the forwarder's fixed linger (the baseline: a live
 * batch waits FORWARD_BATCH_MAX_WAIT_MS unless full) and its adaptive linger (at once while the
 * link is idle). Then peak throughput for both: `burst` readings published as fast as Mosquitto
 * acknowledges, to the last one stored (adaptive must not lose throughput). A full run does
 * the cases in the order fixed, adaptive, adaptive, fixed and pools each linger's two rounds.
 *
 * Usage: npm run bench:latency [-- devices seconds burst] [--smoke]   (defaults 100 20 20000; smoke 5 3 500)
 */
const smoke = isSmoke();
const [devicesArg, secondsArg, burstArg] = argsWithoutSmoke();
const DEVICES = Number(devicesArg ?? (smoke ? 5 : 100));
const SECONDS = Number(secondsArg ?? (smoke ? 3 : 20));
const BURST = Number(burstArg ?? (smoke ? 500 : 20_000));
const ROOT = path.join(__dirname, '..');
const ADMIN = { FARMIQ_ADMIN_EMAIL: 'bench@farmiq.local', FARMIQ_ADMIN_PASSWORD: `bench only ${Date.now()} passphrase` };
const INGESTOR = { username: 'farmiq-ingestor', password: randomUUID() };
const step = (what: string) => console.error(`[bench:latency] ${what}`);
const LINGERS = ['fixed', 'adaptive'] as const;
/** Fixed, adaptive, adaptive, fixed (ABBA): a machine that gets busier or quieter during the run favours neither. */
const ROUNDS: ReadonlyArray<(typeof LINGERS)[number]> = smoke ? LINGERS : ['fixed', 'adaptive', 'adaptive', 'fixed'];

interface ModeResult {
  linger: (typeof LINGERS)[number];
  p50: number;
  p99: number;
  max: number;
  frames: number;
  /** Readings of the steady phase stored in the cloud (published − stored never left the edge or were refused). */
  stored: number;
  published: number;
  pubackP50: number;
  pubackP99: number;
  burstRate: number;
}

async function main(): Promise<void> {
  const scratch = await scratchDatabase('latency');
  const cleanup: Array<() => Promise<unknown> | void> = [() => scratch.drop()];
  try {
    const cloud = spawnFarmiq(['start'], {
      ...FREE_PORTS,
      ...ADMIN,
      SIMULATOR: 'off',
      DATABASE_URL: scratch.url,
      FARMIQ_SECRETS_KEY: generateSecretBoxKey(),
      FARMIQ_DATA_DIR: tempDir(cleanup),
      LOG_LEVEL: 'info',
    });
    cleanup.push(() => stop(cloud));
    const cloudPorts = await cloud.up;
    const gatewayUrl = `http://127.0.0.1:${cloudPorts.gateway}/graphql`;
    step('cloud up; seeding');
    const farm = await seedFarmThroughApi(gatewayUrl, { email: ADMIN.FARMIQ_ADMIN_EMAIL, password: ADMIN.FARMIQ_ADMIN_PASSWORD }, DEVICES);
    const mosquitto = await startMosquitto(
      farm.passwordFile + mosquittoPasswordFile([{ username: INGESTOR.username, passwordHash: hashMosquittoPassword(INGESTOR.password) }]),
      `user ${INGESTOR.username}\ntopic read farmiq/devices/+/telemetry\n\n${farm.aclFile}`,
    );
    cleanup.push(() => mosquitto.stop());
    const brokerUrl = `mqtt://127.0.0.1:${mosquitto.port}`;

    const live = await openLive(gatewayUrl, { token: farm.tenantAdminToken });
    cleanup.push(() => live.close());
    const subscription = live.subscribe('subscription ($b: ID) { readingAdded(barnId: $b) { observedAt device { name } } }', { b: farm.barnId });
    const arrivals: Array<{ at: number; observedAt: string }> = [];
    const seen = subscription.results.length;
    // Frames are timed as they arrive: the client keeps them in order, a poll every millisecond would be late.
    const poll = setInterval(() => {
      for (let i = seen + arrivals.length; i < subscription.results.length; i += 1)
        arrivals.push({ at: Date.now(), observedAt: subscription.results[i]!.data?.readingAdded?.observedAt });
    }, 1);
    cleanup.push(() => clearInterval(poll));

    const db = new pg.Client({ connectionString: scratch.url });
    await db.connect();
    cleanup.push(() => db.end());
    const rounds: Array<{
      linger: (typeof LINGERS)[number];
      latencies: number[];
      stored: number;
      published: number;
      pubackP50: number;
      pubackP99: number;
      burstRate: number;
    }> = [];
    for (const [round, linger] of ROUNDS.entries()) {
      step(`ingestor with the ${linger} linger (round ${round + 1} of ${ROUNDS.length})`);
      const edge = spawnFarmiq(['start', '--target', 'ingestor'], {
        NODE_ENV: 'test',
        INGESTOR_PORT: '0',
        INGESTOR_CLIENT_ID: `farmiq-ingestor-${linger}`,
        MQTT_URL: `mqtt://${INGESTOR.username}:${INGESTOR.password}@127.0.0.1:${mosquitto.port}`,
        EDGE_KEY_ID: farm.keyId,
        EDGE_KEY_SECRET: farm.secret,
        FORWARD_LINGER: linger,
        FARMIQ_DATA_DIR: tempDir(cleanup),
        INGEST_URL: `http://127.0.0.1:${cloudPorts.telemetry}${INGEST_PATH}`,
      });
      await edge.up;
      // Warm-up: the first readings pay for JIT and connections.
      if (!smoke)
        await runDevices({ brokerUrl, devices: farm.devices, mode: { kind: 'steady', intervalMs: 1_000, seconds: 1 }, runId: `w-${linger}-${round}` });
      await quiet(arrivals);
      const windowStart = Date.now();
      const steady = await runDevices({
        brokerUrl,
        devices: farm.devices,
        mode: { kind: 'steady', intervalMs: 1_000, seconds: SECONDS },
        runId: `s-${linger}-${round}`,
      });
      const windowEnd = Date.now();
      // Only this run's readings: published inside its window (frames of earlier runs may still trickle in).
      const inWindow = () =>
        arrivals.filter((arrival) => arrival.observedAt && Date.parse(arrival.observedAt) >= windowStart && Date.parse(arrival.observedAt) <= windowEnd);
      // Stored rows tell a reading that never left the edge from a frame that is late or was not delivered.
      const stored = await storedOfRun(db, `s-${linger}-${round}-`, steady.acknowledged);
      await framesFor(inWindow, stored);
      const latencies = inWindow().map((arrival) => arrival.at - Date.parse(arrival.observedAt));

      // Every event consumer (alerts, usage, weights, not only the relay) done with the steady phase: its leftovers would slow the burst.
      await consumersCaughtUp(db);
      const acceptedBefore = await metricValue(cloudPorts.gateway!, 'farmiq_ingest_messages_total{outcome="accepted"}', 0);
      const burstStarted = performance.now();
      const burst = await runDevices({ brokerUrl, devices: farm.devices, mode: { kind: 'burst', count: BURST }, runId: `b-${linger}-${round}` });
      while ((await metricValue(cloudPorts.gateway!, 'farmiq_ingest_messages_total{outcome="accepted"}', 0)) < acceptedBefore + burst.acknowledged) {
        if (performance.now() - burstStarted > 300_000) throw new Error('the burst was not stored within 5 minutes');
        await sleep(50);
      }
      const burstRate = burst.acknowledged / ((performance.now() - burstStarted) / 1000);
      await stop(edge);
      rounds.push({ linger, latencies, stored, published: steady.acknowledged, pubackP50: steady.pubackP50Ms, pubackP99: steady.pubackP99Ms, burstRate });
    }
    // Each linger over its rounds: latencies pooled, counts summed, the peak rates averaged.
    const results: ModeResult[] = LINGERS.map((linger) => {
      const mine = rounds.filter((result) => result.linger === linger);
      const latencies = mine.flatMap((result) => result.latencies).sort((a, b) => a - b);
      const sum = (pick: (result: (typeof mine)[number]) => number) => mine.reduce((total, result) => total + pick(result), 0);
      return {
        linger,
        stored: sum((result) => result.stored),
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        max: latencies.at(-1) ?? NaN,
        frames: latencies.length,
        published: sum((result) => result.published),
        pubackP50: Math.max(...mine.map((result) => result.pubackP50)),
        pubackP99: Math.max(...mine.map((result) => result.pubackP99)),
        burstRate: sum((result) => result.burstRate) / mine.length,
      };
    });
    for (const result of rounds)
      step(
        `round ${result.linger}: p99 ${percentile(
          [...result.latencies].sort((a, b) => a - b),
          99,
        ).toFixed(0)} ms, peak ${result.burstRate.toFixed(0)} msg/s`,
      );
    print(results);
    const [fixed, adaptive] = results as [ModeResult, ModeResult];
    const fixedP99 = 'fixed linger: p99 publish → frame (baseline)';
    const fixedBurst = 'fixed linger: peak publish → stored (baseline)';
    const figures: Figure[] = [
      { case: fixedP99, value: fixed.p99, unit: 'ms', errors: Math.max(0, fixed.published - fixed.frames) },
      {
        case: 'adaptive linger: p99 publish → frame',
        value: adaptive.p99,
        unit: 'ms',
        baseline: fixedP99,
        errors: Math.max(0, adaptive.published - adaptive.frames),
      },
      { case: fixedBurst, value: fixed.burstRate, unit: 'msg/s' },
      { case: 'adaptive linger: peak publish → stored', value: adaptive.burstRate, unit: 'msg/s', baseline: fixedBurst },
    ];
    emitReport('latency', smoke, figures);
  } finally {
    while (cleanup.length > 0) await Promise.resolve(cleanup.pop()!()).catch(() => undefined);
  }
}

async function runDevices(run: DeviceRun): Promise<DeviceRunOutput> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', 'deviceGenerator.ts'), JSON.stringify(run)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`the device generator exited with ${code}`);
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as DeviceRunOutput;
}

function print(results: ModeResult[]): void {
  console.log(
    `\nFarmIQ device → browser: ${DEVICES} devices × 1 reading/s for ${SECONDS} s, Mosquitto → ingestor (own process) → cloud on PostgreSQL → graphql-ws; ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)}\n`,
  );
  console.log(
    [
      'forwarder linger'.padEnd(20),
      'frames/stored/published'.padStart(26),
      'p50 ms'.padStart(9),
      'p99 ms'.padStart(9),
      'max ms'.padStart(9),
      'PUBACK p50/p99 ms'.padStart(19),
      `peak (${BURST}) msg/s`.padStart(22),
    ].join(''),
  );
  for (const result of results) {
    console.log(
      [
        (result.linger === 'fixed' ? 'fixed (baseline)' : result.linger).padEnd(20),
        `${result.frames}/${result.stored}/${result.published}`.padStart(26),
        result.p50.toFixed(0).padStart(9),
        result.p99.toFixed(0).padStart(9),
        result.max.toFixed(0).padStart(9),
        `${result.pubackP50.toFixed(1)}/${result.pubackP99.toFixed(1)}`.padStart(19),
        result.burstRate.toFixed(0).padStart(22),
      ].join(''),
    );
  }
  const [fixed, adaptive] = results as [ModeResult, ModeResult];
  console.log(
    `\nadaptive vs fixed: p99 ${(adaptive.p99 / fixed.p99).toFixed(2)}×, peak ${(adaptive.burstRate / fixed.burstRate).toFixed(2)}×; goal p99 ≤ 250 ms → ${adaptive.p99.toFixed(0)} ms`,
  );
}

function tempDir(cleanup: Array<() => unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-bench-latency-'));
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function stop(process: FarmiqProcess): Promise<void> {
  process.child.kill('SIGTERM');
  await process.exited;
}

/** Waits until every event consumer's cursor passed every event (at most `timeoutMs`). */
async function consumersCaughtUp(db: pg.Client, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.query(
      `SELECT count(*)::int AS behind FROM "events"."outbox" o JOIN "events"."consumer_partition" c ON c.topic = o.topic AND o.shard % c.partitions = c.partition WHERE o.position > c.position`,
    );
    if (rows[0].behind === 0 || Date.now() > deadline) return;
    await sleep(500);
  }
}

/** How many of the steady phase's readings (event ids starting with `prefix`) are stored, waiting up to a minute for `expected`. */
async function storedOfRun(db: pg.Client, prefix: string, expected: number): Promise<number> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { rows } = await db.query('SELECT count(DISTINCT event_id)::int AS n FROM "telemetry"."reading" WHERE event_id LIKE $1', [`${prefix}%`]);
    if (rows[0].n >= expected || Date.now() > deadline) return rows[0].n as number;
    await sleep(200);
  }
}

/** Waits until `count` frames of the window arrived, or none arrived for five seconds. */
async function framesFor(inWindow: () => unknown[], count: number): Promise<void> {
  let [seen, lastArrivalAt] = [inWindow().length, Date.now()];
  while (seen < count && Date.now() - lastArrivalAt < 5_000) {
    await sleep(100);
    const now = inWindow().length;
    if (now > seen) [seen, lastArrivalAt] = [now, Date.now()];
  }
}

/** Waits until no frame arrived for a second: what an earlier phase sent has been delivered. */
async function quiet(arrivals: unknown[], timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let count = -1;
  while (count !== arrivals.length && Date.now() < deadline) {
    count = arrivals.length;
    await sleep(1_000);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
