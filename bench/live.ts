import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import WebSocket from 'ws';
import { SUBGRAPH_NAMES } from '../lib/config';
import { TOPICS } from '../lib/pubsub/pubsub';
import { generateSecretBoxKey } from '../lib/crypto/secretBox';
import { INGEST_PATH } from '../lib/edge/signedBatch';
import { FREE_PORTS, spawnFarmiq } from '../tests/support/farmiqProcess';
import { argsWithoutSmoke, emitReport, isSmoke } from './figures';
import type { BatchTimes, GeneratorInput, GeneratorOutput } from './liveGenerator';
import { cpuMeter, pidsNamed, residentMiB } from './processCpu';
import { scratchDatabase, type ScratchDatabase } from './scratchDatabase';
import { seedBarns, type SeededBarns } from './seedBarns';

/**
 * Live readings under load, on the real path: a load generator (its own process,
 * bench/liveGenerator.ts) POSTs signed batches of readings to the telemetry ingest endpoint;
 * the cloud stores them and appends a readings-stored event to the outbox in the same
 * transaction; the live relay (a durable consumer woken by NOTIFY) publishes it on Redis; the
 * measured gateway (`farmiq start --target gateway`, its own process, as replicas are deployed)
 * resolves each event's federated selection (telemetry's Reading, devices' device and barn
 * names) and sends graphql-ws frames to `subscribers` clients, each watching one of `barns` barns.
 *
 * Baseline in the same run: a bare `ws` server (bench/bareBroadcast.ts, its own process) that
 * takes the same events from the same Redis channel and broadcasts them pre-shaped, no auth, no
 * GraphQL. Both are fed by the same generator through the same ingest path, so the difference
 * is the gateway's. Latency, per frame, from three moments of the reading's batch: its POST (the
 * reading's receivedAt, ms), the commit of its stored-readings event (the outbox row's
 * recorded_at, taken by the append, the transaction's last statement), and the live relay's
 * publish (as the generator process saw it go by on Redis). The goal's figure is commit → frame.
 * A phase ends once every expected frame arrived or none came for SETTLE_MS (what is missing
 * then is counted lost). First, `idle` subscriptions sit on the fresh gateway while its memory is read.
 *
 * Needs PostgreSQL (a scratch database on POSTGRES_URL, or DATABASE_URL) and Redis (REDIS_URL or
 * 127.0.0.1:6379). Usage: npm run bench:live [-- --subscribers 1000 --rate 500 --seconds 10
 * --barns 10 --idle 5000] [--smoke] (smoke: 20 subscribers, 2 barns, 20 readings/s for 2 s, 20 idle)
 */
const smoke = isSmoke();
const options = parseOptions(
  smoke ? { subscribers: 20, rate: 20, seconds: 2, barns: 2, idle: 20 } : { subscribers: 1000, rate: 500, seconds: 10, barns: 10, idle: 5000 },
);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ROOT = path.join(__dirname, '..');
const SUBSCRIPTION = 'subscription ($b: ID) { readingAdded(barnId: $b) { metric value unit observedAt receivedAt device { name barn { name } } } }';
const BENCH_ADMIN = { FARMIQ_ADMIN_EMAIL: 'bench@farmiq.local', FARMIQ_ADMIN_PASSWORD: `bench only ${Date.now()} passphrase` };
/**
 * After the generator stopped: a phase ends when no frame arrived for this long (or all did).
 * Long enough for a resolution through a starved cloud: at load 10 one took over 2 s, and a
 * 2 s silence ended a phase with half its frames still on the way.
 */
const SETTLE_MS = smoke ? 2_000 : 10_000;
/** ... and at the latest this long after the generator stopped. */
const MAX_SETTLE_MS = 180_000;
const step = (what: string) => console.error(`[bench:live] ${what}`);

interface Received {
  /** Frames of readings POSTed before this (epoch ms: an earlier phase's) are not counted. */
  sinceMs: number;
  /** Per counted frame: its reading's receivedAt (the batch's POST, epoch ms) and its arrival. */
  postedAt: number[];
  arrivedAt: number[];
  delivered: number;
  malformed: number;
}

