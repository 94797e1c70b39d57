import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mqtt from 'mqtt';
import pg from 'pg';
import { generatePrivateJwk } from '../lib/auth/keyRing';
import { generateSecretBoxKey } from '../lib/crypto/secretBox';
import { localEnvironment, type LocalDeployment } from '../deploy/render';
import { BROKER_FILES_ENV, INGESTOR_MQTT_USER, SERVICE_ENV, START_ORDER, startArgs, type FarmiqService } from '../deploy/topology';
import { spawnFarmiq, stopAllFarmiq, type FarmiqProcess } from './support/farmiqProcess';
import { openLive, liveSubscriptionsReach, type LiveConnection } from './support/liveClient';
import { freePort, startDeployedMosquitto, type MosquittoInstance } from './support/mosquitto';
import { createPostgresDatabase } from './support/postgres';
import { startRedis } from './support/redis';
import { seedFarmThroughApi, type SeededFarm } from './support/seedFarm';
import { waitFor } from './support/waitFor';

/**
 * The split deployment (issue #15), proven with processes: every target of deploy/topology.ts —
 * the environment compose.yaml and the Kubernetes manifests are checked against — runs as its
 * own `farmiq` process with exactly that environment, on this machine's PostgreSQL (a database of
 * its own), a Redis of its own and Mosquitto with deploy/mosquitto/mosquitto.conf: the TLS
 * listener with a certificate from deploy/mosquitto/certs.sh and the password and ACL files that
 * the `farmiq broker-files` job wrote. What differs from a cluster is only where things are:
 * 127.0.0.1 and the ports the processes bound instead of service names, secrets made here.
 */
const ADMIN = { email: 'ops@farmiq.test', password: `topology ${randomUUID()}` };

const dirs: string[] = [];
const tempDir = (prefix: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};

let database: { url: string; drop(): Promise<void> };
let redis: { url: string; stop(): Promise<void> };
let mosquitto: (MosquittoInstance & { pidFile: string }) | undefined;
let local: LocalDeployment;
let certDir: string;
const processes: Partial<Record<FarmiqService, FarmiqProcess>> = {};
/** Each process's banner ports: its own port under its own name. */
const bound: Partial<Record<FarmiqService, Record<string, number>>> = {};
let farm: SeededFarm;
let live: LiveConnection | undefined;

function start(service: FarmiqService): FarmiqProcess {
  const env = localEnvironment(service, SERVICE_ENV[service], { ...local, directories: { data: tempDir(`farmiq-${service}-`) } });
  const process = spawnFarmiq(startArgs(service), env);
  processes[service] = process;
  return process;
}

async function up(service: FarmiqService): Promise<void> {
  const ports = await processes[service]!.up;
  bound[service] = ports;
  expect(ports[service]).toBe(local.ports[service] ?? ports[service]);
  local.ports[service] = ports[service];
}

beforeAll(async () => {
  const t0 = Date.now();
  [database, redis] = await Promise.all([createPostgresDatabase(), startRedis()]);
  certDir = tempDir('farmiq-certs-');
  // The deployment's own script; the names are where this test's clients connect.
  execFileSync(path.join(__dirname, '..', 'deploy', 'mosquitto', 'certs.sh'), [certDir, 'localhost', '127.0.0.1'], { stdio: 'pipe' });
  local = {
    ports: {},
    secrets: {
      DATABASE_URL: database.url,
      FARMIQ_JWT_PRIVATE_JWKS: JSON.stringify({ keys: [await generatePrivateJwk()] }),
      FARMIQ_SECRETS_KEY: generateSecretBoxKey(),
      FARMIQ_INTERNAL_KEY: randomBytes(32).toString('base64'),
      BILLING_WEBHOOK_SECRET: randomBytes(32).toString('base64url'),
      FARMIQ_ADMIN_PASSWORD: ADMIN.password,
      INGESTOR_MQTT_PASSWORD: randomBytes(24).toString('hex'),
    },
    settings: { FARMIQ_ADMIN_EMAIL: ADMIN.email },
    files: { mqttCa: path.join(certDir, 'ca.crt') },
    directories: { data: '' },
  };
  local.ports.redis = Number(new URL(redis.url).port);

  // All at once, as an orchestrator starts them: each knows the others' addresses beforehand
  // (free ports here, Service names there), migrations take a lock, token keys are fetched lazily.
  const cloud = START_ORDER.filter((service) => service !== 'ingestor');
  for (const service of cloud) local.ports[service] = await freePort();
  cloud.forEach(start);
  await Promise.all(cloud.map(up));
  console.log(`cloud up in ${Date.now() - t0} ms`);
}, 300_000);

