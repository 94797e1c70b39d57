import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { openDatabase, type Database } from '../../lib/db/database';
import { applyMigrations } from '../../lib/db/migrate';
import { POSTGRES_URL_ENV } from '../../tests/support/postgres';

const ROOT = path.join(__dirname, '..', '..');
const SCHEMAS = `('identity', 'devices', 'telemetry', 'kpi', 'billing')`;
/** Written by hand into the migrations: Prisma cannot express a partial unique index. */
const HAND_WRITTEN_INDEXES = ['plan_subscription_one_active_per_tenant', 'alert_one_active_per_source_and_barn', 'alert_one_active_per_source_of_farm'];

/** Columns, indexes and enum labels of our five schemas, in a stable order. */
async function catalog(db: Database) {
  const columns = await db.sql.query(
    `SELECT table_schema, table_name, column_name, data_type, udt_name, is_nullable, column_default
     FROM information_schema.columns WHERE table_schema IN ${SCHEMAS} ORDER BY 1, 2, 3`,
  );
  const indexes = await db.sql.query<{ indexname: string; indexdef: string }>(
    `SELECT schemaname, tablename, indexname, indexdef FROM pg_indexes WHERE schemaname IN ${SCHEMAS} ORDER BY 1, 2, 3`,
  );
  const enums = await db.sql.query(
    `SELECT n.nspname, t.typname, e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname IN ${SCHEMAS} ORDER BY 1, 2, e.enumsortorder`,
  );
  // A partitioned table's indexes read "ON ONLY" (each partition gets its own); the columns and keys are the same.
  const comparable = indexes
    .filter((index) => !HAND_WRITTEN_INDEXES.includes(index.indexname))
    .map((index) => ({ ...index, indexdef: index.indexdef.replace(' ON ONLY ', ' ON ') }));
  return { columns, indexes: comparable, enums };
}

// The Prisma CLI must reach a PostgreSQL to print the SQL of the schema (its driver adapter connects).
describe.each(process.env[POSTGRES_URL_ENV] ? [process.env[POSTGRES_URL_ENV]!] : [])('prisma/migrations', (postgresUrl) => {
  it('build exactly the database the Prisma schema describes (a schema change without a migration fails here)', async () => {
    const fromSchema = execFileSync(
      path.join(ROOT, 'prisma', 'prisma.sh'),
      ['migrate', 'diff', '--from-empty', '--to-schema-datamodel', 'prisma/schema', '--script'],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: postgresUrl },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    ).toString();
    const [migrated, described] = await Promise.all([openDatabase({ kind: 'pglite', dir: 'memory' }), openDatabase({ kind: 'pglite', dir: 'memory' })]);
    try {
      await applyMigrations(migrated.sql);
      await described.sql.exec(fromSchema);
      expect(await catalog(migrated)).toEqual(await catalog(described));
    } finally {
      await Promise.all([migrated.close(), described.close()]);
    }
  });
});
