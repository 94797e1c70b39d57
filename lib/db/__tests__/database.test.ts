import { openDatabase, type Database, type DatabaseLocation } from '../database';
import { isUniqueViolation } from '../errors';
import { applyMigrations, readMigrations } from '../migrate';
import { pruneAuditRecords } from '../../../subgraphs/identity/audit/auditRetention';
import { backends, createPostgresDatabase } from '../../../tests/support/postgres';

describe.each(backends())('the database layer on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    let location: DatabaseLocation = { kind: 'pglite', dir: 'memory' };
    if (backend === 'postgres') {
      const postgres = await createPostgresDatabase();
      drop = postgres.drop;
      location = { kind: 'postgres', url: postgres.url };
    }
    db = await openDatabase(location);
  });
  afterAll(async () => {
    await db?.close();
    await drop();
  });

  it('applies every migration once and records them where `prisma migrate status` looks', async () => {
    const names = readMigrations().map((migration) => migration.name);
    expect(await applyMigrations(db.sql)).toEqual(names);
    expect(await applyMigrations(db.sql)).toEqual([]);
    const rows = await db.sql.query<{ migration_name: string }>('SELECT migration_name FROM public."_prisma_migrations" ORDER BY migration_name');
    expect(rows.map((row) => row.migration_name)).toEqual(names);
  });

  it('refuses to start on a database whose applied migration was edited since', async () => {
    const edited = readMigrations().map((migration, index) => (index === 0 ? { ...migration, checksum: 'f'.repeat(64) } : migration));
    await expect(applyMigrations(db.sql, edited)).rejects.toThrow(/was changed after it was applied/);
  });

  it('refuses to start on a database migrated by a newer version', async () => {
    await expect(applyMigrations(db.sql, [])).rejects.toThrow(/does not know/);
  });

  it('keeps each subgraph in its own PostgreSQL schema', async () => {
    const rows = await db.sql.query<{ table_schema: string; table_name: string }>(
      `SELECT table_schema, table_name FROM information_schema.tables
       WHERE table_schema IN ('identity', 'devices', 'telemetry', 'kpi', 'billing') ORDER BY table_schema, table_name`,
    );
    expect(rows.map((row) => `${row.table_schema}.${row.table_name}`)).toEqual([
      'billing.billing_profile',
      'billing.exchange_rate',
      'billing.invoice',
      'billing.invoice_counter',
      'billing.invoice_line',
      'billing.payment',
      'billing.plan_subscription',
      'billing.subscription_event',
      'billing.topology_barn',
      'billing.topology_device',
      'billing.topology_farm',
      'billing.usage_record',
      'billing.vat_rate',
      'billing.webhook_event',
      'devices.barn',
      'devices.claim_failure',
      'devices.device',
      'devices.device_credential',
      'devices.edge_gateway',
      'devices.edge_gateway_key',
      'devices.farm',
      'identity.account_link',
      'identity.api_client',
      'identity.api_quota',
      'identity.audit_record',
      'identity.auth_failure',
      'identity.membership',
      'identity.mfa_challenge',
      'identity.partner_grant',
      'identity.partner_webhook',
      'identity.partner_webhook_delivery',
      'identity.passkey',
      'identity.recovery_code',
      'identity.refresh_token',
      'identity.registered_document',
      'identity.tenant',
      'identity.tenant_plan_limits',
      'identity.token_revocation',
      'identity.topology_barn',
      'identity.topology_device',
      'identity.topology_farm',
      'identity.totp_factor',
      'identity.user_account',
      'kpi.batch',
      'kpi.depletion_record',
      'kpi.edge_nonce',
      'kpi.feed_record',
      'kpi.health_record',
      'kpi.mortality_record',
      'kpi.target_curve_point',
      'kpi.topology_barn',
      'kpi.topology_device',
      'kpi.topology_farm',
      'kpi.water_record',
      'kpi.weigh_sample',
      'kpi.weigh_session',
      'kpi.weigh_session_event',
      'telemetry.alert',
      'telemetry.alert_condition',
      'telemetry.alert_escalation',
      'telemetry.alert_rule',
      'telemetry.device_presence',
      'telemetry.farm_notification_settings',
      'telemetry.farm_presence',
      'telemetry.ingest_nonce',
      'telemetry.notification_delivery',
      'telemetry.notification_subscription',
      'telemetry.presence_watch',
      'telemetry.reading',
      'telemetry.topology_barn',
      'telemetry.topology_device',
      'telemetry.topology_farm',
      'telemetry.webhook_endpoint',
    ]);
  });

  it('reports a duplicate key as a unique violation, whichever driver is underneath', async () => {
    const tenantId = '00000000-0000-4000-8000-00000000000a';
    await db.prisma.farm.create({ data: { tenantId, name: 'Same', timeZone: 'UTC' } });
    const duplicate = await db.prisma.farm.create({ data: { tenantId, name: 'Same', timeZone: 'UTC' } }).catch((error: unknown) => error);
    expect(isUniqueViolation(duplicate)).toBe(true);
    expect(await db.prisma.farm.count({ where: { tenantId } })).toBe(1);
  });

  // The audit log's append-only trigger and retention function live in the migrations: tested here,
  // on the database this file migrated, rather than on one more database of their own.
  /** One record `ageDays` old, as the API writes them; returns its id. */
  async function recordAged(ageDays: number): Promise<string> {
    const [row] = await db.sql.query<{ id: string }>(
      `INSERT INTO "identity"."audit_record" (id, at, action, address, request_id) VALUES (gen_random_uuid(), $1, 'LOGIN_FAILED', '192.0.2.1', 'r') RETURNING id::text AS id`,
      [new Date(Date.now() - ageDays * 86_400_000)],
    );
    return row!.id;
  }
  const ids = async () => (await db.sql.query<{ id: string }>(`SELECT id::text AS id FROM "identity"."audit_record" ORDER BY at`)).map((row) => row.id);

  it('refuses to change, delete or truncate a record, whatever the statement', async () => {
    const id = await recordAged(1);
    await expect(db.sql.query(`UPDATE "identity"."audit_record" SET action = 'LOGIN_SUCCEEDED' WHERE id = $1::uuid`, [id])).rejects.toThrow(
      /append-only: UPDATE refused/,
    );
    await expect(db.sql.query(`DELETE FROM "identity"."audit_record" WHERE id = $1::uuid`, [id])).rejects.toThrow(/append-only: DELETE refused/);
    await expect(db.sql.exec(`TRUNCATE "identity"."audit_record"`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    // Through Prisma too (the path the application's own code would take).
    await expect(db.prisma.auditRecord.deleteMany({})).rejects.toThrow(/append-only/);
    expect(await ids()).toContain(id);
  });

  it('lets the retention function delete only records older than the retention period, and nothing else afterwards', async () => {
    const old = await recordAged(400);
    const edge = await recordAged(364);
    const before = await ids();
    // 365 days kept: the 400-day-old record goes, the 364-day-old one stays.
    expect(await pruneAuditRecords(db.sql, 365)).toBe(1);
    expect(await ids()).toEqual(before.filter((id) => id !== old));
    expect(await ids()).toContain(edge);
    // The function's permission ended with its transaction: a plain DELETE is refused again.
    await expect(db.sql.query(`DELETE FROM "identity"."audit_record" WHERE id = $1::uuid`, [edge])).rejects.toThrow(/append-only/);
    // A retention under a day is refused outright.
    await expect(db.sql.query(`SELECT "identity"."prune_audit_records"(interval '1 hour')`)).rejects.toThrow(/at least one day/);
  });
});
