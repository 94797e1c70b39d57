import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { hashMosquittoPassword, MOSQUITTO_ACL_FILE, mosquittoPasswordFile } from '../lib/mqtt/mosquittoPassword';
import { spawnFarmiq, stopAllFarmiq, type FarmiqProcess } from './support/farmiqProcess';
import { startIngestReceiver, type IngestReceiver } from './support/ingestReceiver';
import { startMosquitto, type MosquittoInstance } from './support/mosquitto';
import { waitFor } from './support/waitFor';

/**
 * INGESTOR_SHARE_GROUP: two `farmiq start --target ingestor` processes (each its own Mosquitto
 * user and client id, its own data folder, its own cloud endpoint so we see who forwarded what)
 * split one Mosquitto's device messages through `$share/<group>/farmiq/devices/+/telemetry`.
 */
const GROUP = 'farm-edge';
const INGESTORS = [1, 2].map((n) => ({ username: `farmiq-ingestor-${n}`, password: randomUUID() }));
const DEVICES = [1, 2, 3].map(() => ({ id: randomUUID(), password: randomUUID() }));

let mosquitto: MosquittoInstance;
let dir: string;
let receivers: IngestReceiver[];
let devices: MqttClient[];

beforeAll(async () => {
  mosquitto = await startMosquitto(
    mosquittoPasswordFile(
      [...INGESTORS, ...DEVICES.map((device) => ({ username: device.id, password: device.password }))].map(({ username, password }) => ({
        username,
        passwordHash: hashMosquittoPassword(password),
      })),
    ),
    `${INGESTORS.map(({ username }) => `user ${username}\ntopic read farmiq/devices/+/telemetry\n`).join('\n')}\n${MOSQUITTO_ACL_FILE}`,
  );
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-share-group-'));
  receivers = await Promise.all(INGESTORS.map(() => startIngestReceiver()));
  devices = await Promise.all(
    DEVICES.map((device) =>
      mqtt.connectAsync(`mqtt://127.0.0.1:${mosquitto.port}`, {
        username: device.id,
        password: device.password,
        clientId: device.id,
        protocolVersion: 4,
        reconnectPeriod: 0,
      }),
    ),
  );
});
afterAll(async () => {
  await Promise.all((devices ?? []).map((device) => device.endAsync(true)));
  await stopAllFarmiq();
  await Promise.all((receivers ?? []).map((receiver) => receiver.close()));
  await mosquitto?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Ingestor `n` (0 or 1) on its own data folder, which survives its restarts. */
function startIngestor(n: number): FarmiqProcess {
  const dataDir = path.join(dir, `ingestor-${n}`);
  fs.mkdirSync(dataDir, { recursive: true });
  const { username, password } = INGESTORS[n]!;
  return spawnFarmiq(['start', '--target', 'ingestor'], {
    NODE_ENV: 'test',
    FARMIQ_DATA_DIR: dataDir,
    INGESTOR_PORT: '0',
    MQTT_URL: `mqtt://${username}:${password}@127.0.0.1:${mosquitto.port}`,
    INGESTOR_CLIENT_ID: username,
    INGESTOR_SHARE_GROUP: GROUP,
    INGEST_URL: receivers[n]!.url,
    EDGE_KEY_ID: receivers[n]!.key.keyId,
    EDGE_KEY_SECRET: receivers[n]!.key.secret,
    FORWARD_BATCH_MAX_WAIT_MS: '50',
  });
}

/** Up and subscribed: `/readyz` answers 200 only once the broker granted the subscription. */
async function ready(ingestor: FarmiqProcess): Promise<FarmiqProcess> {
  const { ingestor: port } = await ingestor.up;
  await waitFor(async () => expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200));
  return ingestor;
}

/** Publishes `count` QoS 1 readings round-robin over the devices; resolves when the broker acknowledged all. */
async function publish(prefix: string, count: number): Promise<string[]> {
  const eventIds = Array.from({ length: count }, (_, n) => `${prefix}-${n}`);
  await Promise.all(
    eventIds.map((eventId, n) =>
      devices[n % devices.length]!.publishAsync(
        `farmiq/devices/${DEVICES[n % DEVICES.length]!.id}/telemetry`,
        JSON.stringify({ eventId, timestamp: Date.now(), metrics: { temperatureC: 21 } }),
        { qos: 1 },
      ),
    ),
  );
  return eventIds;
}

/** Event ids with `prefix` that receiver `n` stored (each receiver stores a message once). */
const forwardedBy = (n: number, prefix: string) => receivers[n]!.stored.map((message) => message.eventId).filter((eventId) => eventId.startsWith(`${prefix}-`));

async function allForwarded(prefix: string, count: number): Promise<void> {
  await waitFor(() => expect(forwardedBy(0, prefix).length + forwardedBy(1, prefix).length).toBeGreaterThanOrEqual(count), 20_000);
  // Anything forwarded twice would arrive about now.
  await new Promise((resolve) => setTimeout(resolve, 500));
}

it('should have each message forwarded by exactly one of two ingestors in a share group, both taking a share, and the other take every message while one is stopped', async () => {
  let [first, second] = await Promise.all([ready(startIngestor(0)), ready(startIngestor(1))]);

  const sent = await publish('shared', 300);
  await allForwarded('shared', 300);
  const [byFirst, bySecond] = [forwardedBy(0, 'shared'), forwardedBy(1, 'shared')];
  expect(byFirst.filter((eventId) => bySecond.includes(eventId))).toEqual([]);
  expect([...byFirst, ...bySecond].sort()).toEqual([...sent].sort());
  expect(byFirst.length).toBeGreaterThan(50);
  expect(bySecond.length).toBeGreaterThan(50);

  first.child.kill('SIGTERM');
  expect((await first.exited).code).toBe(0);
  const whileStopped = await publish('stopped', 200);
  await allForwarded('stopped', 200);
  expect(forwardedBy(1, 'stopped').sort()).toEqual([...whileStopped].sort());
  expect(forwardedBy(0, 'stopped')).toEqual([]);

  // Back in the group it takes a share again, and nothing was kept for it while it was away.
  first = await ready(startIngestor(0));
  const after = await publish('rejoined', 200);
  await allForwarded('rejoined', 200);
  expect([...forwardedBy(0, 'rejoined'), ...forwardedBy(1, 'rejoined')].sort()).toEqual([...after].sort());
  expect(forwardedBy(0, 'rejoined').length).toBeGreaterThan(0);
  expect(forwardedBy(0, 'stopped')).toEqual([]);

  second.child.kill('SIGTERM');
  first.child.kill('SIGTERM');
  expect([(await second.exited).code, (await first.exited).code]).toEqual([0, 0]);
}, 60_000);

it("should keep a crashed member's share of the messages in its session and forward it when that member restarts", async () => {
  let [first, second] = await Promise.all([ready(startIngestor(0)), ready(startIngestor(1))]);
  first.child.kill('SIGKILL');
  await first.exited;
  const sent = await publish('crashed', 200);
  // Mosquitto keeps handing the crashed member (persistent session) its turn: those wait for it.
  await waitFor(() => expect(forwardedBy(1, 'crashed').length).toBeGreaterThan(50));
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(forwardedBy(1, 'crashed').length).toBeLessThan(200);
  expect(forwardedBy(0, 'crashed')).toEqual([]);

  first = await ready(startIngestor(0));
  await allForwarded('crashed', 200);
  const [byFirst, bySecond] = [forwardedBy(0, 'crashed'), forwardedBy(1, 'crashed')];
  expect(byFirst.filter((eventId) => bySecond.includes(eventId))).toEqual([]);
  expect([...byFirst, ...bySecond].sort()).toEqual([...sent].sort());

  second.child.kill('SIGTERM');
  first.child.kill('SIGTERM');
  expect([(await second.exited).code, (await first.exited).code]).toEqual([0, 0]);
}, 60_000);
