import { openDatabase } from '../../lib/db/database';
import { applyMigrations, readMigrations } from '../../lib/db/migrate';
import { confusableSkeleton } from '../../lib/text/confusables';
import { backends, createPostgresDatabase } from '../../tests/support/postgres';

const SKELETON_MIGRATION = '20261201400100_identity_email_skeleton';

/** Addresses already stored before the column existed: plain, look-alike pairs, invisible characters. */
const EXISTING = [
  'ann@farm.example',
  '\u0430nn@farm.example', // Cyrillic а: a look-alike of the first, created later
  'mary@farm.example',
  'rnary@farm.example', // rn for m
  'bi11@farm.example',
  'an\u200Bna@farm.example', // zero-width space
  'ｂｅｎ@farm.example', // fullwidth
  'zoë@farm.example',
];

describe.each(backends())('the email skeleton migration on %s', (backend) => {
  it('should backfill the skeleton lib/text/confusables.ts computes, the oldest of look-alikes keeping it', async () => {
    const postgres = backend === 'postgres' ? await createPostgresDatabase() : undefined;
    const db = await openDatabase(postgres ? { kind: 'postgres', url: postgres.url } : { kind: 'pglite', dir: 'memory' });
    try {
      const migrations = readMigrations();
      const at = migrations.findIndex((migration) => migration.name === SKELETON_MIGRATION);
      expect(at).toBeGreaterThan(0);
      await applyMigrations(db.sql, migrations.slice(0, at));
      for (const [index, email] of EXISTING.entries()) {
        await db.sql.query(
          `INSERT INTO "identity"."user_account" (id, email, password_hash, created_at) VALUES (gen_random_uuid(), $1, 'x', $2::timestamptz)`,
          [email, new Date(Date.UTC(2026, 0, 1, 0, index)).toISOString()],
        );
      }
      await applyMigrations(db.sql, migrations);

      const rows = await db.sql.query<{ email: string; email_skeleton: string | null }>(
        `SELECT email, email_skeleton FROM "identity"."user_account" ORDER BY created_at`,
      );
      const expected = EXISTING.map((email, index) => {
        const earlierLookAlike = EXISTING.slice(0, index).some((earlier) => confusableSkeleton(earlier) === confusableSkeleton(email));
        return { email, email_skeleton: earlierLookAlike ? null : confusableSkeleton(email) };
      });
      expect(rows).toEqual(expected);
      // Worked out by hand: the later Cyrillic "аnn" and "rnary" (after "mary") are the look-alikes left without one.
      expect(rows.filter((row) => row.email_skeleton === null).map((row) => row.email)).toEqual(['\u0430nn@farm.example', 'rnary@farm.example']);
      // The helper table and function of the migration are gone.
      expect(await db.sql.query(`SELECT 1 FROM pg_proc WHERE proname = 'migration_email_skeleton'`)).toEqual([]);
      expect(await db.sql.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'migration_confusable_prototype'`)).toEqual([]);
    } finally {
      await db.close();
      await postgres?.drop();
    }
  }, 120_000);
});