/** The last moment any client counted a frame (epoch ms). */
let lastFrameAt = 0;
/** Subscriptions the gateway answered with errors instead of readings (each ends the subscription). */
const refusals: string[] = [];

interface Client {
  socket: WebSocket;
  received: Received;
}

async function main(): Promise<void> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect().catch(() => {
    throw new Error(`bench:live needs Redis at ${REDIS_URL} (set REDIS_URL)`);
  });
  redis.disconnect();
  let scratch: ScratchDatabase | undefined;
  if (!process.env.DATABASE_URL) scratch = await scratchDatabase('live');
  const databaseUrl = process.env.DATABASE_URL ?? scratch!.url;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-bench-live-'));
  const farmiq = spawnFarmiq(['start'], {
    ...FREE_PORTS,
    ...BENCH_ADMIN,
    SIMULATOR: 'off',
    FARMIQ_DATA_DIR: dataDir,
    FARMIQ_SECRETS_KEY: generateSecretBoxKey(),
    LOG_LEVEL: 'info',
    REDIS_URL,
    DATABASE_URL: databaseUrl,
  });
  let bare: ChildProcess | undefined;
  let failed = false;
  let gateway: ReturnType<typeof spawnFarmiq> | undefined;
  try {
    const ports = await farmiq.up;
    gateway = spawnFarmiq(['start', '--target', 'gateway'], {
      PORT: '0',
      FARMIQ_DATA_DIR: path.join(dataDir, 'gateway'),
      LOG_LEVEL: 'info',
      REDIS_URL,
      FARMIQ_JWKS_URL: `http://127.0.0.1:${ports.identity}/.well-known/jwks.json`,
      ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[name]}/graphql`])),
    });
    const gatewayPort = (await gateway.up).gateway!;
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
    step('system up; seeding');
    const seeded = await seedBarns(
      `http://127.0.0.1:${ports.gateway}/graphql`,
      { email: BENCH_ADMIN.FARMIQ_ADMIN_EMAIL, password: BENCH_ADMIN.FARMIQ_ADMIN_PASSWORD },
      options.barns,
    );
    const ingestUrl = `http://127.0.0.1:${ports.telemetry}${INGEST_PATH}`;
    const barnOf = (i: number) => seeded.barns[i % seeded.barns.length]!.barnId;
    let runs = 0;
    const generate = (seconds: number) =>
      runGenerator({
        ingestUrl,
        key: seeded.edgeKey,
        deviceIds: seeded.barns.map((barn) => barn.deviceId),
        rate: options.rate,
        seconds,
        tickMs: 20,
        runId: `r${Date.now()}-${(runs += 1)}`,
        redisUrl: REDIS_URL,
      });
    const committedAt = (batches: BatchTimes[]) => commitTimes(databaseUrl, batches);

    step('idle subscribers');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const rssBefore = residentMiB(gateway.child.pid!);
    const idleClients = await openMany(options.idle, (i) => liveClient(gatewayUrl, seeded.tenantAdminToken, barnOf(i)), 200);
    await subscriptionsReach(gatewayPort, options.idle, 600_000);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const rssIdle = residentMiB(gateway.child.pid!);
    idleClients.forEach((client) => client.socket.terminate());
    await subscriptionsReach(gatewayPort, 0);

    const processes = () => ({
      'cloud (ingest, relay)': [farmiq.child.pid!],
      'gateway (measured)': gateway?.child.pid ? [gateway.child.pid] : [],
      'bare ws server': bare?.pid ? [bare.pid] : [],
      'subscribers (this process)': [process.pid],
      PostgreSQL: pidsNamed('postgres'),
      Redis: pidsNamed('redis-server'),
    });

    step('bare broadcast');
    bare = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', 'bareBroadcast.ts'), REDIS_URL, JSON.stringify(namesOf(seeded))], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const barePort = await new Promise<number>((resolve) =>
      bare!.stdout!.once('data', (chunk: Buffer) => resolve((JSON.parse(chunk.toString()) as { port: number }).port)),
    );
    const bareClients = await openMany(options.subscribers, (i) => bareClient(barePort, barnOf(i)));
    if (!smoke) await generate(1); // warm-up: JIT, pools, the relay's first turns
    const bareRun = await measure(bareClients, generate, committedAt, cpuMeter(processes));
    bareClients.forEach((client) => client.socket.terminate());
    bare.kill('SIGTERM');
    bare = undefined;

    step('gateway');
    const liveClients = await openMany(options.subscribers, (i) => liveClient(gatewayUrl, seeded.tenantAdminToken, barnOf(i)));
    await subscriptionsReach(gatewayPort, options.subscribers, 300_000);
    if (!smoke) await generate(2); // warm-up: JIT, query plan cache, connection pools
    const liveRun = await measure(liveClients, generate, committedAt, cpuMeter(processes));
    const dropped = await gatewayDroppedFrames(gatewayPort);
    liveClients.forEach((client) => client.socket.close());

    report(bareRun, liveRun, { rssBefore, rssIdle }, dropped);
    // Missing frames: show what the processes logged (the finally block prints their warnings).
    if (bareRun.lost + liveRun.lost + refusals.length > 0) failed = true;
    const bareRate = 'bare ws broadcast: frames/s (baseline)';
    const bareP99 = 'bare ws broadcast: p99 POST → frame';
    const bareCommitP99 = 'bare ws broadcast: p99 commit → frame';
    const rssBeforeCase = 'gateway RSS before the idle subscriptions';
    emitReport('live', smoke, [
      { case: bareRate, value: bareRun.deliveredPerSecond, unit: 'frames/s' },
      {
        case: 'gateway graphql-ws, federated selection: frames/s',
        value: liveRun.deliveredPerSecond,
        unit: 'frames/s',
        baseline: bareRate,
        errors: liveRun.malformed + liveRun.generatorFailures + liveRun.lost + dropped + refusals.length,
      },
      { case: bareP99, value: bareRun.post.p99, unit: 'ms', errors: bareRun.generatorFailures + bareRun.lost },
      { case: 'gateway graphql-ws: p99 POST → frame', value: liveRun.post.p99, unit: 'ms', baseline: bareP99 },
      { case: bareCommitP99, value: bareRun.commit.p99, unit: 'ms' },
      { case: 'gateway graphql-ws: p99 commit → frame', value: liveRun.commit.p99, unit: 'ms', baseline: bareCommitP99 },
      { case: rssBeforeCase, value: rssBefore, unit: 'MiB' },
      { case: `gateway RSS with ${options.idle} idle subscriptions`, value: rssIdle, unit: 'MiB', baseline: rssBeforeCase },
    ]);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    bare?.kill('SIGTERM');
    gateway?.child.kill('SIGTERM');
    const gatewayLog = (await gateway?.exited)?.stderr ?? '';
    farmiq.child.kill('SIGTERM');
    const cloudLog = (await farmiq.exited).stderr;
    // What went wrong inside: the processes' warnings and errors (pino levels 40 and up).
    if (failed)
      for (const [who, log] of [
        ['gateway', gatewayLog],
        ['cloud', cloudLog],
      ])
        console.error(
          `[bench:live] ${who}'s warnings and errors:\n${log
            .split('\n')
            .filter((line) => /"level":[4-6]0/.test(line))
            .slice(-20)
            .join('\n')}`,
        );
    fs.rmSync(dataDir, { recursive: true, force: true });
    await scratch?.drop();
  }
}

