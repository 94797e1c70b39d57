import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mqtt from 'mqtt';
import type { PrismaClient } from '../lib/db/generated/client';
import { PASSWORD_FILE_REFUSAL } from '../edge-ingestor/ingestor';
import { brokerAuthFiles } from '../subgraphs/devices/credentials/brokerAuthFiles';
import { revokeDevice, rotateCredentials } from '../subgraphs/devices/provisioning/lifecycle';
import { migratedDatabase } from './support/database';
import { FREE_PORTS, spawnFarmiq, stopAllFarmiq, type FarmiqProcess } from './support/farmiqProcess';
import { startIngestReceiver, type IngestReceiver } from './support/ingestReceiver';
import { mosquittoPub } from './support/mosquitto';
import { backends } from './support/postgres';
import { activeClimateDevice } from './support/activeDevice';
import { waitFor } from './support/waitFor';

/**
 * A farm's own box: `farmiq start --target ingestor` (a real process, no database) with its
 * embedded broker, the devices' credentials coming from the password file the cloud exports for
 * the farm (`brokerAuthFiles`), as a Mosquitto at the farm would use it.
 */
interface Device {
  id: string;
  password: string;
}

const backend = backends().includes('postgres') ? 'postgres' : 'pglite';
let db: PrismaClient;
let closeDb: () => Promise<void>;
let tenantId: string;
let farmId: string;
let barnId: string;
let receiver: IngestReceiver;
let dir: string;
let passwordFile: string;

/** What an operator does: export the farm's file from the cloud and replace the box's copy (write, then rename). */
async function exportPasswordFile(): Promise<void> {
  const files = await brokerAuthFiles(db, tenantId, farmId);
  fs.writeFileSync(`${passwordFile}.new`, files.passwordFile, { mode: 0o600 });
  fs.renameSync(`${passwordFile}.new`, passwordFile);
}

const env = (extra: Record<string, string>) => ({
  ...FREE_PORTS,
  NODE_ENV: 'production',
  FARMIQ_DATA_DIR: fs.mkdtempSync(path.join(dir, 'data-')),
  INGEST_URL: receiver.url,
  EDGE_KEY_ID: receiver.key.keyId,
  EDGE_KEY_SECRET: receiver.key.secret,
  FORWARD_BATCH_MAX_WAIT_MS: '50',
  ...extra,
});

beforeAll(async () => {
  const opened = await migratedDatabase(backend);
  db = opened.db.prisma;
  closeDb = opened.close;
  tenantId = randomUUID();
  farmId = (await db.farm.create({ data: { tenantId, name: 'Farm box', timeZone: 'UTC' } })).id;
  barnId = (await db.barn.create({ data: { tenantId, farmId, name: 'House 1', species: 'PIG', capacityHead: 800 } })).id;
  receiver = await startIngestReceiver();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-password-file-'));
  passwordFile = path.join(dir, 'passwords');
});
afterAll(async () => {
  await stopAllFarmiq();
  await receiver?.close();
  await closeDb?.();
  fs.rmSync(dir, { recursive: true, force: true });
});

const reading = (eventId: string) =>
  JSON.stringify({ eventId, timestamp: new Date(Date.now() - 1_000).toISOString(), metrics: { temperatureC: 22, relativeHumidityPercent: 65 } });
const storedIds = (device: Device) => receiver.stored.filter((message) => message.deviceId === device.id).map((message) => message.eventId);