afterAll(async () => {
  live?.close();
  await stopAllFarmiq();
  await mosquitto?.stop();
  await redis?.stop();
  await database?.drop();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const gatewayUrl = () => `http://127.0.0.1:${local.ports.gateway}/graphql`;

describe('the split deployment, one process per target', () => {
  it('answers health and readiness on each cloud target’s own port (where compose and Kubernetes probe)', async () => {
    for (const service of START_ORDER.filter((name) => name !== 'ingestor')) {
      const port = bound[service]![service];
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect({ service, status: health.status }).toEqual({ service, status: 200 });
      // Ready once its dependencies answer (the gateway asks every subgraph): an orchestrator retries too.
      await waitFor(async () => {
        const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
        if (ready.status !== 200) throw new Error(`${service} not ready: ${ready.status} ${await ready.text()}`);
      }, 15_000);
    }
  });

  it('carries a device’s TLS reading to a live subscriber with federated fields, raises and pushes an alert, and meters the usage in billing', async () => {
    farm = await seedFarmThroughApi(gatewayUrl(), ADMIN, 1);
    local.secrets.EDGE_KEY_ID = farm.keyId;
    local.secrets.EDGE_KEY_SECRET = farm.secret;

    // The broker-files job, then Mosquitto on what it wrote, then the ingestor: compose's order.
    const authDir = tempDir('farmiq-broker-auth-');
    const job = spawnFarmiq(['broker-files', '--out', authDir], localEnvironment(undefined, BROKER_FILES_ENV, local));
    const finished = await job.exited;
    expect({ code: finished.code, stderr: finished.stderr }).toEqual({ code: 0, stderr: '' });
    expect(fs.readFileSync(path.join(authDir, 'passwords'), 'utf8')).toMatch(
      new RegExp(`^${farm.devices[0]!.id}:\\$7\\$.*\\n${INGESTOR_MQTT_USER}:\\$7\\$`, 'm'),
    );
    mosquitto = await startDeployedMosquitto({ authDir, certDir });
    local.ports.mosquitto = mosquitto.port;
    local.secrets.MQTT_URL = `mqtts://${INGESTOR_MQTT_USER}:${local.secrets.INGESTOR_MQTT_PASSWORD}@127.0.0.1:${mosquitto.port}`;
    start('ingestor');
    await up('ingestor');
    // Ready once connected to the broker over TLS as its own user.
    await waitFor(async () => {
      const response = await fetch(`http://127.0.0.1:${bound.ingestor!.ingestor}/readyz`);
      if (response.status !== 200) throw new Error(`ingestor not ready: ${response.status} ${await response.text()}`);
    }, 15_000);

    live = await openLive(gatewayUrl(), { token: farm.tenantAdminToken });
    const readings = live.subscribe('subscription ($b: ID) { readingAdded(barnId: $b) { metric value device { id barn { name } } } }', { b: farm.barnId });
    const alerts = live.subscribe('subscription ($f: ID!) { alertChanged(farmId: $f) { change alert { builtIn status peakValue barn { name } } } }', {
      f: farm.farmId,
    });
    // Production serves /metrics on the internal METRICS_PORT only.
    await liveSubscriptionsReach(gatewayUrl(), 2, 5_000, `http://127.0.0.1:${bound.gateway!.metrics}/metrics`);

    // Ammonia above 25 ppm for ten minutes raises the built-in AMMONIA_HIGH alert.
    const device = farm.devices[0]!;
    const client = await mqtt.connectAsync(`mqtts://127.0.0.1:${mosquitto.port}`, {
      ca: fs.readFileSync(path.join(certDir, 'ca.crt')),
      username: device.id,
      password: device.password,
      clientId: device.id,
      protocolVersion: 4,
      reconnectPeriod: 0,
    });
    const firstAt = Date.now() - 15 * 60_000;
    try {
      for (const [n, value] of [30, 32].entries()) {
        const payload = { eventId: `topology-${n}`, timestamp: new Date(firstAt + n * 11 * 60_000).toISOString(), metrics: { ammoniaPpm: value } };
        await client.publishAsync(`farmiq/devices/${device.id}/telemetry`, JSON.stringify(payload), { qos: 1 });
      }
    } finally {
      await client.endAsync();
    }

    const received = await readings.received(2, 20_000);
    expect(received.map((result) => result.data?.readingAdded)).toEqual([
      { metric: 'ammoniaPpm', value: 30, device: { id: device.id, barn: { name: 'House 1' } } },
      { metric: 'ammoniaPpm', value: 32, device: { id: device.id, barn: { name: 'House 1' } } },
    ]);
    const [raised] = await alerts.received(1, 10_000);
    expect(raised!.data?.alertChanged).toEqual({
      change: 'RAISED',
      alert: { builtIn: 'AMMONIA_HIGH', status: 'ACTIVE', peakValue: 32, barn: { name: 'House 1' } },
    });

    // Billing heard the stored readings over Redis: two telemetry messages for the tenant.
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    try {
      const metered = await waitFor(async () => {
        const { rows } = await db.query<{ messages: string | null }>(
          `SELECT sum(quantity) AS messages FROM billing.usage_record WHERE tenant_id = $1 AND kind = 'TELEMETRY_MESSAGES'`,
          [farm.tenantId],
        );
        if (rows[0]?.messages !== '2') throw new Error(`metered ${rows[0]?.messages ?? 'nothing'}`);
        return rows[0].messages;
      }, 10_000);
      expect(metered).toBe('2');
    } finally {
      await db.end();
    }
  }, 90_000);

  it('lets a device activated later connect once the broker-files sidecar exported it and reloaded Mosquitto', async () => {
    const api = async (query: string, variables: Record<string, unknown>, token: string) => {
      const response = await fetch(gatewayUrl(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const json = (await response.json()) as { data?: any; errors?: unknown };
      if (json.errors) throw new Error(JSON.stringify(json.errors));
      return json.data;
    };
    const platform = (await api('mutation ($input: LoginInput!) { login(input: $input) { accessToken } }', { input: ADMIN }, '')).login.accessToken;
    const label = (
      await api('mutation { registerDevices(input: { devices: [{ serialNumber: "TOPO-LATE-1", kind: CLIMATE }] }) { device { id } claimLink } }', {}, platform)
    ).registerDevices[0];
    await api('mutation ($l: String) { claimDevice(input: { claimLink: $l }) { id } }', { l: label.claimLink }, farm.tenantAdminToken);
    const password = (
      await api(
        'mutation ($d: ID!, $b: ID!) { activateDevice(input: { deviceId: $d, barnId: $b, name: "Late" }) { mqttPassword } }',
        { d: label.device.id, b: farm.barnId },
        farm.tenantAdminToken,
      )
    ).activateDevice.mqttPassword;
    const connect = () =>
      mqtt.connectAsync(`mqtts://127.0.0.1:${mosquitto!.port}`, {
        ca: fs.readFileSync(path.join(certDir, 'ca.crt')),
        username: label.device.id,
        password,
        clientId: label.device.id,
        protocolVersion: 4,
        reconnectPeriod: 0,
        connectTimeout: 3_000,
      });
    // Not in the files Mosquitto read at start.
    await expect(connect()).rejects.toThrow(/Not authorized|Bad username or password/);

    const authDir = path.dirname(fs.readFileSync(path.join(path.dirname(mosquitto!.pidFile), 'mosquitto.conf'), 'utf8').match(/^password_file (.*)$/m)![1]!);
    spawnFarmiq(
      ['broker-files', '--out', authDir, '--every', '1', '--reload-pid-file', mosquitto!.pidFile],
      localEnvironment(undefined, BROKER_FILES_ENV, local),
    );
    const client = await waitFor(connect, 30_000, 500);
    await client.endAsync();
  }, 60_000);
});