/** Runs the generator process for one phase; resolves with what it sent and its own CPU time. */
async function runGenerator(input: GeneratorInput): Promise<GeneratorOutput> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', 'liveGenerator.ts'), JSON.stringify(input)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`the load generator exited with ${code}`);
  const output = JSON.parse(stdout.trim().split('\n').at(-1)!) as GeneratorOutput;
  return output;
}

async function measure(
  clients: Client[],
  generate: (seconds: number) => ReturnType<typeof runGenerator>,
  committedAt: (batches: BatchTimes[]) => Promise<Map<number, number>>,
  cpu: ReturnType<typeof cpuMeter>,
) {
  const sinceMs = Date.now();
  for (const { received } of clients) Object.assign(received, { sinceMs, postedAt: [], arrivedAt: [], delivered: 0, malformed: 0 });
  const deliveredSoFar = () => clients.reduce((sum, client) => sum + client.received.delivered, 0);
  cpu.start();
  const generated = await generate(options.seconds);
  // Each reading goes to the subscribers of its barn: subscribers / barns of them.
  const expected = generated.acknowledged * (options.subscribers / options.barns);
  const stoppedAt = Date.now();
  lastFrameAt = Math.max(lastFrameAt, stoppedAt);
  while (deliveredSoFar() < expected && Date.now() - lastFrameAt < SETTLE_MS && Date.now() - stoppedAt < MAX_SETTLE_MS) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const settledMs = Date.now() - stoppedAt;
  const cpuSeconds = { ...cpu.stop(), 'load generator (own process)': generated.cpuSeconds };
  const commits = await committedAt(generated.batches);
  const published = new Map(generated.batches.filter((b) => b.publishedAt !== undefined).map((b) => [b.postedAt, b.publishedAt!]));
  const fromPost: number[] = [];
  const fromCommit: number[] = [];
  const fromPublish: number[] = [];
  for (const { received } of clients) {
    received.postedAt.forEach((postedAt, i) => {
      const arrivedAt = received.arrivedAt[i]!;
      fromPost.push(arrivedAt - postedAt);
      const commit = commits.get(postedAt);
      if (commit !== undefined) fromCommit.push(arrivedAt - commit);
      const publish = published.get(postedAt);
      if (publish !== undefined) fromPublish.push(arrivedAt - publish);
    });
  }
  const acknowledged = generated.batches.filter((b) => b.acknowledgedAt !== undefined);
  const delivered = deliveredSoFar();
  return {
    readings: generated.acknowledged,
    generatorFailures: generated.failedBatches + (generated.sent - generated.acknowledged),
    expected,
    delivered,
    lost: Math.max(0, expected - delivered),
    settledMs,
    deliveredPerSecond: delivered / generated.seconds,
    post: percentiles(fromPost),
    commit: percentiles(fromCommit),
    publish: percentiles(fromPublish),
    hops: {
      'POST → commit': percentiles(acknowledged.flatMap((b) => (commits.has(b.postedAt) ? [commits.get(b.postedAt)! - b.postedAt] : []))),
      'POST → acknowledged': percentiles(acknowledged.map((b) => b.acknowledgedAt! - b.postedAt)),
      'commit → relay published': percentiles(
        acknowledged.flatMap((b) => (commits.has(b.postedAt) && published.has(b.postedAt) ? [published.get(b.postedAt)! - commits.get(b.postedAt)!] : [])),
      ),
      'relay published → frame': percentiles(fromPublish),
    },
    unpublishedBatches: acknowledged.filter((b) => !published.has(b.postedAt)).length,
    malformed: clients.reduce((s, { received }) => s + received.malformed, 0),
    cpuSeconds,
    seconds: generated.seconds + settledMs / 1000,
    generatorSeconds: generated.seconds,
  };
}

