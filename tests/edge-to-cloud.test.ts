import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mqtt from 'mqtt';
import { startIngestor, type Ingestor } from '../edge-ingestor/ingestor';
import { loadConfig } from '../lib/config';
import { INGEST_PATH } from '../lib/edge/signedBatch';
import { createLogger } from '../lib/logger';
import { brokerAuthFiles } from '../subgraphs/devices/credentials/brokerAuthFiles';
import { verifyDeviceCredentials } from '../subgraphs/devices/credentials/deviceCredentials';
import { hashMosquittoPassword, mosquittoPasswordFile } from '../lib/mqtt/mosquittoPassword';
import { startMosquitto, type MosquittoInstance } from './support/mosquitto';
import { startPrefixProxy } from './support/prefixProxy';
import { loginAsPlatformAdmin, tenantWithAdmin } from './support/sessions';
import { startTestSystem, type TestSystem } from './support/testSystem';

/**
 * The whole path a reading takes: a device publishes over MQTT with its own credentials, the
 * farm's ingestor buffers it and forwards it signed with the farm's edge key to the cloud's
 * ingest endpoint (through the gateway), and the farm's people read it back through the gateway.
 * Once with the embedded broker, once with this machine's Mosquitto and the exported files.
 */
const INGESTOR_USER = { username: 'farmiq-ingestor', password: randomUUID() };
const BROKERS = ['the embedded broker', "this machine's Mosquitto"] as const;

