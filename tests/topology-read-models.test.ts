import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Database } from '../lib/db/database';
import { openDatabase } from '../lib/db/database';
import type { SqlExecutor } from '../lib/db/sql';
import { applyMigrations, readMigrations } from '../lib/db/migrate';
import type { Consumer } from '../lib/events/consumer';
import { shardOf } from '../lib/events/topic';
import { TOPOLOGY_CHANGED, TOPOLOGY_PARTITION_KEY } from '../lib/events/topics';
import { createLogger } from '../lib/logger';
import { applyTopologyEvent } from '../lib/topology/applyTopology';
import { awaitTopology } from '../lib/topology/freshness';
import { TopologyBehindError, topologyReadModel } from '../lib/topology/readModel';
import { TOPOLOGY_SCHEMAS, topologyConsumerName, type TopologySchema } from '../lib/topology/schemas';
import { startTopologyReadModel } from '../lib/topology/startTopologyReadModel';
import { migratedDatabase } from './support/database';
import { backends, createPostgresDatabase } from './support/postgres';
import { tenantWithAdmin, loginAsPlatformAdmin } from './support/sessions';
import { errorCode, startTestSystem, type TestSystem } from './support/testSystem';
import { waitFor } from './support/waitFor';

const log = createLogger('silent');
const TOPOLOGY_MIGRATION = '20261201100000_topology_read_models';

/** Devices' tables and a read model, as comparable rows (deleted objects are absent from both). */
async function devicesTopology(sql: SqlExecutor) {
  return {
    farms: await sql.query(`SELECT id::text, tenant_id::text, time_zone FROM "devices"."farm" ORDER BY id`),
    barns: await sql.query(`SELECT id::text, tenant_id::text, farm_id::text, species::text FROM "devices"."barn" ORDER BY id`),
    devices: await sql.query(`SELECT id::text, tenant_id::text, barn_id::text, kind::text, status::text FROM "devices"."device" ORDER BY id`),
  };
}
async function readModelTopology(sql: SqlExecutor, schema: TopologySchema) {
  return {
    farms: await sql.query(`SELECT id::text, tenant_id::text, time_zone FROM "${schema}"."topology_farm" WHERE NOT deleted ORDER BY id`),
    barns: await sql.query(`SELECT id::text, tenant_id::text, farm_id::text, species FROM "${schema}"."topology_barn" WHERE NOT deleted ORDER BY id`),
    devices: await sql.query(`SELECT id::text, tenant_id::text, barn_id::text, kind, status FROM "${schema}"."topology_device" WHERE NOT deleted ORDER BY id`),
  };
}

async function expectEveryReadModelToMatch(db: Database, consumers?: Consumer[]) {
  for (const consumer of consumers ?? []) await consumer.drain(60_000);
  const truth = await devicesTopology(db.sql);
  for (const schema of TOPOLOGY_SCHEMAS) {
    if (!consumers) expect(await awaitTopology(db.prisma, topologyConsumerName(schema), 60_000)).toBe(true);
    expect({ schema, ...(await readModelTopology(db.sql, schema)) }).toEqual({ schema, ...truth });
  }
}

/** Farms, barns and devices written straight into devices' tables (as data from before this change, or a hand-typed fix). */
async function writeTopologyBySql(sql: SqlExecutor, tenantId = randomUUID()) {
  const farmId = randomUUID();
  const barnId = randomUUID();
  await sql.query(`INSERT INTO "devices"."farm" (id, tenant_id, name, time_zone) VALUES ($1, $2, $3, 'Asia/Bangkok')`, [farmId, tenantId, `Farm ${farmId}`]);
  await sql.query(`INSERT INTO "devices"."barn" (id, tenant_id, farm_id, name, species, capacity_head) VALUES ($1, $2, $3, 'House 1', 'PIG', 500)`, [
    barnId,
    tenantId,
    farmId,
  ]);
  const deviceIds = [randomUUID(), randomUUID()];
  for (const [i, id] of deviceIds.entries()) {
    await sql.query(
      `INSERT INTO "devices"."device" (id, serial_number, kind, status, claim_code_hash, claim_code_expires_at, tenant_id, barn_id) VALUES ($1, $2, 'CLIMATE', $3, 'x', now(), $4, $5)`,
      [id, `SQL-${id}`, i === 0 ? 'ACTIVE' : 'PENDING', i === 0 ? tenantId : null, i === 0 ? barnId : null],
    );
  }
  return { tenantId, farmId, barnId, deviceIds };
}