function percentiles(values: number[]): { p50: number; p99: number; max: number } {
  const sorted = values.sort((a, b) => a - b);
  const pick = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  return { p50: pick(50), p99: pick(99), max: sorted.at(-1) ?? NaN };
}

/**
 * When each batch's stored-readings event was recorded (epoch ms), by the batch's POST time: the
 * outbox row's recorded_at, taken by the append just before the commit (lib/events/outbox.ts).
 */
async function commitTimes(databaseUrl: string, batches: BatchTimes[]): Promise<Map<number, number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const first = Math.min(...batches.map((b) => b.postedAt));
    const { rows } = await client.query<{ posted_at: string; recorded_ms: number }>(
      `SELECT payload->'readings'->0->>'receivedAt' AS posted_at, extract(epoch FROM recorded_at) * 1000 AS recorded_ms
       FROM "events"."outbox" WHERE topic = $1 AND recorded_at >= $2`,
      [TOPICS.readingsStored, new Date(first).toISOString()],
    );
    return new Map(rows.map((row) => [Date.parse(row.posted_at), Number(row.recorded_ms)]));
  } finally {
    await client.end();
  }
}

/** Frames the gateway dropped for slow clients (its `farmiq_live_events_dropped_total`). */
async function gatewayDroppedFrames(gatewayPort: number): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${gatewayPort}/metrics`)).text();
  return Number(/^farmiq_live_events_dropped_total (\d+)/m.exec(text)?.[1] ?? 0);
}

function track(socket: WebSocket): Received {
  const received: Received = { sinceMs: Infinity, postedAt: [], arrivedAt: [], delivered: 0, malformed: 0 };
  socket.on('message', (raw) => {
    const arrivedAt = Date.now();
    const message = JSON.parse(raw.toString()) as {
      type: string;
      payload?: { data?: { readingAdded?: { receivedAt: string; device?: { name?: string } } }; errors?: unknown[] };
    };
    if (message.type !== 'next') return;
    if (message.payload?.errors) {
      refusals.push(JSON.stringify(message.payload.errors));
      return;
    }
    const reading = message.payload?.data?.readingAdded;
    if (!reading?.device?.name) {
      received.malformed += 1;
      return;
    }
    const postedAt = Date.parse(reading.receivedAt);
    if (postedAt < received.sinceMs) return;
    received.delivered += 1;
    received.postedAt.push(postedAt);
    received.arrivedAt.push(arrivedAt);
    lastFrameAt = arrivedAt;
  });
  return received;
}

async function bareClient(port: number, barnId: string): Promise<Client> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/?barnId=${barnId}`);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  return { socket, received: track(socket) };
}

