import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import mqtt, { type MqttClient } from 'mqtt';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { generateSecretBoxKey } from '../lib/crypto/secretBox';
import { INGEST_PATH } from '../lib/edge/signedBatch';
import { sendBatch } from '../edge-ingestor/forwarder/sendBatch';
import { hashMosquittoPassword, mosquittoPasswordFile } from '../lib/mqtt/mosquittoPassword';
import { FREE_PORTS, spawnFarmiq, type FarmiqProcess } from '../tests/support/farmiqProcess';
import { startMosquitto, type MosquittoInstance } from '../tests/support/mosquitto';
import { waitFor } from '../tests/support/waitFor';
import { metricValue } from '../tests/support/metrics';
import { seedFarmThroughApi, type SeededFarm } from '../tests/support/seedFarm';
import { EDGE_NODE_OPTIONS } from '../edge-ingestor/v8Limits';
import { postgresDriver } from '../lib/db/postgresDriver';
import { storeReadings, type ReadingRow } from '../subgraphs/telemetry/ingest/storeReadings';
import { argsWithoutSmoke, emitReport, isSmoke, type Figure } from './figures';

/**
 * End-to-end ingest throughput: devices publish QoS 1 into this machine's Mosquitto, a real
 * ingestor process (`farmiq start --target ingestor`) buffers and forwards signed batches to the
 * cloud (`farmiq start` on PostgreSQL), which stores them as reading rows. Measured: messages
 * per second from the first publish to the last committed row, and publish→commit latency per
 * message (rows are counted every 100 ms; a message counts as committed when the row count first
 * covers it, forwarding being oldest first). Baseline in the same run: the same rows loaded by
 * plain COPY through pg into a table of the same shape. Then, with the cloud unreachable,
 * the ingestor's memory while its buffer fills.
 *
 * Usage: npm run bench:ingest [-- messages devices buffered] [--smoke]   (defaults 100000 20 1000000; smoke 2000 2 2000)
 * BENCH_EDGE_NODE_OPTIONS: Node options for the ingestor process (default: the shipped V8 limits,
 * edge-ingestor/v8Limits.ts; '' for V8's own sizing); FORWARD_LINGER
 * and FORWARD_BATCH_MAX_WAIT_MS pass through to it (default 200 ms).
 */
const smoke = isSmoke();
const step = (what: string) => console.error(`[bench:ingest] ${what}`);
const INGESTOR = { username: 'farmiq-ingestor', password: randomUUID() };
const ADMIN = { FARMIQ_ADMIN_EMAIL: 'bench@farmiq.local', FARMIQ_ADMIN_PASSWORD: `bench only ${Date.now()} passphrase` };

