import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import pg from 'pg';
import { generateSecretBoxKey } from '../lib/crypto/secretBox';
import { INGEST_PATH, MAX_BATCH_MESSAGES } from '../lib/edge/signedBatch';
import { hashMosquittoPassword, mosquittoPasswordFile } from '../lib/mqtt/mosquittoPassword';
import { FREE_PORTS, spawnFarmiq, stopAllFarmiq, type FarmiqProcess } from './support/farmiqProcess';
import { startMosquitto, type MosquittoInstance } from './support/mosquitto';
import { createPostgresDatabase } from './support/postgres';
import { metricValue } from './support/metrics';
import { seedFarmThroughApi, type SeededFarm } from './support/seedFarm';

/**
 * Nothing acknowledged is lost, nothing is stored twice (issue #5): four devices publish QoS 1
 * into this machine's Mosquitto as fast as it acknowledges, the whole time, while the farm's
 * ingestor (a real `farmiq start --target ingestor` process) is killed with SIGKILL and
 * restarted on the same data folder, again and again. It forwards, signed with the farm's edge
 * key, to the real cloud: `farmiq start` on a fresh PostgreSQL database, its telemetry ingest
 * endpoint. (The gateway's pass-through to it is covered by edge-to-cloud.test.ts; here it
 * would only slow the drain.) Afterwards every (device, event id) the broker acknowledged to a
 * device is a reading row in the cloud, exactly one, and no row is something never sent.
 * Mosquitto holds the ingestor's persistent session while it is down and redelivers what it
 * had not acknowledged; the cloud recognises re-sent events by (device, event id).
 *
 * Sizing for a shared 2-core machine: an ingestor takes 2.5 to 7 s to start there, while the
 * devices publish 10,000 to 20,000 msg/s, so three kills already mean a few hundred thousand
 * messages; draining them into PostgreSQL takes most of the test's time.
 */
const DEVICES = 4;
const KILLS = 3;
/** How long each ingestor runs, once up, before its kill -9. */
const LIFETIME_MS = 1_000;
/** At most 4 × 250 = 1,000 publishes unacknowledged at any time. */
const IN_FLIGHT_PER_DEVICE = 250;
/** The drain goes on as long as the cloud keeps storing: it fails only once it stalls this long. */
const DRAIN_STALL_MS = 20_000;
const INGESTOR = { username: 'farmiq-ingestor', password: randomUUID() };
const ADMIN = { email: 'crash@farmiq.local', password: `crash test ${randomUUID()}` };

let database: { url: string; drop(): Promise<void> };
let db: pg.Client;
let cloud: FarmiqProcess;
let farm: SeededFarm;
let mosquitto: MosquittoInstance;
const dirs: string[] = [];
let ingestDir: string;
let ingestUrl: string;

const tempDir = (prefix: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  database = await createPostgresDatabase();
  cloud = spawnFarmiq(['start'], {
    ...FREE_PORTS,
    NODE_ENV: 'test',
    FARMIQ_ADMIN_EMAIL: ADMIN.email,
    FARMIQ_ADMIN_PASSWORD: ADMIN.password,
    DATABASE_URL: database.url,
    FARMIQ_SECRETS_KEY: generateSecretBoxKey(),
    FARMIQ_DATA_DIR: tempDir('farmiq-crash-cloud-'),
  });
  const ports = await cloud.up;
  farm = await seedFarmThroughApi(`http://127.0.0.1:${ports.gateway}/graphql`, ADMIN, DEVICES);
  ingestUrl = `http://127.0.0.1:${ports.telemetry}${INGEST_PATH}`;
  mosquitto = await startMosquitto(
    farm.passwordFile + mosquittoPasswordFile([{ username: INGESTOR.username, passwordHash: hashMosquittoPassword(INGESTOR.password) }]),
    `user ${INGESTOR.username}\ntopic read farmiq/devices/+/telemetry\n\n${farm.aclFile}`,
  );
  db = new pg.Client({ connectionString: database.url });
  await db.connect();
  ingestDir = tempDir('farmiq-crash-edge-');
}, 60_000);

