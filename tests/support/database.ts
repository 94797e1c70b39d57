import { openDatabase, type Database } from '../../lib/db/database';
import { applyMigrations } from '../../lib/db/migrate';
import { createPostgresDatabase, type Backend } from './postgres';

/** A migrated database of the test file's own: in-memory PGlite or a fresh PostgreSQL database. */
export async function migratedDatabase(backend: Backend): Promise<{ db: Database; close(): Promise<void> }> {
  const postgres = backend === 'postgres' ? await createPostgresDatabase() : undefined;
  const db = await openDatabase(postgres ? { kind: 'postgres', url: postgres.url } : { kind: 'pglite', dir: 'memory' });
  await applyMigrations(db.sql);
  return {
    db,
    async close() {
      await db.close();
      await postgres?.drop();
    },
  };
}
