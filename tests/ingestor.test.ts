import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mqtt from 'mqtt';
import { startIngestor, type Ingestor } from '../edge-ingestor/ingestor';
import { loadConfig } from '../lib/config';
import type { PrismaClient } from '../lib/db/generated/client';
import { createLogger } from '../lib/logger';
import { metricsRegistry } from '../lib/metrics';
import { brokerAuthFiles } from '../subgraphs/devices/credentials/brokerAuthFiles';
import { verifyDeviceCredentials } from '../subgraphs/devices/credentials/deviceCredentials';
import { hashMosquittoPassword, mosquittoPasswordFile } from '../lib/mqtt/mosquittoPassword';
import { migratedDatabase } from './support/database';
import { startIngestReceiver, type IngestReceiver } from './support/ingestReceiver';
import { mosquittoPub, startMosquitto } from './support/mosquitto';
import { backends } from './support/postgres';
import { activeClimateDevice } from './support/activeDevice';
import { waitFor } from './support/waitFor';

/**
 * Device → broker → ingestor → signed batches → the cloud's ingest endpoint (a verifying stand-in
 * until the telemetry subgraph's endpoint lands), on the embedded broker and on this machine's
 * Mosquitto, with devices provisioned through the devices subgraph's own code.
 */
interface Device {
  id: string;
  password: string;
}

const INGESTOR_USER = { username: 'farmiq-ingestor', password: randomUUID() };
const backend = backends().includes('postgres') ? 'postgres' : 'pglite';
let db: PrismaClient;
let closeDb: () => Promise<void>;
let tenantId: string;
let farmId: string;
let barnId: string;

beforeAll(async () => {
  const opened = await migratedDatabase(backend);
  db = opened.db.prisma;
  closeDb = opened.close;
  tenantId = randomUUID();
  farmId = (await db.farm.create({ data: { tenantId, name: 'Ingest farm', timeZone: 'UTC' } })).id;
  barnId = (await db.barn.create({ data: { tenantId, farmId, name: 'House', species: 'BROILER', capacityHead: 20_000 } })).id;
});
afterAll(async () => closeDb?.());

interface Setup {
  brokerPort: number;
  ingestor: Ingestor;
  stop(): Promise<void>;
}

async function ingestorEnv(receiver: IngestReceiver, extra: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-ingestor-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    FARMIQ_DATA_DIR: dataDir,
    MQTT_PORT: '0',
    INGEST_URL: receiver.url,
    EDGE_KEY_ID: receiver.key.keyId,
    EDGE_KEY_SECRET: receiver.key.secret,
    FORWARD_BATCH_MAX_WAIT_MS: '50',
    INGESTOR_CLIENT_ID: INGESTOR_USER.username,
    ...extra,
  });
  return { config, dataDir };
}