describe('edge to cloud', () => {
  let farmiq: TestSystem;
  let api: TestSystem['graphql'];
  let tenantId: string;
  let farmId: string;
  let edgeKey: { keyId: string; secret: string };

  async function activeDevice(barnId: string): Promise<{ id: string; password: string }> {
    const platform = farmiq.as((await loginAsPlatformAdmin(farmiq)).accessToken);
    const label = (
      await platform('mutation ($s: String!) { registerDevices(input: { devices: [{ serialNumber: $s, kind: CLIMATE }] }) { device { id } claimLink } }', {
        s: `SN-${randomUUID().slice(0, 10)}`,
      })
    ).data!.registerDevices[0];
    await api('mutation ($l: String) { claimDevice(input: { claimLink: $l }) { id } }', { l: label.claimLink });
    const activated = await api('mutation ($d: ID!, $b: ID!) { activateDevice(input: { deviceId: $d, barnId: $b, name: "Climate" }) { mqttPassword } }', {
      d: label.device.id,
      b: barnId,
    });
    return { id: label.device.id, password: activated.data!.activateDevice.mqttPassword };
  }

  /** The farm's ingestor, forwarding to the cloud's ingest endpoint through the gateway with the farm's edge key. */
  function edgeEnv(dataDir: string, extra: Record<string, string>): Record<string, string> {
    return {
      NODE_ENV: 'test',
      FARMIQ_DATA_DIR: dataDir,
      MQTT_PORT: '0',
      INGEST_URL: new URL(INGEST_PATH, farmiq.gatewayUrl).toString(),
      EDGE_KEY_ID: edgeKey.keyId,
      EDGE_KEY_SECRET: edgeKey.secret,
      ...extra,
    };
  }
  function startFarmIngestor(env: Record<string, string>): Promise<Ingestor> {
    const db = farmiq.system.database!.prisma;
    return startIngestor(loadConfig(env), createLogger('silent'), {
      authenticateDevice: (username, password) => verifyDeviceCredentials(db, username, password),
    });
  }
  /** A device's MQTT session with its own credentials (the broker URL without the ingestor's user). */
  const connectDevice = (ingestor: Ingestor, device: { id: string; password: string }) =>
    mqtt.connectAsync(ingestor.brokerUrl.replace(/\/\/[^@]*@/, '//'), {
      username: device.id,
      password: device.password,
      clientId: device.id,
      protocolVersion: 4,
      reconnectPeriod: 0,
    });

  /** A new barn of the edge farm with one ACTIVE climate device in it. */
  async function deviceInNewBarn(name: string): Promise<{ id: string; password: string }> {
    const barnId = (
      await api('mutation ($f: ID!, $n: String!) { createBarn(input: { farmId: $f, name: $n, species: BROILER, capacityHead: 20000 }) { id } }', {
        f: farmId,
        n: name,
      })
    ).data!.createBarn.id;
    return activeDevice(barnId);
  }
  /** The device's latest readings through the gateway, once there are `count` of them (or after 20 s). */
  async function latestReadingsOnce(deviceId: string, count: number): Promise<unknown> {
    const latest = async () =>
      (await api('query ($d: ID!) { device(id: $d) { latestReadings { metric value } } }', { d: deviceId })).data?.device.latestReadings;
    const deadline = Date.now() + 20_000;
    while ((await latest())?.length !== count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    return latest();
  }

  beforeAll(async () => {
    farmiq = await startTestSystem('pglite');
    const { admin, tenantId: tenant } = await tenantWithAdmin(farmiq, 'Edge farm');
    tenantId = tenant;
    api = farmiq.as(admin.accessToken);
    farmId = (await api('mutation { createFarm(input: { name: "Edge farm", timeZone: "UTC" }) { id } }')).data!.createFarm.id;
    const edge = (await api('mutation ($f: ID!) { registerEdgeGateway(input: { farmId: $f, name: "Barn edge" }) { keyId secret } }', { f: farmId })).data!
      .registerEdgeGateway;
    edgeKey = { keyId: edge.keyId, secret: edge.secret };
  });
  afterAll(async () => farmiq?.stop());

  it.each(BROKERS)("should show a device's readings through the gateway once they went through %s and the ingestor", async (broker) => {
    const barnId = (
      await api('mutation ($f: ID!, $n: String!) { createBarn(input: { farmId: $f, name: $n, species: BROILER, capacityHead: 20000 }) { id } }', {
        f: farmId,
        n: `House ${broker}`,
      })
    ).data!.createBarn.id;
    const device = await activeDevice(barnId);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-edge-'));
    let mosquitto: MosquittoInstance | undefined;
    let ingestor: Ingestor | undefined;
    try {
      const env = edgeEnv(dataDir, { FORWARD_BATCH_MAX_WAIT_MS: '100' });
      if (broker === "this machine's Mosquitto") {
        const files = await brokerAuthFiles(farmiq.system.database!.prisma, tenantId, farmId);
        mosquitto = await startMosquitto(
          files.passwordFile + mosquittoPasswordFile([{ username: INGESTOR_USER.username, passwordHash: hashMosquittoPassword(INGESTOR_USER.password) }]),
          `user ${INGESTOR_USER.username}\ntopic read farmiq/devices/+/telemetry\n\n${files.aclFile}`,
        );
        env.MQTT_URL = `mqtt://${INGESTOR_USER.username}:${INGESTOR_USER.password}@127.0.0.1:${mosquitto.port}`;
      }
      ingestor = await startFarmIngestor(env);
      const client = await connectDevice(ingestor, device);
      const start = Date.now() - 60 * 60_000;
      for (let n = 0; n < 120; n += 1) {
        const payload = { eventId: `t-${n}`, timestamp: new Date(start + n * 10_000).toISOString(), metrics: { temperatureC: 20 + n / 10 } };
        await client.publishAsync(`farmiq/devices/${device.id}/telemetry`, JSON.stringify(payload), { qos: 1 });
      }
      await client.endAsync();
      const csv = async () =>
        (
          await api('query ($d: ID!, $from: DateTime!, $to: DateTime!) { readingsCsv(deviceId: $d, metric: "temperatureC", from: $from, to: $to) }', {
            d: device.id,
            from: new Date(start - 1_000).toISOString(),
            to: new Date().toISOString(),
          })
        ).data?.readingsCsv as string | undefined;
      const deadline = Date.now() + 15_000;
      while ((await csv())?.trim().split('\n').length !== 121 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
      const lines = (await csv())!.trim().split('\n');
      expect(lines).toHaveLength(121);
      expect(lines[1]).toContain('20');
      const latest = await api('query ($d: ID!) { device(id: $d) { latestReadings { metric value } } }', { d: device.id });
      expect(latest.data!.device.latestReadings).toEqual([{ metric: 'temperatureC', value: 31.9 }]);
      expect(ingestor.buffer.depthMessages).toBe(0);
    } finally {
      await ingestor?.stop();
      await mosquitto?.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('should forward through a reverse proxy that serves the cloud below a path prefix and strips it', async () => {
    const device = await deviceInNewBarn('House behind a proxy');
    const proxy = await startPrefixProxy('/farm-cloud', farmiq.gatewayUrl);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-edge-'));
    const ingestor = await startFarmIngestor(edgeEnv(dataDir, { INGEST_URL: `${proxy.url}${INGEST_PATH}` }));
    try {
      const client = await connectDevice(ingestor, device);
      const payload = { eventId: 'proxied-1', timestamp: new Date().toISOString(), metrics: { temperatureC: 26.5 } };
      await client.publishAsync(`farmiq/devices/${device.id}/telemetry`, JSON.stringify(payload), { qos: 1 });
      await client.endAsync();
      expect(await latestReadingsOnce(device.id, 1)).toEqual([{ metric: 'temperatureC', value: 26.5 }]);
      expect(proxy.requests).toContain(`POST /farm-cloud${INGEST_PATH}`);
    } finally {
      await ingestor.stop();
      await proxy.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('should forward a live reading on an idle link at once with the shipped defaults, not after the batch wait', async () => {
    const device = await deviceInNewBarn('House idle link');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-edge-'));
    // A minute's batch wait: the fixed linger would hold a lone reading that long; the shipped (adaptive) one sends it at once.
    const ingestor = await startFarmIngestor(edgeEnv(dataDir, { FORWARD_BATCH_MAX_WAIT_MS: '60000' }));
    try {
      const client = await connectDevice(ingestor, device);
      const payload = { eventId: 'idle-1', timestamp: new Date().toISOString(), metrics: { temperatureC: 24.5 } };
      await client.publishAsync(`farmiq/devices/${device.id}/telemetry`, JSON.stringify(payload), { qos: 1 });
      await client.endAsync();
      expect(await latestReadingsOnce(device.id, 1)).toEqual([{ metric: 'temperatureC', value: 24.5 }]);
    } finally {
      await ingestor.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