describe('the ingestor target with MQTT_PASSWORD_FILE', () => {
  let ingestor: FarmiqProcess;
  let mqttPort: number;
  let a: Device;
  let b: Device;
  let c: Device;

  beforeAll(async () => {
    [a, b, c] = [
      await activeClimateDevice(db, tenantId, barnId),
      await activeClimateDevice(db, tenantId, barnId),
      await activeClimateDevice(db, tenantId, barnId),
    ];
    await exportPasswordFile();
    ingestor = spawnFarmiq(['start', '--target', 'ingestor'], env({ MQTT_PASSWORD_FILE: passwordFile }));
    mqttPort = (await ingestor.up).mqtt!;
  });

  const publish = (device: Device, topic: string, message: string, extra: string[] = []) =>
    mosquittoPub(['-p', String(mqttPort), '-u', device.id, '-P', device.password, '-i', device.id, '-t', topic, '-m', message, ...extra]);
  const ownTopic = (device: Device) => `farmiq/devices/${device.id}/telemetry`;

  it("should forward the readings of a device that connects with its id and the file's password", async () => {
    expect((await publish(a, ownTopic(a), reading('a-1'))).code).toBe(0);
    await receiver.waitForStored(1, 10_000);
    expect(storedIds(a)).toEqual(['a-1']);
  });

  it("should refuse a wrong password, another device's client id and an anonymous client, and forward nothing sent to another device's topic", async () => {
    const refused = [
      await publish({ id: b.id, password: `${b.password}x` }, ownTopic(b), reading('b-wrong-password')),
      await publish(a, ownTopic(b), reading('b-borrowed-client-id'), ['-i', b.id]),
      await mosquittoPub(['-p', String(mqttPort), '-t', ownTopic(b), '-m', reading('b-anonymous')]),
    ];
    expect(refused.map((attempt) => attempt.code)).not.toContain(0);
    await publish(a, ownTopic(b), reading('b-foreign-topic'));
    // A legitimate reading sent afterwards arrives: everything before it had its chance to.
    expect((await publish(b, ownTopic(b), reading('b-1'))).code).toBe(0);
    await waitFor(() => expect(storedIds(b)).toContain('b-1'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(storedIds(b)).toEqual(['b-1']);
    expect(storedIds(a)).toEqual(['a-1']);
  });

  it('should disconnect and refuse a device revoked in the cloud, and take a rotated password, once the file is replaced and without a restart', async () => {
    const connected = await mqtt.connectAsync(`mqtt://127.0.0.1:${mqttPort}`, {
      username: b.id,
      password: b.password,
      clientId: b.id,
      protocolVersion: 4,
      reconnectPeriod: 0,
    });
    const closed = new Promise<void>((resolve) => connected.once('close', () => resolve()));
    await revokeDevice(db, tenantId, b.id, new Date());
    const rotated = await rotateCredentials(db, tenantId, { deviceId: c.id, overlapSeconds: 0 }, new Date());
    const cNow = { id: c.id, password: rotated.password };
    await exportPasswordFile();

    await closed;
    await waitFor(async () => expect((await publish(cNow, ownTopic(c), reading('c-new-password'))).code).toBe(0));
    expect((await publish(b, ownTopic(b), reading('b-after-revoke'))).code).not.toBe(0);
    expect((await publish(c, ownTopic(c), reading('c-old-password'))).code).not.toBe(0);
    expect((await publish(a, ownTopic(a), reading('a-2'))).code).toBe(0);
    await waitFor(() => expect(storedIds(a)).toContain('a-2'));
    await waitFor(() => expect(storedIds(c)).toEqual(['c-new-password']));
    expect(storedIds(b)).toEqual(['b-1']);
    expect(ingestor.child.exitCode).toBeNull();
    await connected.endAsync(true);
  });

  it("should refuse at CONNECT a device active on another farm, saying the file is this farm's, and acknowledge nothing of it", async () => {
    const otherFarmId = (await db.farm.create({ data: { tenantId, name: `Other farm ${randomUUID().slice(0, 6)}`, timeZone: 'UTC' } })).id;
    const otherBarnId = (await db.barn.create({ data: { tenantId, farmId: otherFarmId, name: 'House 1', species: 'PIG', capacityHead: 800 } })).id;
    const elsewhere = await activeClimateDevice(db, tenantId, otherBarnId);
    let log = '';
    ingestor.child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const attempt = await publish(elsewhere, ownTopic(elsewhere), reading('elsewhere-1'));
    expect(attempt.code).not.toBe(0);
    expect(attempt.output).toMatch(/not authori[sz]ed|bad user name or password/i);
    await waitFor(() => expect(log).toContain(PASSWORD_FILE_REFUSAL));
    expect(log).toContain(elsewhere.id);
    expect(storedIds(elsewhere)).toEqual([]);
  });

  it('should keep the credentials it has when the file is replaced by one it cannot parse', async () => {
    fs.writeFileSync(`${passwordFile}.new`, 'not a password file\n');
    fs.renameSync(`${passwordFile}.new`, passwordFile);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect((await publish(a, ownTopic(a), reading('a-3'))).code).toBe(0);
    await waitFor(() => expect(storedIds(a)).toContain('a-3'));
    await exportPasswordFile();
  });
});

describe('starting the ingestor target with its embedded broker', () => {
  it('should stop with one line naming MQTT_PASSWORD_FILE when the file is missing or malformed', async () => {
    const malformed = path.join(dir, 'malformed');
    fs.writeFileSync(malformed, `${randomUUID()}:plain-text-password\n`);
    const [missing, bad] = await Promise.all([
      spawnFarmiq(['start', '--target', 'ingestor'], env({ MQTT_PASSWORD_FILE: path.join(dir, 'no-such-file') })).exited,
      spawnFarmiq(['start', '--target', 'ingestor'], env({ MQTT_PASSWORD_FILE: malformed })).exited,
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe(`farmiq: MQTT_PASSWORD_FILE: cannot read ${path.join(dir, 'no-such-file')} (ENOENT)`);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe(`farmiq: MQTT_PASSWORD_FILE: ${malformed}: line 1 is not "<device id>:$7$<iterations>$<salt>$<hash>"`);
    expect(bad.stderr).not.toContain('plain-text-password');
  });

  it('should refuse to start in production without device credentials, and warn in development that no device can connect', async () => {
    const production = await spawnFarmiq(['start', '--target', 'ingestor'], env({})).exited;
    expect(production.code).toBe(1);
    expect(production.stderr.trim()).toBe(
      "farmiq: MQTT_PASSWORD_FILE: required in production without MQTT_URL (the farm's device password file from brokerAuthFiles), or set MQTT_URL",
    );

    const development = spawnFarmiq(['start', '--target', 'ingestor'], env({ NODE_ENV: 'development' }));
    await development.up;
    development.child.kill('SIGTERM');
    const { stdout } = await development.exited;
    expect(stdout).toContain('the embedded broker has no device credentials, so no device can connect');
  });
});