async function main(): Promise<void> {
  const [messagesArg, devicesArg, bufferedArg] = argsWithoutSmoke();
  const messages = Number(messagesArg ?? (smoke ? 2_000 : 100_000));
  const deviceCount = Number(devicesArg ?? (smoke ? 2 : 20));
  const buffered = Number(bufferedArg ?? (smoke ? 2_000 : 1_000_000));
  const serverUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const database = `farmiq_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const dbUrl = Object.assign(new URL(serverUrl), { pathname: `/${database}` }).toString();
  const cleanup: Array<() => Promise<unknown> | void> = [];
  try {
    const cloudDir = tempDir(cleanup);
    const cloud = spawnFarmiq(['start'], {
      ...FREE_PORTS,
      ...ADMIN,
      SIMULATOR: 'off',
      DATABASE_URL: dbUrl,
      FARMIQ_SECRETS_KEY: generateSecretBoxKey(),
      FARMIQ_DATA_DIR: cloudDir,
      LOG_LEVEL: 'info',
    });
    cleanup.push(() => stop(cloud));
    const cloudPorts = await cloud.up;
    step('cloud up; seeding');
    const farm = await seedFarmThroughApi(
      `http://127.0.0.1:${cloudPorts.gateway}/graphql`,
      { email: ADMIN.FARMIQ_ADMIN_EMAIL, password: ADMIN.FARMIQ_ADMIN_PASSWORD },
      deviceCount,
    );
    const mosquitto: MosquittoInstance = await startMosquitto(
      farm.passwordFile + mosquittoPasswordFile([{ username: INGESTOR.username, passwordHash: hashMosquittoPassword(INGESTOR.password) }]),
      `user ${INGESTOR.username}\ntopic read farmiq/devices/+/telemetry\n\n${farm.aclFile}`,
    );
    cleanup.push(() => mosquitto.stop());
    const edgeEnv = {
      NODE_ENV: 'test',
      // The shipped defaults (deploy/topology.ts) unless the run says otherwise.
      NODE_OPTIONS: process.env.BENCH_EDGE_NODE_OPTIONS ?? EDGE_NODE_OPTIONS,
      INGESTOR_PORT: '0',
      MQTT_URL: `mqtt://${INGESTOR.username}:${INGESTOR.password}@127.0.0.1:${mosquitto.port}`,
      EDGE_KEY_ID: farm.keyId,
      EDGE_KEY_SECRET: farm.secret,
      FORWARD_BATCH_MAX_MESSAGES: '5000',
      FORWARD_BATCH_MAX_WAIT_MS: process.env.FORWARD_BATCH_MAX_WAIT_MS ?? '200',
      FORWARD_LINGER: process.env.FORWARD_LINGER ?? 'adaptive',
    };
    const edge = spawnFarmiq(['start', '--target', 'ingestor'], {
      ...edgeEnv,
      FARMIQ_DATA_DIR: tempDir(cleanup),
      INGEST_URL: `http://127.0.0.1:${cloudPorts.telemetry}${INGEST_PATH}`,
    });
    cleanup.push(() => stop(edge));

    const db = new pg.Client({ connectionString: dbUrl });
    await db.connect();
    cleanup.push(() => db.end());
    const devices = await Promise.all(farm.devices.map((device) => connect(mosquitto.port, device)));
    cleanup.push(() => Promise.all(devices.map((client) => client.endAsync())));

    // End to end. Progress is read from the processes' /metrics (a count(*) every 25 ms would
    // load the database it measures); the row count is checked once at the end.
    const edgePorts = await edge.up;
    // Ready once the broker granted its subscription: a message published before that has no
    // subscriber yet and the broker discards it (a first start only; later the session keeps them).
    await waitFor(async () => {
      const response = await fetch(`http://127.0.0.1:${edgePorts.ingestor}/readyz`);
      if (!response.ok) throw new Error(`ingestor /readyz answered ${response.status}`);
    }, 60_000);
    step(`ingestor up (metrics on port ${edgePorts.ingestor}, cloud gateway ${cloudPorts.gateway}); publishing`);
    const publishedAt = new Float64Array(messages);
    const cpuNow = () => ({
      ingestor: cpuSeconds(edge.child.pid!),
      cloud: cpuSeconds(cloud.child.pid!),
      mosquitto: cpuSeconds(mosquitto.pid),
      devices: process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
    });
    const cpuBefore = cpuNow();
    const postgresBefore = await backendCpuSeconds(db, database);
    const started = performance.now();
    let publishedAllAt = 0;
    let publishError: Error | undefined;
    const publishing = publishAll(devices, farm.devices, messages, (index) => (publishedAt[index] = performance.now())).then(
      () => (publishedAllAt = performance.now()),
      (error: Error) => (publishError = error),
    );
    const committedAt = new Float64Array(messages);
    let committed = 0;
    let bufferedAllAt = 0;
    let peakRssKb = 0;
    let [lastCount, lastProgressAt] = [0, performance.now()];
    while (committed < messages) {
      await sleep(100);
      const now = performance.now();
      let count = await metricValue(cloudPorts.gateway!, 'farmiq_ingest_messages_total{outcome="accepted"}', 0);
      // A batch re-sent after a timeout on a busy machine comes back as duplicates: then the rows are counted.
      if (count < messages && count + (await metricValue(cloudPorts.gateway!, 'farmiq_ingest_messages_total{outcome="duplicate"}', 0)) >= messages) {
        count = Number((await db.query('SELECT count(*)::int AS n FROM telemetry.reading')).rows[0].n);
      }
      for (; committed < Math.min(count, messages); committed += 1) committedAt[committed] = now;
      if (!bufferedAllAt && (await metricValue(edgePorts.ingestor!, 'farmiq_ingestor_messages_received_total')) >= messages) bufferedAllAt = now;
      peakRssKb = Math.max(peakRssKb, rssKb(edge));
      if (publishError) throw publishError;
      if (count > lastCount) [lastCount, lastProgressAt] = [count, now];
      // Stuck: say where the missing messages are (still buffered, quarantined, refused) and stop.
      if (now - lastProgressAt > 60_000 || now - started > 600_000) {
        const where = {
          receivedByIngestor: await metricValue(edgePorts.ingestor!, 'farmiq_ingestor_messages_received_total'),
          stillBuffered: await metricValue(edgePorts.ingestor!, 'farmiq_ingestor_buffer_messages'),
          quarantined: await metricValue(edgePorts.ingestor!, 'farmiq_ingestor_quarantine_messages'),
          cloudDuplicates: await metricValue(cloudPorts.gateway!, 'farmiq_ingest_messages_total{outcome="duplicate"}', 0),
          cloudRejected: await metricValue(cloudPorts.gateway!, 'farmiq_ingest_messages_total{outcome="rejected"}', 0),
          rows: Number((await db.query('SELECT count(*)::int AS n FROM telemetry.reading')).rows[0].n),
        };
        throw new Error(`only ${committed} of ${messages} messages stored, no progress for a minute: ${JSON.stringify(where)}`);
      }
      if (Math.floor((now - started) / 10_000) > Math.floor((now - started - 100) / 10_000)) step(`${count} of ${messages} stored`);
    }
    await publishing;
    // The CPU figures include the event consumers' work on this run's batches (alerts, presence,
    // usage, weights, live relay), which goes on after the last row committed.
    const consumersBehind = await waitForConsumers(db);
    const cpuAfter = cpuNow();
    const postgresAfter = await backendCpuSeconds(db, database);
    const postgresSeconds = [...postgresAfter].reduce((total, [pid, seconds]) => total + seconds - (postgresBefore.get(pid) ?? 0), 0);
    const cpu = {
      ...(Object.fromEntries(
        Object.entries(cpuAfter).map(([name, seconds]) => [name, ((seconds - cpuBefore[name as keyof typeof cpuBefore]) / messages) * 1e6]),
      ) as typeof cpuAfter),
      postgres: (postgresSeconds / messages) * 1e6,
    };
    const rows = Number((await db.query('SELECT count(*)::int AS n FROM telemetry.reading')).rows[0].n);
    if (rows !== messages) throw new Error(`${rows} reading rows for ${messages} messages`);
    const seconds = (committedAt[messages - 1]! - started) / 1000;
    const latencies = Array.from({ length: messages }, (_, i) => committedAt[i]! - publishedAt[i]!).sort((a, b) => a - b);
    const endToEnd = { rate: messages / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
    const stageRates = {
      published: messages / ((publishedAllAt - started) / 1000),
      buffered: messages / (((bufferedAllAt || committedAt[messages - 1]!) - started) / 1000),
    };

    step('end to end done; the cloud alone');
    // The cloud alone: the same number of messages POSTed as signed batches, four at a time.
    const ingestUrl = `http://127.0.0.1:${cloudPorts.telemetry}${INGEST_PATH}`;
    const cloudRate = messages / (await cloudAlone(ingestUrl, farm, messages));

    step('COPY baseline and the storing statement alone');
    // Baseline: the same rows by COPY into a plain table of the same shape.
    const copySeconds = await copyBaseline(db, messages);
    const copyRate = messages / copySeconds;
    // The storing code alone (storeReadings), two ways, batches of 5,000 into telemetry.reading:
    // as wired (COPY to staging + INSERT … SELECT) and the statement it replaced (unnest).
    const staging = await storeAlone(db, dbUrl, messages, 'copy');
    const unnest = await storeAlone(db, dbUrl, messages, 'unnest');
    const [stagingRate, unnestRate] = [messages / staging.seconds, messages / unnest.seconds];

    console.log(
      `\nFarmIQ ingest benchmark: ${messages} messages from ${deviceCount} devices, Mosquitto → ingestor → telemetry on PostgreSQL, ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}, forwarder linger ${edgeEnv.FORWARD_LINGER}\n`,
    );
    console.log(`${'case'.padEnd(58)}${'msg/s'.padStart(10)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}${'vs COPY'.padStart(10)}`);
    console.log(
      `${'MQTT publish → acknowledged reading rows'.padEnd(58)}${endToEnd.rate.toFixed(0).padStart(10)}${endToEnd.p50.toFixed(0).padStart(10)}${endToEnd.p99.toFixed(0).padStart(10)}${`${(endToEnd.rate / copyRate).toFixed(2)}×`.padStart(10)}`,
    );
    console.log(`${'  of which: publish acknowledged by Mosquitto'.padEnd(58)}${stageRates.published.toFixed(0).padStart(10)}`);
    console.log(`${"  of which: durable in the ingestor's disk buffer".padEnd(58)}${stageRates.buffered.toFixed(0).padStart(10)}`);
    console.log(
      `${'signed batches of 5,000 POSTed to the ingest endpoint, 4 at a time'.padEnd(58)}${cloudRate.toFixed(0).padStart(10)}${'-'.padStart(10)}${'-'.padStart(10)}${`${(cloudRate / copyRate).toFixed(2)}×`.padStart(10)}`,
    );
    console.log(
      `${'COPY of the same rows through pg (baseline)'.padEnd(58)}${copyRate.toFixed(0).padStart(10)}${'-'.padStart(10)}${'-'.padStart(10)}${'1.00×'.padStart(10)}`,
    );
    console.log(
      `${'  storeReadings alone: INSERT … unnest … (before)'.padEnd(58)}${unnestRate.toFixed(0).padStart(10)}${'-'.padStart(10)}${'-'.padStart(10)}${`${(unnestRate / copyRate).toFixed(2)}×`.padStart(10)}`,
    );
    console.log(
      `${'  storeReadings alone: COPY to staging + INSERT … SELECT'.padEnd(58)}${stagingRate.toFixed(0).padStart(10)}${'-'.padStart(10)}${'-'.padStart(10)}${`${(stagingRate / copyRate).toFixed(2)}×`.padStart(10)}`,
    );
    console.log(
      `storeReadings alone, CPU per row (its PostgreSQL server process + this process, µs): COPY staging ${staging.cpuMicrosPerRow.toFixed(1)}, ` +
        `unnest ${unnest.cpuMicrosPerRow.toFixed(1)} (${(unnest.cpuMicrosPerRow / staging.cpuMicrosPerRow).toFixed(2)}× the CPU of COPY staging)`,
    );
    const cpuTotal = Object.values(cpu).reduce((total, micros) => total + micros, 0);
    console.log(
      `CPU per message end to end (user + system, µs): ingestor ${cpu.ingestor.toFixed(0)}, cloud process ${cpu.cloud.toFixed(0)}, PostgreSQL (this database's backends) ${cpu.postgres.toFixed(0)}, ` +
        `Mosquitto ${cpu.mosquitto.toFixed(0)}, devices and polling (this process) ${cpu.devices.toFixed(0)}: ${cpuTotal.toFixed(0)} in all, ` +
        `so ${os.cpus().length} cores could carry at most ${((os.cpus().length * 1e6) / cpuTotal).toFixed(0)} msg/s`,
    );
    console.log(
      `  (counted from the first publish until every event consumer applied the run's events${consumersBehind > 0 ? `: ${consumersBehind} still unapplied after a minute` : ''})`,
    );
    console.log(`ingestor peak RSS during the run: ${(peakRssKb / 1024).toFixed(0)} MiB`);

    const copyCase = 'COPY of the same rows through pg (baseline)';
    const figures: Figure[] = [
      { case: copyCase, value: copyRate, unit: 'rows/s' },
      { case: 'MQTT publish → acknowledged reading rows', value: endToEnd.rate, unit: 'msg/s', baseline: copyCase },
      { case: 'signed batches POSTed to the ingest endpoint', value: cloudRate, unit: 'msg/s', baseline: copyCase },
      { case: 'storeReadings alone: INSERT … unnest … ON CONFLICT (before)', value: unnestRate, unit: 'rows/s', baseline: copyCase },
      { case: 'storeReadings alone: COPY to staging + INSERT … SELECT … ON CONFLICT (as wired)', value: stagingRate, unit: 'rows/s', baseline: copyCase },
    ];
    // Only the next ingestor subscribes while the buffer fills.
    await stop(edge);
    if (buffered > 0) {
      const budget = 'budget: ingestor RSS with the buffer full';
      figures.push(
        { case: budget, value: 200, unit: 'MiB' },
        {
          case: `ingestor peak RSS, ${buffered} messages buffered`,
          value: await bufferMemory(farm, devices, edgeEnv, buffered, cleanup),
          unit: 'MiB',
          baseline: budget,
        },
      );
    }
    emitReport('ingest', smoke, figures);
  } finally {
    while (cleanup.length > 0) await Promise.resolve(cleanup.pop()!()).catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

/** The cloud unreachable: the ingestor's RSS while `count` messages pile up in its buffer. */
async function bufferMemory(
  farm: SeededFarm,
  devices: MqttClient[],
  edgeEnv: Record<string, string>,
  count: number,
  cleanup: Array<() => Promise<unknown> | void>,
): Promise<number> {
  const edge = spawnFarmiq(['start', '--target', 'ingestor'], {
    ...edgeEnv,
    INGESTOR_CLIENT_ID: 'farmiq-ingestor-buffer',
    FARMIQ_DATA_DIR: tempDir(cleanup),
    INGEST_URL: 'http://127.0.0.1:9/ingest/v1/batches',
  });
  cleanup.push(() => stop(edge));
  const ports = await edge.up;
  const samples: Array<{ depth: number; rssMiB: number; heapMiB: number; externalMiB: number }> = [];
  const publishing = publishAll(devices, farm.devices, count, () => undefined, 'm');
  // When the ingestor fails below, its error is the one to report, not the publishes it cut short.
  publishing.catch(() => undefined);
  const started = performance.now();
  let exit: { code: number | null; stderr: string } | undefined;
  void edge.exited.then((exited) => (exit = exited));
  for (;;) {
    await sleep(smoke ? 250 : 2_000);
    if (exit) throw new Error(`the buffering ingestor exited with ${exit.code}:\n${exit.stderr.slice(-2_000)}`);
    const depth = await metricValue(ports.ingestor!, 'farmiq_ingestor_buffer_messages');
    const heapMiB = (await metricValue(ports.ingestor!, 'farmiq_nodejs_heap_size_used_bytes')) / 2 ** 20;
    const externalMiB = (await metricValue(ports.ingestor!, 'farmiq_nodejs_external_memory_bytes')) / 2 ** 20;
    samples.push({ depth, rssMiB: rssKb(edge) / 1024, heapMiB, externalMiB });
    if (depth >= count || performance.now() - started > 900_000) break;
  }
  await publishing;
  console.log(`\nCloud unreachable: ${count} messages into the disk buffer in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const step = Math.max(1, Math.floor(samples.length / 8));
  const line = (sample: (typeof samples)[number]) =>
    `  buffered ${String(sample.depth).padStart(9)}  ingestor RSS ${sample.rssMiB.toFixed(0).padStart(5)} MiB  (JS heap used ${sample.heapMiB.toFixed(0).padStart(4)} MiB, external ${sample.externalMiB.toFixed(0).padStart(4)} MiB)`;
  for (let i = 0; i < samples.length; i += step) console.log(line(samples[i]!));
  console.log(line(samples[samples.length - 1]!));
  return Math.max(...samples.map((sample) => sample.rssMiB));
}

/** A device connection; losing it ends the run (its unacknowledged publishes would never complete). */
async function connect(port: number, device: { id: string; password: string }): Promise<MqttClient> {
  const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, {
    username: device.id,
    password: device.password,
    clientId: device.id,
    protocolVersion: 4,
    reconnectPeriod: 0,
    // No per-packet `debug` trace in the load generator (the ingestor's client does the same).
    log: () => undefined,
  });
  client.on('close', () => {
    if (!client.disconnecting) console.error(`device ${device.id} lost its connection to Mosquitto`);
  });
  return client;
}

/** Every device publishes its share QoS 1 as fast as the broker acknowledges (100 in flight each). */
async function publishAll(
  clients: MqttClient[],
  devices: SeededFarm['devices'],
  total: number,
  onPublish: (index: number) => void,
  prefix = 'e',
): Promise<void> {
  let next = 0;
  const timestamp = Date.now();
  await Promise.all(
    clients.map(
      (client, d) =>
        new Promise<void>((resolve, reject) => {
          let inFlight = 0;
          let failed = false;
          const pump = () => {
            while (!failed && inFlight < 100 && next < total) {
              const index = next;
              next += 1;
              inFlight += 1;
              onPublish(index);
              const payload = `{"eventId":"${prefix}-${index}","timestamp":${timestamp + index},"metrics":{"temperatureC":${(20 + (index % 100) / 10).toFixed(1)}}}`;
              client.publish(`farmiq/devices/${devices[d]!.id}/telemetry`, payload, { qos: 1 }, (error) => {
                inFlight -= 1;
                if (error) {
                  failed = true;
                  reject(new Error(`device ${d} could not publish: ${error.message}`));
                } else {
                  setImmediate(pump);
                }
              });
            }
            // Done when nothing is left to send and this device's last publish was acknowledged.
            if (!failed && next >= total && inFlight === 0) resolve();
          };
          pump();
        }),
    ),
  );
}

/** Seconds to store `count` messages sent straight to the ingest endpoint (no MQTT, no ingestor). */
async function cloudAlone(ingestUrl: string, farm: SeededFarm, count: number): Promise<number> {
  const perBatch = 5_000;
  const timestamp = Date.now();
  const bodies = Array.from({ length: Math.ceil(count / perBatch) }, (_, b) => {
    const messages = Array.from({ length: Math.min(perBatch, count - b * perBatch) }, (_, i) => {
      const index = b * perBatch + i;
      const at = new Date(timestamp + index).toISOString();
      return `{"deviceId":"${farm.devices[index % farm.devices.length]!.id}","eventId":"d-${index}","observedAt":"${at}","receivedAt":"${at}","metrics":{"temperatureC":${(20 + (index % 100) / 10).toFixed(1)}}}`;
    });
    return Buffer.from(`{"batchId":"direct-${b}","messages":[${messages.join(',')}]}`);
  });
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++]!;
        const outcome = await sendBatch({ ingestUrl, key: { keyId: farm.keyId, secret: farm.secret }, body, timeoutMs: 60_000 });
        if (outcome.kind !== 'acknowledged') throw new Error(`direct ingest: ${JSON.stringify(outcome)}`);
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

async function copyBaseline(db: pg.Client, count: number): Promise<number> {
  await db.query('CREATE TABLE bench_copy (LIKE telemetry.reading INCLUDING DEFAULTS INCLUDING CONSTRAINTS)');
  await db.query('ALTER TABLE bench_copy ADD PRIMARY KEY (device_id, metric, observed_at, event_id)');
  const sample = (await db.query('SELECT device_id, tenant_id, farm_id, barn_id FROM telemetry.reading LIMIT 1')).rows[0];
  const base = Date.now();
  function* rows() {
    for (let i = 0; i < count; i += 1) {
      const at = new Date(base + i).toISOString();
      yield `${sample.device_id}\ttemperatureC\t${at}\tc-${i}\t${sample.tenant_id}\t${sample.farm_id}\t${sample.barn_id ?? '\\N'}\t${(20 + (i % 100) / 10).toFixed(1)}\t${at}\n`;
    }
  }
  const started = performance.now();
  await pipeline(
    Readable.from(rows()),
    db.query(copyFrom('COPY bench_copy (device_id, metric, observed_at, event_id, tenant_id, farm_id, barn_id, value, received_at) FROM STDIN')),
  );
  return (performance.now() - started) / 1000;
}

const STATEMENT_BATCH = 5_000;

/**
 * Seconds to store `count` new readings with the endpoint's own `storeReadings`, batches of
 * 5,000 into telemetry.reading: `copy` in a transaction as the endpoint does (COPY into the
 * staging table + INSERT … SELECT … ON CONFLICT), `unnest` outside one (the statement it used
 * before: INSERT … SELECT FROM unnest(…) … ON CONFLICT).
 */
async function storeAlone(db: pg.Client, dbUrl: string, count: number, way: 'copy' | 'unnest'): Promise<{ seconds: number; cpuMicrosPerRow: number }> {
  const sample = (
    await db.query(
      'SELECT device_id::text AS device_id, tenant_id::text AS tenant_id, farm_id::text AS farm_id, barn_id::text AS barn_id FROM telemetry.reading LIMIT 1',
    )
  ).rows[0];
  const base = Date.now();
  const row = (i: number): ReadingRow => ({
    deviceId: sample.device_id,
    eventId: `${way}-${i}`,
    metric: 'temperatureC',
    value: 20 + (i % 100) / 10,
    observedAt: new Date(base + i),
    receivedAt: new Date(base + i),
    tenantId: sample.tenant_id,
    farmId: sample.farm_id,
    barnId: sample.barn_id,
  });
  // One connection: its server process's CPU time is this case's alone (the machine is shared).
  const pool = new pg.Pool({ connectionString: dbUrl, max: 1 });
  const driver = postgresDriver(pool);
  try {
    const backendPid = Number((await pool.query('SELECT pg_backend_pid() AS pid')).rows[0].pid);
    const cpuBefore = { server: cpuSeconds(backendPid), client: process.cpuUsage() };
    const started = performance.now();
    for (let first = 0; first < count; first += STATEMENT_BATCH) {
      const rows = Array.from({ length: Math.min(STATEMENT_BATCH, count - first) }, (_, i) => row(first + i));
      const written = way === 'copy' ? await driver.transaction((tx) => storeReadings(tx, rows)) : await storeReadings(driver, rows);
      if (written.size !== rows.length) throw new Error(`${way}: ${written.size} of ${rows.length} rows written`);
    }
    const seconds = (performance.now() - started) / 1000;
    const client = process.cpuUsage(cpuBefore.client);
    const cpuSecondsUsed = cpuSeconds(backendPid) - cpuBefore.server + (client.user + client.system) / 1e6;
    return { seconds, cpuMicrosPerRow: (cpuSecondsUsed / count) * 1e6 };
  } finally {
    await pool.end();
  }
}

/** Waits (up to a minute) until every durable consumer applied every outbox event; returns how many were still unapplied. */
async function waitForConsumers(db: pg.Client): Promise<number> {
  const deadline = performance.now() + 60_000;
  for (;;) {
    const { rows } = await db.query<{ behind: number }>(
      `SELECT count(*)::int AS behind FROM "events"."outbox" o
       JOIN "events"."consumer_partition" c ON c.topic = o.topic AND o.shard % c.partitions = c.partition AND o.position > c.position`,
    );
    if (rows[0]!.behind === 0 || performance.now() > deadline) return rows[0]!.behind;
    await sleep(100);
  }
}

/**
 * CPU seconds so far of each PostgreSQL backend connected to this run's database. Not the
 * machine's every postgres process: the server is shared, and other users' backends (and their
 * exits, which took their CPU time with them) made that sum meaningless. A backend of this run
 * that ended before the second look is missed; WAL writer and checkpointer are not counted.
 */
async function backendCpuSeconds(db: pg.Client, database: string): Promise<Map<number, number>> {
  const { rows } = await db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database]);
  return new Map(rows.map(({ pid }) => [pid, cpuSeconds(pid)]));
}

/** CPU time (user + system) process `pid` has used so far (0 once it is gone). */
function cpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // Fields 14 and 15 of /proc/<pid>/stat (utime, stime) in clock ticks of 1/100 s.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

function rssKb(process: FarmiqProcess): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${process.child.pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function tempDir(cleanup: Array<() => unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-bench-ingest-'));
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function stop(process: FarmiqProcess): Promise<void> {
  process.child.kill('SIGTERM');
  await process.exited;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
