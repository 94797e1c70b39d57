import { openDatabase, type Database, type DatabaseLocation } from '../database';
import { isUniqueViolation } from '../errors';
import { applyMigrations, readMigrations } from '../migrate';
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
      'identity.audit_record',
      'identity.auth_failure',
      'identity.membership',
      'identity.mfa_challenge',
      'identity.passkey',
      'identity.recovery_code',
      'identity.refresh_token',
      'identity.tenant',
      'identity.token_revocation',
      'identity.totp_factor',
      'identity.user_account',
      'kpi.batch',
      'kpi.depletion_record',
      'kpi.feed_record',
      'kpi.health_record',
      'kpi.mortality_record',
      'kpi.target_curve_point',
      'kpi.water_record',
      'kpi.weigh_sample',
      'telemetry.alert',
      'telemetry.alert_condition',
      'telemetry.alert_escalation',
      'telemetry.alert_rule',
      'telemetry.farm_notification_settings',
      'telemetry.ingest_nonce',
      'telemetry.notification_delivery',
      'telemetry.notification_subscription',
      'telemetry.reading',
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
});
