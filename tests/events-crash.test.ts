import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sendBatch } from '../edge-ingestor/forwarder/sendBatch';
import { generateSecretBoxKey } from '../lib/crypto/secretBox';
import { openDatabase, type DatabaseLocation } from '../lib/db/database';
import { INGEST_PATH } from '../lib/edge/signedBatch';
import { createLogger } from '../lib/logger';
import { createMemoryPubSub } from '../lib/pubsub/pubsub';
import { startAlertEvaluator } from '../subgraphs/telemetry/alerts/evaluator';
import { startUsageMeter } from '../subgraphs/billing/usage/usageMeter';
import { startScaleWeighIn } from '../subgraphs/kpi/records/scaleWeights';
import { FREE_PORTS, spawnFarmiq, stopAllFarmiq, type FarmiqProcess } from './support/farmiqProcess';
import { backends, createPostgresDatabase } from './support/postgres';
import { graphqlCaller } from './support/graphqlCaller';

const ADMIN = { email: 'crash-admin@farmiq.test', password: `crash test only ${randomUUID()}` };
/** Batches per run: PGlite (one connection, WASM) is slower per batch, so its run is half as long; both kill twice. */
const BATCHES = { postgres: 24, pglite: 12 } as const;
const MESSAGES_PER_BATCH = 20;
/** One message a minute per device; ammonia alternates 15 minutes at 30 ppm and 15 at 5 ppm. */
const CYCLE_MINUTES = 30;

/**
 * Durable events across crashes: readings stream into `farmiq start` while the process (its
 * ingest and its consumers: alert evaluator, usage meter, scale weigh-in) is killed with SIGKILL
 * twice and started again on the same database. Afterwards billing metered exactly the messages
 * stored, every scale weight is one weigh sample, and every ammonia episode raised one alert.
 */
