import { ConfigError, type Config } from '../lib/config';
import { openDatabase } from '../lib/db/database';
import { applyMigrations } from '../lib/db/migrate';
import type { Logger } from '../lib/logger';

/**
 * `farmiq migrate`: the release's migrations, once, before the new version's processes start
 * (the Kubernetes Job, the compose `migrate` service). Every target still migrates at start under
 * the same advisory lock, so a missed job only costs start-up time, never a half-migrated schema.
 */
export async function runMigrate(config: Config, log: Logger): Promise<string[]> {
  if (!config.databaseUrl) throw new ConfigError('DATABASE_URL: required (the PostgreSQL database to migrate)');
  const database = await openDatabase({ kind: 'postgres', url: config.databaseUrl });
  try {
    const applied = await applyMigrations(database.sql);
    log.info({ applied }, applied.length ? 'database migrated' : 'database schema is current');
    return applied;
  } finally {
    await database.close();
  }
}
