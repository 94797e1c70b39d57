import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';
import { hashMosquittoPassword, MOSQUITTO_ACL_FILE, mosquittoPasswordFile } from '../subgraphs/devices/credentials/mosquittoPassword';
import { spawnFarmiq, stopAllFarmiq, type FarmiqProcess } from './support/farmiqProcess';
import { startIngestReceiver, type IngestReceiver } from './support/ingestReceiver';
import { startMosquitto, type MosquittoInstance } from './support/mosquitto';

/**
 * Nothing acknowledged is lost: a device publishes QoS 1 steadily into this machine's
 * Mosquitto (2,000 msg/s) while the ingestor (a real `farmiq start --target ingestor` process) is killed with
 * SIGKILL and restarted on the same data folder, three times. Every message the broker
 * acknowledged to the device must reach the cloud, stored once. (Mosquitto holds the ingestor's
 * persistent session while it is down and redelivers what the ingestor had not acknowledged.)
 */
const INGESTOR = { username: 'farmiq-ingestor', password: randomUUID() };
const DEVICE = { id: randomUUID(), password: randomUUID() };
const KILLS = 3;

let mosquitto: MosquittoInstance;
let receiver: IngestReceiver;
let dataDir: string;

beforeAll(async () => {
  mosquitto = await startMosquitto(
    mosquittoPasswordFile([
      { username: INGESTOR.username, passwordHash: hashMosquittoPassword(INGESTOR.password) },
      { username: DEVICE.id, passwordHash: hashMosquittoPassword(DEVICE.password) },
    ]),
    `user ${INGESTOR.username}\ntopic read farmiq/devices/+/telemetry\n\n${MOSQUITTO_ACL_FILE}`,
  );
  receiver = await startIngestReceiver();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-crash-'));
});
afterAll(async () => {
  await stopAllFarmiq();
  await receiver?.close();
  await mosquitto?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function startIngestorProcess(): FarmiqProcess {
  return spawnFarmiq(['start', '--target', 'ingestor'], {
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    FARMIQ_DATA_DIR: dataDir,
    INGESTOR_PORT: '0',
    MQTT_URL: `mqtt://${INGESTOR.username}:${INGESTOR.password}@127.0.0.1:${mosquitto.port}`,
    INGEST_URL: receiver.url,
    EDGE_KEY_ID: receiver.key.keyId,
    EDGE_KEY_SECRET: receiver.key.secret,
    FORWARD_BATCH_MAX_WAIT_MS: '100',
    FORWARD_RETRY_MAX_MS: '500',
  });
}

/**
 * Publishes QoS 1 at `perSecond` (with up to 500 in flight) and records what the broker
 * acknowledged. The rate is fixed rather than "as fast as possible" so the run stays short on a
 * shared 2-core machine: unbounded, Mosquitto acknowledges ~25,000 msg/s and the drain after
 * the kills, not the kills, would dominate the test's time.
 */
function steadyPublisher(client: MqttClient, perSecond: number) {
  const acknowledged = new Set<string>();
  let sent = 0;
  let inFlight = 0;
  const startedAt = Date.now();
  const tick = setInterval(() => {
    const due = Math.floor(((Date.now() - startedAt) / 1000) * perSecond);
    while (sent < due && inFlight < 500) {
      const eventId = `c-${sent}`;
      sent += 1;
      inFlight += 1;
      const payload = JSON.stringify({ eventId, timestamp: Date.now(), metrics: { temperatureC: 20 + (sent % 50) / 10 } });
      client.publish(`farmiq/devices/${DEVICE.id}/telemetry`, payload, { qos: 1 }, (error) => {
        inFlight -= 1;
        if (!error) acknowledged.add(eventId);
      });
    }
  }, 5);
  return {
    acknowledged,
    sent: () => sent,
    async stop() {
      clearInterval(tick);
      const deadline = Date.now() + 5_000;
      while (inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    },
  };
}

it(`should deliver every message the broker acknowledged exactly once through ${KILLS} kill -9 of the ingestor`, async () => {
  let ingestor = startIngestorProcess();
  await ingestor.up;
  const device = await mqtt.connectAsync(`mqtt://127.0.0.1:${mosquitto.port}`, { username: DEVICE.id, password: DEVICE.password, clientId: DEVICE.id, protocolVersion: 4, reconnectPeriod: 0 });
  const publisher = steadyPublisher(device, 2_000);
  for (let kill = 0; kill < KILLS; kill += 1) {
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    ingestor.child.kill('SIGKILL');
    await ingestor.exited;
    ingestor = startIngestorProcess();
    await ingestor.up;
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  await publisher.stop();
  await device.endAsync();
  const acknowledged = [...publisher.acknowledged];
  expect(acknowledged.length).toBeGreaterThan(2_000);
  const storedIds = () => new Set(receiver.stored.filter((message) => message.deviceId === DEVICE.id).map((message) => message.eventId));
  const deadline = Date.now() + 30_000;
  const missing = () => {
    const stored = storedIds();
    return acknowledged.filter((eventId) => !stored.has(eventId));
  };
  while (missing().length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  const stored = storedIds();
  expect(acknowledged.filter((eventId) => !stored.has(eventId))).toEqual([]);
  // Stored once each (the cloud keys them by device and event id), and nothing that was never sent.
  expect(stored.size).toBe(receiver.stored.length);
  expect([...stored].every((eventId) => Number(eventId.slice(2)) < publisher.sent())).toBe(true);
  ingestor.child.kill('SIGTERM');
  expect((await ingestor.exited).code).toBe(0);
}, 90_000);