describe('the topology topic', () => {
  it('has the shard the migration triggers write (one partition key for the whole topology)', () => {
    expect(shardOf(TOPOLOGY_PARTITION_KEY)).toBe(911);
    expect(TOPOLOGY_CHANGED.partitionKey({ object: 'farm', id: randomUUID(), deleted: true })).toBe(TOPOLOGY_PARTITION_KEY);
  });

  it('refuses a payload that is not a topology change', () => {
    expect(() => TOPOLOGY_CHANGED.decode({ object: 'silo', id: 'x', deleted: true })).toThrow('$.object');
    expect(() => TOPOLOGY_CHANGED.decode({ object: 'farm', id: 'x', deleted: false, tenantId: 't' })).toThrow('$.timeZone');
  });
});

describe.each(backends())('topology read models on %s', (backend) => {
  it('a database with farms, barns and devices from before topology events gets all of them in every read model (backfill)', async () => {
    const postgres = backend === 'postgres' ? await createPostgresDatabase() : undefined;
    const db = await openDatabase(postgres ? { kind: 'postgres', url: postgres.url } : { kind: 'pglite', dir: 'memory' });
    const consumers: Consumer[] = [];
    try {
      await applyMigrations(
        db.sql,
        readMigrations().filter((migration) => migration.name < TOPOLOGY_MIGRATION),
      );
      const before = await writeTopologyBySql(db.sql);
      expect(await applyMigrations(db.sql)).toContain(TOPOLOGY_MIGRATION);
      for (const schema of TOPOLOGY_SCHEMAS) consumers.push(await startTopologyReadModel({ sql: db.sql, log, schema }));
      await expectEveryReadModelToMatch(db, consumers);
      const kpi = topologyReadModel('kpi');
      expect(await kpi.farmTimeZone(db.prisma, before.tenantId, before.farmId)).toBe('Asia/Bangkok');
      expect([...(await kpi.barnsOfTenant(db.prisma, before.tenantId, [before.barnId], before.farmId))]).toEqual([before.barnId]);
      expect(await topologyReadModel('billing').activeDevices(db.prisma)).toEqual([{ deviceId: before.deviceIds[0], tenantId: before.tenantId }]);
    } finally {
      await Promise.all(consumers.map((consumer) => consumer.stop()));
      await db.close();
      await postgres?.drop();
    }
  }, 180_000);

  describe('on a migrated database', () => {
    let db: Database;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ db, close } = await migratedDatabase(backend));
    }, 120_000);
    afterAll(async () => close?.());

    it('an event delivered twice, or after a newer one of its object, changes nothing', async () => {
      const schema = 'telemetry';
      const tenantId = randomUUID();
      const id = randomUUID();
      const farmAt = (timeZone: string) => ({ object: 'farm' as const, id, deleted: false as const, tenantId, timeZone });
      await applyTopologyEvent(db.sql, schema, farmAt('Europe/Berlin'), 1_000_002);
      await applyTopologyEvent(db.sql, schema, farmAt('Asia/Tokyo'), 1_000_001); // older, late
      await applyTopologyEvent(db.sql, schema, farmAt('Europe/Berlin'), 1_000_002); // again
      const read = () => db.sql.query(`SELECT time_zone, deleted, version::text AS version FROM "telemetry"."topology_farm" WHERE id = $1`, [id]);
      expect(await read()).toEqual([{ time_zone: 'Europe/Berlin', deleted: false, version: '1000002' }]);
      await applyTopologyEvent(db.sql, schema, { object: 'farm', id, deleted: true }, 1_000_003);
      await applyTopologyEvent(db.sql, schema, farmAt('Asia/Tokyo'), 1_000_001); // a deleted farm does not come back
      expect(await read()).toEqual([{ time_zone: 'Europe/Berlin', deleted: true, version: '1000003' }]);
    });

    it('a consumer stopped while topology changes catches up from its position when it starts again', async () => {
      const schema = 'kpi';
      let consumer = await startTopologyReadModel({ sql: db.sql, log, schema });
      const first = await writeTopologyBySql(db.sql);
      await consumer.drain(60_000);
      await consumer.stop();
      const second = await writeTopologyBySql(db.sql);
      await db.sql.query(`UPDATE "devices"."farm" SET time_zone = 'America/Chicago' WHERE id = $1`, [first.farmId]);
      await db.sql.query(`UPDATE "devices"."device" SET status = 'REVOKED' WHERE id = $1`, [first.deviceIds[0]]);
      const kpi = topologyReadModel(schema);
      expect(await kpi.farmTimeZone(db.prisma, second.tenantId, second.farmId)).toBeNull();
      consumer = await startTopologyReadModel({ sql: db.sql, log, schema });
      try {
        await consumer.drain(60_000);
        expect(await kpi.farmTimeZone(db.prisma, second.tenantId, second.farmId)).toBe('Asia/Bangkok');
        expect(await kpi.farmTimeZone(db.prisma, first.tenantId, first.farmId)).toBe('America/Chicago');
        expect((await kpi.lookupDevices(db.prisma, [first.deviceIds[0]!])).get(first.deviceIds[0]!)?.status).toBe('REVOKED');
        const truth = await devicesTopology(db.sql);
        expect(await readModelTopology(db.sql, schema)).toEqual(truth);
      } finally {
        await consumer.stop();
      }
    }, 120_000);

    it('a read waits until its read model holds the changes committed before it', async () => {
      const schema = 'billing';
      const placed = await writeTopologyBySql(db.sql);
      const billing = topologyReadModel(schema);
      // Nobody applies yet: the read waits; the consumer starts 300 ms later and the read sees the device.
      const reading = billing.activeDevices(db.prisma);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const consumer = await startTopologyReadModel({ sql: db.sql, log, schema });
      try {
        expect(await reading).toContainEqual({ deviceId: placed.deviceIds[0], tenantId: placed.tenantId });
      } finally {
        await consumer.stop();
      }
    }, 60_000);

    it('a read whose consumer is down answers from what the model holds after the wait, not never', async () => {
      const placed = await writeTopologyBySql(db.sql);
      const startedAt = Date.now();
      expect(await awaitTopology(db.prisma, topologyConsumerName('identity'), 200)).toBe(false);
      expect(Date.now() - startedAt).toBeLessThan(10_000);
      expect(placed.farmId).toBeDefined();
    });

    it("an event consumer's read whose model is still behind after the wait throws, so the event is retried and not skipped", async () => {
      const placed = await writeTopologyBySql(db.sql);
      const forConsumers = topologyReadModel('kpi', { whenBehind: 'throw' });
      await expect(forConsumers.lookupBarns(db.prisma, [placed.barnId])).rejects.toThrow(TopologyBehindError);
      const consumer = await startTopologyReadModel({ sql: db.sql, log, schema: 'kpi' });
      try {
        expect((await forConsumers.lookupBarns(db.prisma, [placed.barnId])).get(placed.barnId)).toMatchObject({
          tenantId: placed.tenantId,
          farmId: placed.farmId,
        });
      } finally {
        await consumer.stop();
      }
    }, 60_000);
  });

  // A consumer process killed with SIGKILL holds its lease until it expires; its successor carries on from the stored position.
  // (PostgreSQL only: a PGlite database belongs to one process, so its consumers die with the whole system; tests/events-crash.test.ts kills that.)
  if (backend === 'postgres')
    it('a consumer process killed with SIGKILL and started again catches up exactly', async () => {
      const postgres = await createPostgresDatabase();
      const db = await openDatabase({ kind: 'postgres', url: postgres.url });
      const children: ChildProcess[] = [];
      const startChild = async () => {
        const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'support', 'topologyConsumerChild.ts'), postgres.url, 'telemetry'], {
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        children.push(child);
        await new Promise<void>((resolve, reject) => {
          child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
          child.on('exit', (code) => reject(new Error(`consumer child exited with ${code}`)));
        });
        return child;
      };
      try {
        await applyMigrations(db.sql);
        const first = await startChild();
        for (let i = 0; i < 5; i++) await writeTopologyBySql(db.sql);
        // Kill it while it is applying: as soon as it applied something, not necessarily everything.
        await waitFor(async () => (await db.sql.query(`SELECT 1 FROM "telemetry"."topology_farm" LIMIT 1`)).length === 1, 60_000);
        first.kill('SIGKILL');
        for (let i = 0; i < 5; i++) await writeTopologyBySql(db.sql);
        await db.sql.query(`DELETE FROM "devices"."device" WHERE status = 'PENDING'`);
        await startChild();
        expect(await awaitTopology(db.prisma, topologyConsumerName('telemetry'), 60_000)).toBe(true);
        expect(await readModelTopology(db.sql, 'telemetry')).toEqual(await devicesTopology(db.sql));
      } finally {
        for (const child of children) child.kill('SIGKILL');
        await db.close();
        await postgres.drop();
      }
    }, 180_000);

  describe('through the API', () => {
    let farmiq: TestSystem;
    beforeAll(async () => {
      farmiq = await startTestSystem(backend, { SIMULATOR: 'off' });
    }, 180_000);
    afterAll(async () => farmiq?.stop());

    it('every topology-changing mutation reaches all four read models, and they equal devices tables', async () => {
      const { tenantId, admin } = await tenantWithAdmin(farmiq, `Topology ${randomUUID().slice(0, 6)}`);
      const platform = await loginAsPlatformAdmin(farmiq);
      const asAdmin = farmiq.as(admin.accessToken);
      const call = async (api: TestSystem['graphql'], query: string, variables: Record<string, unknown> = {}) => {
        const result = await api(query, variables);
        if (result.errors) throw new Error(`${query}: ${JSON.stringify(result.errors)}`);
        return result.data!;
      };
      const db = farmiq.system.database!;
      const { createFarm } = await call(asAdmin, 'mutation { createFarm(input: { name: "North", timeZone: "Asia/Bangkok" }) { id } }');
      const barns: string[] = [];
      for (const name of ['House 1', 'House 2']) {
        barns.push(
          (
            await call(asAdmin, 'mutation ($f: ID!, $n: String!) { createBarn(input: { farmId: $f, name: $n, species: PIG, capacityHead: 500 }) { id } }', {
              f: createFarm.id,
              n: name,
            })
          ).createBarn.id,
        );
      }
      const labels = (
        await call(
          farmiq.as(platform.accessToken),
          'mutation ($d: [DeviceToRegisterInput!]!) { registerDevices(input: { devices: $d }) { device { id } claimLink } }',
          {
            d: ['CLIMATE', 'SCALE', 'WATER_METER'].map((kind) => ({ serialNumber: `TOPO-${randomUUID().slice(0, 8)}`, kind })),
          },
        )
      ).registerDevices as Array<{ device: { id: string }; claimLink: string }>;
      await expectEveryReadModelToMatch(db);
      for (const label of labels) await call(asAdmin, 'mutation ($l: String) { claimDevice(input: { claimLink: $l }) { id } }', { l: label.claimLink });
      await expectEveryReadModelToMatch(db);
      const [climate, scale] = labels.map((label) => label.device.id);
      for (const deviceId of [climate, scale]) {
        await call(asAdmin, 'mutation ($d: ID!, $b: ID!) { activateDevice(input: { deviceId: $d, barnId: $b, name: "Sensor" }) { mqttPassword } }', {
          d: deviceId,
          b: barns[0],
        });
      }
      await call(asAdmin, 'mutation ($d: ID!, $b: ID!) { moveDevice(input: { deviceId: $d, barnId: $b }) { id } }', { d: scale, b: barns[1] });
      await call(asAdmin, 'mutation ($d: ID!) { rotateDeviceCredentials(input: { deviceId: $d, overlapSeconds: 0 }) { mqttPassword } }', { d: climate });
      await call(asAdmin, 'mutation ($d: ID!) { revokeDevice(deviceId: $d) { id } }', { d: climate });
      await call(asAdmin, 'mutation ($f: ID!) { registerEdgeGateway(input: { farmId: $f, name: "Edge" }) { keyId } }', { f: createFarm.id });
      await expectEveryReadModelToMatch(db);
      const billing = topologyReadModel('billing');
      expect((await billing.activeDevices(db.prisma)).filter((device) => device.tenantId === tenantId)).toEqual([{ deviceId: scale, tenantId }]);
      const telemetry = topologyReadModel('telemetry');
      expect((await telemetry.lookupDevices(db.prisma, [scale!])).get(scale!)).toEqual({
        deviceId: scale,
        tenantId,
        farmId: createFarm.id,
        barnId: barns[1],
        kind: 'SCALE',
        status: 'ACTIVE',
        farmTimeZone: 'Asia/Bangkok',
      });
    }, 240_000);

    it('a barn made in devices is usable at once in telemetry and kpi through the gateway (no NOT_FOUND)', async () => {
      const { admin } = await tenantWithAdmin(farmiq, `Read after write ${randomUUID().slice(0, 6)}`);
      const asAdmin = farmiq.as(admin.accessToken);
      for (let round = 0; round < 3; round++) {
        const farm = await asAdmin(`mutation { createFarm(input: { name: "Farm ${round}", timeZone: "UTC" }) { id } }`);
        const farmId = farm.data!.createFarm.id;
        const barn = await asAdmin('mutation ($f: ID!) { createBarn(input: { farmId: $f, name: "House", species: BROILER, capacityHead: 20000 }) { id } }', {
          f: farmId,
        });
        const barnId = barn.data!.createBarn.id;
        const [rule, batch] = await Promise.all([
          asAdmin(
            'mutation ($b: ID!) { createAlertRule(input: { barnId: $b, metric: "temperatureC", comparison: ABOVE, threshold: 32, clearThreshold: 30, minDurationSeconds: 300 }) { id } }',
            { b: barnId },
          ),
          asAdmin(
            'mutation ($f: ID!, $b: ID) { placeBatch(input: { farmId: $f, barnId: $b, species: BROILER, placedOn: "2026-11-01", headCountPlaced: 1000, placementWeightKg: 0.042 }) { id } }',
            { f: farmId, b: barnId },
          ),
        ]);
        expect([errorCode(rule), errorCode(batch)]).toEqual([undefined, undefined]);
        expect(rule.data!.createAlertRule.id).toBeDefined();
        expect(batch.data!.placeBatch.id).toBeDefined();
      }
      // Another tenant's barn stays NOT_FOUND (the read model is scoped like devices' tables).
      const other = await tenantWithAdmin(farmiq, `Other ${randomUUID().slice(0, 6)}`);
      const otherFarm = await farmiq.as(other.admin.accessToken)('mutation { createFarm(input: { name: "Theirs", timeZone: "UTC" }) { id } }');
      const stolen = await asAdmin(
        'mutation ($f: ID!) { placeBatch(input: { farmId: $f, species: PIG, placedOn: "2026-11-01", headCountPlaced: 10, placementWeightKg: 7 }) { id } }',
        { f: otherFarm.data!.createFarm.id },
      );
      expect(errorCode(stolen)).toBe('NOT_FOUND');
    }, 120_000);
  });
});