// On PGlite a restart on the folder left by kill -9 takes about 25 s at load 25 (vs 5 s to open a
// clean one) and each batch 1.5–2.5 s; the 24-batch run finished in 160 s there, not the >10 min
// once feared (that was a machine at load 30 with PostgreSQL's run beside it).
describe.each(backends())('durable events survive kill -9 of their consumers on %s', (backend) => {
  afterAll(async () => stopAllFarmiq());

  it('meters every stored message once, weighs every scale reading once and raises every alert once', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-events-crash-'));
    const postgres = backend === 'postgres' ? await createPostgresDatabase() : undefined;
    const env = {
      ...FREE_PORTS,
      NODE_ENV: 'test',
      SIMULATOR: 'off',
      FARMIQ_DATA_DIR: dataDir,
      FARMIQ_SECRETS_KEY: generateSecretBoxKey(),
      FARMIQ_ADMIN_EMAIL: ADMIN.email,
      FARMIQ_ADMIN_PASSWORD: ADMIN.password,
      ...(postgres ? { DATABASE_URL: postgres.url } : {}),
    };
    let farmiq: FarmiqProcess = spawnFarmiq(['start'], env);
    try {
      let ports = await farmiq.up;
      const farm = await seed(`http://127.0.0.1:${ports.gateway}/graphql`);
      const start = Date.now() - 2 * 24 * 3600_000;
      const batches = BATCHES[backend];
      for (let b = 0; b < batches; b++) {
        const messages = Array.from({ length: MESSAGES_PER_BATCH }, (_, i) => {
          const minute = b * MESSAGES_PER_BATCH + i;
          const at = new Date(start + minute * 60_000).toISOString();
          const ammoniaPpm = minute % CYCLE_MINUTES < CYCLE_MINUTES / 2 ? 30 : 5;
          return [
            { deviceId: farm.climateId, eventId: `c-${minute}`, observedAt: at, receivedAt: at, metrics: { ammoniaPpm, co2Ppm: 900 } },
            { deviceId: farm.scaleId, eventId: `s-${minute}`, observedAt: at, receivedAt: at, metrics: { weightKg: 1 + minute / 1000 } },
          ];
        }).flat();
        const body = Buffer.from(JSON.stringify({ batchId: `b-${b}`, messages }));
        // As the edge forwarder does: a batch is sent again until the cloud acknowledged it.
        for (;;) {
          const outcome = await sendBatch({ ingestUrl: `http://127.0.0.1:${ports.telemetry}${INGEST_PATH}`, key: farm.key, body, timeoutMs: 30_000 });
          if (outcome.kind === 'acknowledged') break;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        if (b === batches / 3 - 1 || b === (2 * batches) / 3 - 1) {
          // Right after an acknowledgement, while the consumers are still on their way.
          farmiq.child.kill('SIGKILL');
          await farmiq.exited;
          farmiq = spawnFarmiq(['start'], env);
          ports = await farmiq.up;
        }
      }
      farmiq.child.kill('SIGTERM');
      expect((await farmiq.exited).code).toBe(0);

      // The consumers start once more on the same database and catch up from their cursors.
      const location: DatabaseLocation = postgres ? { kind: 'postgres', url: postgres.url } : { kind: 'pglite', dir: dataDir };
      const db = await openDatabase(location);
      try {
        const log = createLogger('silent');
        const consumers = [await startAlertEvaluator({ db, pubsub: createMemoryPubSub(), log }), await startScaleWeighIn({ db, log })];
        const meter = await startUsageMeter({ db, log, now: () => new Date() });
        try {
          await Promise.all([...consumers, meter].map((consumer) => consumer.drain(120_000)));
        } finally {
          await Promise.all([...consumers, meter].map((consumer) => consumer.stop()));
        }

        const total = batches * MESSAGES_PER_BATCH;
        const [stored] = await db.sql.query<{ messages: number }>(
          `SELECT count(DISTINCT (device_id, event_id))::int AS messages FROM telemetry.reading WHERE tenant_id = $1`,
          [farm.tenantId],
        );
        expect(stored!.messages).toBe(2 * total);
        const [metered] = await db.sql.query<{ quantity: number }>(
          `SELECT coalesce(sum(quantity), 0)::int AS quantity FROM billing.usage_record WHERE tenant_id = $1 AND kind = 'TELEMETRY_MESSAGES'`,
          [farm.tenantId],
        );
        expect(metered!.quantity).toBe(stored!.messages);
        const [weighed] = await db.sql.query<{ samples: number; distinct: number }>(
          `SELECT count(*)::int AS samples, count(DISTINCT source_reading)::int AS distinct FROM kpi.weigh_sample WHERE tenant_id = $1`,
          [farm.tenantId],
        );
        expect(weighed).toEqual({ samples: total, distinct: total });
        const alerts = await db.sql.query<{ raised_at: Date }>(
          `SELECT raised_at FROM telemetry.alert WHERE tenant_id = $1 AND built_in = 'AMMONIA_HIGH' ORDER BY raised_at`,
          [farm.tenantId],
        );
        // Each 15-minute episode above 25 ppm raises once, 10 minutes after it began (then clears at 5 ppm).
        const episodes = total / CYCLE_MINUTES;
        expect(alerts.map((alert) => new Date(alert.raised_at).getTime())).toEqual(
          Array.from({ length: episodes }, (_, k) => start + (k * CYCLE_MINUTES + 10) * 60_000),
        );
      } finally {
        await db.close();
      }
    } finally {
      if (farmiq.child.exitCode === null) {
        farmiq.child.kill('SIGKILL');
        await farmiq.exited;
      }
      await postgres?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 600_000);
});

/** A tenant with a farm (UTC), a barn with a batch placed 3 days ago, an active climate sensor and scale, and an edge key. */
async function seed(gatewayUrl: string) {
  const api = graphqlCaller(gatewayUrl);
  const call = api.call;
  const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }';
  api.as((await call(LOGIN, { input: ADMIN })).login.accessToken);
  const email = `crash-${randomUUID().slice(0, 8)}@farm.test`;
  const { createTenant } = await call('mutation { createTenant(input: { name: "Crash Farms" }) { id } }');
  const { inviteUser } = await call(
    'mutation ($e: String!, $t: ID) { inviteUser(input: { email: $e, role: TENANT_ADMIN, tenantId: $t }) { temporaryPassword } }',
    { e: email, t: createTenant.id },
  );
  const labels = (
    await call('mutation ($d: [DeviceToRegisterInput!]!) { registerDevices(input: { devices: $d }) { device { id } claimLink } }', {
      d: [
        { serialNumber: `CL-${randomUUID().slice(0, 8)}`, kind: 'CLIMATE' },
        { serialNumber: `SC-${randomUUID().slice(0, 8)}`, kind: 'SCALE' },
      ],
    })
  ).registerDevices as Array<{ device: { id: string }; claimLink: string }>;
  api.as(undefined);
  api.as((await call(LOGIN, { input: { email, password: inviteUser.temporaryPassword, newPassword: `tenant admin ${randomUUID()}` } })).login.accessToken);
  const { createFarm } = await call('mutation { createFarm(input: { name: "Crash farm", timeZone: "UTC" }) { id } }');
  const { createBarn } = await call('mutation ($f: ID!) { createBarn(input: { farmId: $f, name: "House 1", species: BROILER, capacityHead: 20000 }) { id } }', {
    f: createFarm.id,
  });
  const placedOn = new Date(Date.now() - 3 * 24 * 3600_000).toISOString().slice(0, 10);
  await call('mutation ($i: PlaceBatchInput!) { placeBatch(input: $i) { id } }', {
    i: { farmId: createFarm.id, barnId: createBarn.id, species: 'BROILER', placedOn, headCountPlaced: 1000, placementWeightKg: 0.04 },
  });
  for (const label of labels) {
    await call('mutation ($l: String) { claimDevice(input: { claimLink: $l }) { id } }', { l: label.claimLink });
    await call('mutation ($d: ID!, $b: ID!) { activateDevice(input: { deviceId: $d, barnId: $b, name: "Device" }) { mqttPassword } }', {
      d: label.device.id,
      b: createBarn.id,
    });
  }
  const { registerEdgeGateway } = await call('mutation ($f: ID!) { registerEdgeGateway(input: { farmId: $f, name: "Edge" }) { keyId secret } }', {
    f: createFarm.id,
  });
  return {
    tenantId: createTenant.id as string,
    climateId: labels[0]!.device.id,
    scaleId: labels[1]!.device.id,
    key: { keyId: registerEdgeGateway.keyId as string, secret: registerEdgeGateway.secret as string },
  };
}