async function liveClient(gatewayUrl: string, token: string, barnId: string): Promise<Client> {
  const socket = new WebSocket(gatewayUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const acked = new Promise<void>((resolve, reject) => {
    socket.once('message', (raw) =>
      (JSON.parse(raw.toString()) as { type: string }).type === 'connection_ack' ? resolve() : reject(new Error(raw.toString())),
    );
    socket.once('close', (code, reason) => reject(new Error(`closed ${code} ${reason.toString()}`)));
  });
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  await acked;
  const received = track(socket);
  socket.on('message', (raw) => {
    const message = JSON.parse(raw.toString()) as { type: string; payload?: unknown };
    if (message.type === 'error') console.error(`[bench:live] subscription refused: ${JSON.stringify(message.payload)}`);
  });
  socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: SUBSCRIPTION, variables: { b: barnId } } }));
  return { socket, received };
}

async function openMany(count: number, open: (index: number) => Promise<Client>, parallel = 50): Promise<Client[]> {
  const clients: Client[] = [];
  for (let start = 0; start < count; start += parallel) {
    clients.push(...(await Promise.all(Array.from({ length: Math.min(parallel, count - start) }, (_, i) => open(start + i)))));
  }
  return clients;
}

async function subscriptionsReach(gatewayPort: number, count: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen = NaN;
  while (Date.now() < deadline) {
    // A kept-alive connection the busy gateway closed meanwhile answers ECONNRESET: ask again.
    const text = await fetch(`http://127.0.0.1:${gatewayPort}/metrics`)
      .then((response) => response.text())
      .catch(() => '');
    seen = Number(/^farmiq_live_subscriptions (\d+)/m.exec(text)?.[1]);
    if (seen === count) return;
    if (refusals.length > 0) throw new Error(`the gateway refused ${refusals.length} subscriptions (at ${seen} of ${count}); the first: ${refusals[0]}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the gateway did not reach ${count} live subscriptions (at ${seen})`);
}

/** What the bare server sends in place of the federated names. */
function namesOf(seeded: SeededBarns): Record<string, { name: string; barn: { name: string } }> {
  return Object.fromEntries(seeded.barns.map((barn) => [barn.deviceId, { name: barn.deviceName, barn: { name: barn.barnName } }]));
}

type Run = Awaited<ReturnType<typeof measure>>;

function report(bareRun: Run, liveRun: Run, memory: { rssBefore: number; rssIdle: number }, dropped: number): void {
  const perBarn = options.subscribers / options.barns;
  console.log(
    `\nFarmIQ live benchmark: signed batches → ingest → outbox → live relay → Redis → ${options.subscribers} subscribers over ${options.barns} barns (${perBarn} per barn), ` +
      `${options.rate} readings/s for ${options.seconds} s; ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)}\n`,
  );
  const ms = (value: number) => value.toFixed(0).padStart(9);
  console.log(
    [
      'case'.padEnd(44),
      'frames/s'.padStart(10),
      'complete'.padStart(10),
      'commit→frame p50'.padStart(18),
      'p99'.padStart(7),
      'POST→frame p50'.padStart(16),
      'p99'.padStart(7),
      'vs bare'.padStart(9),
    ].join(''),
  );
  for (const [name, run] of [
    ['bare ws broadcast (baseline)', bareRun],
    ['gateway graphql-ws, federated selection', liveRun],
  ] as const) {
    console.log(
      [
        name.padEnd(44),
        run.deliveredPerSecond.toFixed(0).padStart(10),
        `${((100 * run.delivered) / run.expected).toFixed(1)}%`.padStart(10),
        run.commit.p50.toFixed(0).padStart(18),
        run.commit.p99.toFixed(0).padStart(7),
        run.post.p50.toFixed(0).padStart(16),
        run.post.p99.toFixed(0).padStart(7),
        `${(run.deliveredPerSecond / bareRun.deliveredPerSecond).toFixed(2)}×`.padStart(9),
      ].join(''),
    );
  }
  console.log(`\nhops per batch (ms)${''.padEnd(30)}${['p50', 'p99', 'max'].map((h) => h.padStart(9)).join('')}`);
  for (const [name, run] of [
    ['bare', bareRun],
    ['gateway', liveRun],
  ] as const) {
    for (const [hop, figures] of Object.entries(run.hops)) console.log(`  ${name}: ${hop}`.padEnd(49) + ms(figures.p50) + ms(figures.p99) + ms(figures.max));
  }
  for (const [name, run] of [
    ['bare', bareRun],
    ['gateway', liveRun],
  ] as const) {
    const cpu = Object.entries(run.cpuSeconds)
      .filter(([, seconds]) => seconds > 0)
      .map(([who, seconds]) => `${who} ${((100 * seconds) / run.seconds).toFixed(0)}%`)
      .join(', ');
    console.log(`CPU during the ${name} run (% of one core over ${run.seconds.toFixed(1)} s): ${cpu}`);
    // Survives a busy machine where wall-clock rates do not: CPU time per frame delivered.
    const perFrame = Object.entries(run.cpuSeconds)
      .filter(([, seconds]) => seconds > 0)
      .map(([who, seconds]) => `${who} ${((1e6 * seconds) / run.delivered).toFixed(1)}`)
      .join(', ');
    console.log(`  ${name}: CPU µs per frame delivered: ${perFrame}`);
    console.log(
      `  ${name}: ${run.delivered} of ${run.expected} frames (${run.lost} missing ${(run.settledMs / 1000).toFixed(1)} s after the generator stopped); ` +
        `${run.unpublishedBatches} acknowledged batches never seen published`,
    );
  }
  if (liveRun.malformed > 0) console.log(`\n${liveRun.malformed} gateway events arrived without their federated fields`);
  if (refusals.length > 0) console.log(`${refusals.length} gateway frames carried errors instead of a reading; the first: ${refusals[0]}`);
  if (dropped > 0) console.log(`the gateway dropped ${dropped} frames for clients not reading (farmiq_live_events_dropped_total)`);
  console.log(
    `\nidle: ${options.idle} subscriptions; gateway RSS ${memory.rssBefore.toFixed(0)} MiB before, ${memory.rssIdle.toFixed(0)} MiB with them (+${(memory.rssIdle - memory.rssBefore).toFixed(0)} MiB)`,
  );
  console.log(
    `goals: p99 ≤ 100 ms → ${liveRun.commit.p99.toFixed(0)} ms (commit → frame; POST → frame ${liveRun.post.p99.toFixed(0)} ms); ≥ 0.5× bare → ${(liveRun.deliveredPerSecond / bareRun.deliveredPerSecond).toFixed(2)}×; 5,000 idle ≤ 300 MB → ${memory.rssIdle.toFixed(0)} MiB`,
  );
}

function parseOptions<T extends Record<string, number>>(defaults: T): T {
  const result: Record<string, number> = { ...defaults };
  const args = argsWithoutSmoke();
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i]!.replace(/^--/, '');
    if (!(name in defaults) || !Number.isFinite(Number(args[i + 1])))
      throw new Error(`usage: npm run bench:live -- [--${Object.keys(defaults).join(' N] [--')} N] [--smoke]`);
    result[name] = Number(args[i + 1]);
  }
  return result as T;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