const SETUPS: Array<[string, (receiver: IngestReceiver) => Promise<Setup>]> = [
  [
    'the embedded broker',
    async (receiver) => {
      const { config, dataDir } = await ingestorEnv(receiver, {});
      const ingestor = await startIngestor(config, createLogger(process.env.TEST_LOG ?? 'silent'), {
        authenticateDevice: (username, password) => verifyDeviceCredentials(db, username, password),
      });
      return {
        brokerPort: Number(new URL(ingestor.brokerUrl).port),
        ingestor,
        async stop() {
          await ingestor.stop();
          fs.rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  ],
  [
    "this machine's Mosquitto",
    async (receiver) => {
      const files = await brokerAuthFiles(db, tenantId, farmId);
      const mosquitto = await startMosquitto(
        files.passwordFile + mosquittoPasswordFile([{ username: INGESTOR_USER.username, passwordHash: hashMosquittoPassword(INGESTOR_USER.password) }]),
        `user ${INGESTOR_USER.username}\ntopic read farmiq/devices/+/telemetry\n\n${files.aclFile}`,
      );
      const { config, dataDir } = await ingestorEnv(receiver, {
        MQTT_URL: `mqtt://${INGESTOR_USER.username}:${INGESTOR_USER.password}@127.0.0.1:${mosquitto.port}`,
      });
      const ingestor = await startIngestor(config, createLogger('silent'));
      return {
        brokerPort: mosquitto.port,
        ingestor,
        async stop() {
          await ingestor.stop();
          await mosquitto.stop();
          fs.rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  ],
];

const reading = (n: number) =>
  JSON.stringify({ eventId: `r-${n}`, timestamp: new Date(Date.now() - 1_000).toISOString(), metrics: { temperatureC: 21.5, relativeHumidityPercent: 60 } });

async function counter(name: string, labels: Record<string, string> = {}): Promise<number> {
  const metric = (await metricsRegistry.getMetricsAsJSON()).find((entry) => entry.name === name);
  const values = (metric?.values ?? []) as Array<{ value: number; labels: Record<string, string | number> }>;
  return values.filter((value) => Object.entries(labels).every(([key, wanted]) => value.labels[key] === wanted)).reduce((sum, value) => sum + value.value, 0);
}

describe.each(SETUPS)('the ingestor on %s', (_name, start) => {
  let receiver: IngestReceiver;
  let setup: Setup;
  let a: Device;
  let b: Device;

  beforeAll(async () => {
    a = await activeClimateDevice(db, tenantId, barnId);
    b = await activeClimateDevice(db, tenantId, barnId);
    receiver = await startIngestReceiver();
    setup = await start(receiver);
    await waitFor(() => setup.ingestor.readiness.check());
  });
  afterAll(async () => {
    await setup?.stop();
    await receiver?.close();
  });

  const publish = (device: Device, topic: string, message: string, extra: string[] = []) =>
    mosquittoPub(['-p', String(setup.brokerPort), '-u', device.id, '-P', device.password, '-i', device.id, '-t', topic, '-m', message, ...extra]);
  const stored = (device: Device) => receiver.stored.filter((message) => message.deviceId === device.id);

  it("should deliver a device's readings to the cloud, attributed to the device of the topic, and count them", async () => {
    const before = await counter('farmiq_ingestor_messages_received_total');
    const device = await mqtt.connectAsync(`mqtt://127.0.0.1:${setup.brokerPort}`, {
      username: a.id,
      password: a.password,
      clientId: a.id,
      protocolVersion: 4,
      reconnectPeriod: 0,
    });
    try {
      for (let n = 0; n < 200; n += 1) await device.publishAsync(`farmiq/devices/${a.id}/telemetry`, reading(n), { qos: 1 });
    } finally {
      await device.endAsync();
    }
    await waitFor(async () => expect(stored(a)).toHaveLength(200));
    // Every reading exactly once. Not necessarily in publish order: on a starved machine a live reading
    // older than the live lag moves what waits to the backlog lane, whose batches travel beside live ones.
    const number = (message: { eventId: string }) => Number(message.eventId.slice(2));
    expect(
      stored(a)
        .map(number)
        .sort((x, y) => x - y),
    ).toEqual(Array.from({ length: 200 }, (_, n) => n));
    expect(stored(a)[0]).toMatchObject({ deviceId: a.id, metrics: { temperatureC: 21.5, relativeHumidityPercent: 60 } });
    expect((await counter('farmiq_ingestor_messages_received_total')) - before).toBeGreaterThanOrEqual(200);
    await waitFor(async () => expect(setup.ingestor.buffer.depthMessages).toBe(0));
  });

  it('should drop a malformed message with a counted reason and carry on with the next one', async () => {
    const before = await counter('farmiq_ingestor_messages_invalid_total', { reason: 'json' });
    expect((await publish(a, `farmiq/devices/${a.id}/telemetry`, '{"eventId": "broken"')).code).toBe(0);
    expect((await publish(a, `farmiq/devices/${a.id}/telemetry`, reading(1_000))).code).toBe(0);
    await waitFor(async () => expect(stored(a).some((message) => message.eventId === 'r-1000')).toBe(true));
    expect((await counter('farmiq_ingestor_messages_invalid_total', { reason: 'json' })) - before).toBe(1);
  });

  it("should forward nothing of a device publishing to another device's topic, a wrong password, an anonymous client or a borrowed client id", async () => {
    const attempts = [
      await publish(a, `farmiq/devices/${b.id}/telemetry`, reading(2_000)),
      await publish({ id: b.id, password: `${b.password}x` }, `farmiq/devices/${b.id}/telemetry`, reading(2_001)),
      await mosquittoPub(['-p', String(setup.brokerPort), '-t', `farmiq/devices/${b.id}/telemetry`, '-m', reading(2_002)]),
      await publish(a, `farmiq/devices/${b.id}/telemetry`, reading(2_003), ['-i', b.id]),
    ];
    expect(attempts.slice(1, 3).map((attempt) => attempt.code)).not.toContain(0);
    // A legitimate reading sent afterwards arrives: everything before it had its chance to.
    expect((await publish(b, `farmiq/devices/${b.id}/telemetry`, reading(2_004))).code).toBe(0);
    await waitFor(async () => expect(stored(b).map((message) => message.eventId)).toContain('r-2004'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stored(b).map((message) => message.eventId)).toEqual(['r-2004']);
    expect(stored(a).map((message) => message.eventId)).not.toContain('r-2000');
    expect(stored(a).map((message) => message.eventId)).not.toContain('r-2003');
  });
});
