import { randomUUID } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import { startEmbeddedBroker } from '../edge-ingestor/broker/embeddedBroker';
import type { PrismaClient } from '../lib/db/generated/client';
import { createLogger } from '../lib/logger';
import { brokerAuthFiles } from '../subgraphs/devices/credentials/brokerAuthFiles';
import { verifyDeviceCredentials } from '../subgraphs/devices/credentials/deviceCredentials';
import { hashMosquittoPassword, mosquittoPasswordFile } from '../lib/mqtt/mosquittoPassword';
import { revokeDevice } from '../subgraphs/devices/provisioning/lifecycle';
import { migratedDatabase } from './support/database';
import { mosquittoPub, startMosquitto } from './support/mosquitto';
import { backends } from './support/postgres';
import { activeClimateDevice } from './support/activeDevice';

const OBSERVER = { username: 'observer', password: randomUUID() };

interface Device {
  id: string;
  password: string;
}

/** A broker under test: devices authenticate against the devices subgraph's data or its export. */
interface BrokerUnderTest {
  port: number;
  /** Makes the broker take notice of a revocation (Mosquitto: re-export and reload). */
  afterRevocation(): Promise<void>;
  stop(): Promise<void>;
}

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
  const farm = await db.farm.create({ data: { tenantId, name: 'Broker farm', timeZone: 'UTC' } });
  farmId = farm.id;
  barnId = (await db.barn.create({ data: { tenantId, farmId, name: 'House', species: 'PIG', capacityHead: 500 } })).id;
});
afterAll(async () => closeDb?.());

/** The export, plus an observer that may read every device topic (the ingestor's role). */
async function mosquittoFiles() {
  const files = await brokerAuthFiles(db, tenantId, farmId);
  const observerLine = mosquittoPasswordFile([{ username: OBSERVER.username, passwordHash: hashMosquittoPassword(OBSERVER.password) }]);
  return { passwords: files.passwordFile + observerLine, acl: `user ${OBSERVER.username}\ntopic read farmiq/devices/#\n\n${files.aclFile}` };
}

const BROKERS: Array<[string, () => Promise<BrokerUnderTest>]> = [
  [
    'the embedded broker',
    async () => {
      const broker = await startEmbeddedBroker({
        port: 0,
        host: '127.0.0.1',
        log: createLogger('silent'),
        ingestorCredential: OBSERVER,
        authenticateDevice: (username, password) => verifyDeviceCredentials(db, username, password),
      });
      return { port: broker.port, afterRevocation: async () => {}, stop: () => broker.close() };
    },
  ],
  [
    "this machine's Mosquitto with the exported files",
    async () => {
      const files = await mosquittoFiles();
      const mosquitto = await startMosquitto(files.passwords, files.acl);
      return {
        port: mosquitto.port,
        afterRevocation: async () => {
          const reloaded = await mosquittoFiles();
          await mosquitto.reload(reloaded.passwords, reloaded.acl);
        },
        stop: () => mosquitto.stop(),
      };
    },
  ],
];

describe.each(BROKERS)('device authentication on %s', (_name, start) => {
  let broker: BrokerUnderTest;
  let observer: MqttClient;
  let a: Device;
  let b: Device;
  const received: Array<{ topic: string; payload: string }> = [];

  beforeAll(async () => {
    // Devices of this broker's own: revoking one here leaves the other broker's suite untouched.
    a = await activeClimateDevice(db, tenantId, barnId);
    b = await activeClimateDevice(db, tenantId, barnId);
    broker = await start();
    observer = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, { ...OBSERVER, clientId: OBSERVER.username, protocolVersion: 4, reconnectPeriod: 0 });
    observer.on('message', (topic, payload) => received.push({ topic, payload: payload.toString() }));
    await observer.subscribeAsync('farmiq/devices/#', { qos: 1 });
  });
  afterAll(async () => {
    await observer?.endAsync();
    await broker?.stop();
  });

  const publish = (device: Device, topic: string, message: string, extra: string[] = []) =>
    mosquittoPub(['-p', String(broker.port), '-u', device.id, '-P', device.password, '-i', device.id, '-t', topic, '-m', message, ...extra]);
  /** Whether the observer got `message` within a moment (QoS 1 delivery is quick on loopback). */
  const arrived = async (message: string) => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    return received.some((entry) => entry.payload === message);
  };

  it("accepts a device's publish to its own topic with its own credentials", async () => {
    const message = `own-${randomUUID()}`;
    expect((await publish(a, `farmiq/devices/${a.id}/telemetry`, message)).code).toBe(0);
    expect(await arrived(message)).toBe(true);
    expect(received.find((entry) => entry.payload === message)!.topic).toBe(`farmiq/devices/${a.id}/telemetry`);
  });

  it("refuses a device's publish to another device's topic", async () => {
    const message = `foreign-${randomUUID()}`;
    await publish(a, `farmiq/devices/${b.id}/telemetry`, message);
    expect(await arrived(message)).toBe(false);
  });

  it('refuses a wrong password and an anonymous client at CONNECT', async () => {
    const wrong = `wrong-${randomUUID()}`;
    expect((await publish({ id: a.id, password: `${a.password}x` }, `farmiq/devices/${a.id}/telemetry`, wrong)).code).not.toBe(0);
    const anonymous = `anonymous-${randomUUID()}`;
    expect((await mosquittoPub(['-p', String(broker.port), '-t', `farmiq/devices/${a.id}/telemetry`, '-m', anonymous])).code).not.toBe(0);
    expect(await arrived(wrong)).toBe(false);
    expect(await arrived(anonymous)).toBe(false);
  });

  it("does not let one device take over another's session by its client id", async () => {
    const deviceB = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, {
      username: b.id,
      password: b.password,
      clientId: b.id,
      protocolVersion: 4,
      reconnectPeriod: 0,
    });
    try {
      await publish(a, `farmiq/devices/${a.id}/telemetry`, `takeover-${randomUUID()}`, ['-i', b.id]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(deviceB.connected).toBe(true);
      const message = `still-b-${randomUUID()}`;
      await deviceB.publishAsync(`farmiq/devices/${b.id}/telemetry`, message, { qos: 1 });
      expect(await arrived(message)).toBe(true);
    } finally {
      await deviceB.endAsync(true);
    }
  });

  it('refuses a revoked device', async () => {
    await revokeDevice(db, tenantId, b.id, new Date());
    await broker.afterRevocation();
    const message = `revoked-${randomUUID()}`;
    expect((await publish(b, `farmiq/devices/${b.id}/telemetry`, message)).code).not.toBe(0);
    expect(await arrived(message)).toBe(false);
    // The other device is unaffected.
    const other = `unaffected-${randomUUID()}`;
    expect((await publish(a, `farmiq/devices/${a.id}/telemetry`, other)).code).toBe(0);
    expect(await arrived(other)).toBe(true);
  });
});
