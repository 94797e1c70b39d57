import { openDatabase, type Database, type DatabaseLocation } from '../../../lib/db/database';
import { applyMigrations } from '../../../lib/db/migrate';
import { backends, createPostgresDatabase } from '../../../tests/support/postgres';
import { pruneAuditRecords } from '../audit/auditRetention';

const DAY_MS = 86_400_000;

describe.each(backends())('the audit log in the database on %s', (backend) => {
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
    await applyMigrations(db.sql);
  });
  afterAll(async () => {
    await db?.close();
    await drop();
  });

  /** One record `ageDays` old, as the API writes them; returns its id. */
  async function recordAged(ageDays: number): Promise<string> {
    const [row] = await db.sql.query<{ id: string }>(
      `INSERT INTO "identity"."audit_record" (id, at, action, address, request_id) VALUES (gen_random_uuid(), $1, 'LOGIN_FAILED', '192.0.2.1', 'r') RETURNING id::text AS id`,
      [new Date(Date.now() - ageDays * DAY_MS)],
    );
    return row!.id;
  }
  const ids = async () => (await db.sql.query<{ id: string }>(`SELECT id::text AS id FROM "identity"."audit_record" ORDER BY at`)).map((row) => row.id);

  it('refuses to change, delete or truncate a record, whatever the statement', async () => {
    const id = await recordAged(1);
    await expect(db.sql.query(`UPDATE "identity"."audit_record" SET action = 'LOGIN_SUCCEEDED' WHERE id = $1::uuid`, [id])).rejects.toThrow(/append-only: UPDATE refused/);
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