afterAll(async () => {
  await stopAllFarmiq();
  await db?.end();
  await mosquitto?.stop();
  await database?.drop();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function startIngestorProcess(): FarmiqProcess {
  return spawnFarmiq(['start', '--target', 'ingestor'], {
    NODE_ENV: 'test',
    FARMIQ_DATA_DIR: ingestDir,
    INGESTOR_PORT: '0',
    INGESTOR_CLIENT_ID: 'farmiq-ingestor-crash',
    MQTT_URL: `mqtt://${INGESTOR.username}:${INGESTOR.password}@127.0.0.1:${mosquitto.port}`,
    INGEST_URL: ingestUrl,
    EDGE_KEY_ID: farm.keyId,
    EDGE_KEY_SECRET: farm.secret,
    FORWARD_BATCH_MAX_WAIT_MS: '100',
    FORWARD_RETRY_MAX_MS: '500',
    // The largest batch the cloud takes: the drain after the kills is most of this test's time.
    FORWARD_BATCH_MAX_MESSAGES: String(MAX_BATCH_MESSAGES),
  });
}

/**
 * Every device publishes QoS 1 as fast as the broker acknowledges, with at most
 * IN_FLIGHT_PER_DEVICE unacknowledged each, until stopped. Records per device how many it sent
 * (event ids `c-0` … `c-<sent-1>`) and which the broker acknowledged.
 */
function fullRatePublisher(clients: Array<{ client: MqttClient; deviceId: string }>) {
  const sent = new Map<string, number>();
  const acknowledged = new Map<string, string[]>();
  let stopped = false;
  let inFlight = 0;
  let failed = 0;
  for (const { client, deviceId } of clients) {
    sent.set(deviceId, 0);
    acknowledged.set(deviceId, []);
    let deviceInFlight = 0;
    const pump = () => {
      while (!stopped && deviceInFlight < IN_FLIGHT_PER_DEVICE) {
        const n = sent.get(deviceId)!;
        sent.set(deviceId, n + 1);
        const eventId = `c-${n}`;
        deviceInFlight += 1;
        inFlight += 1;
        const payload = `{"eventId":"${eventId}","timestamp":${Date.now()},"metrics":{"temperatureC":${(20 + (n % 100) / 10).toFixed(1)}}}`;
        client.publish(`farmiq/devices/${deviceId}/telemetry`, payload, { qos: 1 }, (error) => {
          deviceInFlight -= 1;
          inFlight -= 1;
          if (error) failed += 1;
          else acknowledged.get(deviceId)!.push(eventId);
          // Refill in batches: one publish per acknowledgement would starve the event loop of I/O.
          if (deviceInFlight <= IN_FLIGHT_PER_DEVICE / 2) setImmediate(pump);
        });
      }
    };
    pump();
  }
  return {
    sent,
    acknowledged,
    failed: () => failed,
    async stop() {
      stopped = true;
      const deadline = Date.now() + 10_000;
      while (inFlight > 0 && Date.now() < deadline) await sleep(20);
    },
  };
}

/** A failure names how many and the first few, not hundreds of thousands of lines. */
const fewOf = <T>(found: T[]) => ({ count: found.length, first: found.slice(0, 5) });

/** Each message carries one reading, so rows count events. */
const storedEvents = async () => Number((await db.query('SELECT count(*)::int AS n FROM telemetry.reading')).rows[0].n);

describe(`${KILLS} kill -9 of the ingestor while ${DEVICES} devices publish at full rate`, () => {
  let publisher: ReturnType<typeof fullRatePublisher>;
  let acknowledgedCount = 0;
  /** `${deviceId} ${eventId}` → how many reading rows the cloud holds for it. */
  const rows = new Map<string, number>();
  let lastIngestor: FarmiqProcess;
  let lastIngestorPort: number;

  beforeAll(async () => {
    let ingestor = startIngestorProcess();
    await ingestor.up;
    const clients = await Promise.all(
      farm.devices.map(async (device) => ({
        deviceId: device.id,
        client: await mqtt.connectAsync(`mqtt://127.0.0.1:${mosquitto.port}`, {
          username: device.id,
          password: device.password,
          clientId: device.id,
          protocolVersion: 4,
          reconnectPeriod: 0,
        }),
      })),
    );
    publisher = fullRatePublisher(clients);
    for (let kill = 0; kill < KILLS; kill += 1) {
      await sleep(LIFETIME_MS);
      ingestor.child.kill('SIGKILL');
      await ingestor.exited;
      ingestor = startIngestorProcess();
      await ingestor.up;
    }
    await sleep(LIFETIME_MS);
    await publisher.stop();
    await Promise.all(clients.map(({ client }) => client.endAsync()));
    acknowledgedCount = [...publisher.acknowledged.values()].reduce((total, ids) => total + ids.length, 0);
    lastIngestor = ingestor;
    lastIngestorPort = (await ingestor.up).ingestor!;

    // The drain: until the cloud holds as many events as were acknowledged and the buffer is
    // empty, or until the cloud stores nothing new for DRAIN_STALL_MS (the assertions then say what is missing).
    let stored = 0;
    let progressAt = Date.now();
    while (
      (stored < acknowledgedCount || (await metricValue(lastIngestorPort, 'farmiq_ingestor_buffer_messages')) > 0) &&
      Date.now() - progressAt < DRAIN_STALL_MS
    ) {
      await sleep(250);
      const now = await storedEvents();
      if (now > stored) progressAt = Date.now();
      stored = now;
    }
    const result = await db.query<{ device_id: string; event_id: string; copies: number }>(
      'SELECT device_id::text, event_id, count(*)::int AS copies FROM telemetry.reading GROUP BY device_id, event_id',
    );
    for (const row of result.rows) rows.set(`${row.device_id} ${row.event_id}`, row.copies);
  }, 240_000);

  it('should have the broker acknowledge thousands of messages to the devices, none refused', () => {
    expect(acknowledgedCount).toBeGreaterThan(10_000);
    expect(publisher.failed()).toBe(0);
  });

  it('should store a reading for every message the broker acknowledged', () => {
    const missing = farm.devices.flatMap((device) =>
      publisher.acknowledged
        .get(device.id)!
        .filter((eventId) => !rows.has(`${device.id} ${eventId}`))
        .map((eventId) => `${device.id} ${eventId}`),
    );
    expect(fewOf(missing)).toEqual({ count: 0, first: [] });
  });

  it('should store each message exactly once', () => {
    expect(fewOf([...rows].filter(([, copies]) => copies !== 1))).toEqual({ count: 0, first: [] });
  });

  it('should store nothing that a device never sent', () => {
    const neverSent = [...rows.keys()].filter((key) => {
      const [deviceId, eventId] = key.split(' ') as [string, string];
      const n = /^c-(\d+)$/.exec(eventId)?.[1];
      return n === undefined || Number(n) >= (publisher.sent.get(deviceId) ?? 0);
    });
    expect(fewOf(neverSent)).toEqual({ count: 0, first: [] });
  });

  it("should leave the ingestor's disk buffer empty once the cloud has everything", async () => {
    expect(await metricValue(lastIngestorPort, 'farmiq_ingestor_buffer_messages')).toBe(0);
  });

  it('should stop the ingestor with exit code 0 on SIGTERM', async () => {
    lastIngestor.child.kill('SIGTERM');
    expect((await lastIngestor.exited).code).toBe(0);
  });
});
