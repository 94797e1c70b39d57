import pg from 'pg';
import { POSTGRES_URL_ENV } from './postgres';

const MACHINE_POSTGRES = 'postgresql://postgres@127.0.0.1:5432/postgres';

/**
 * Finds the real PostgreSQL the integration suite also runs against: DATABASE_URL, or the
 * machine's server on 127.0.0.1:5432. Under CI (CI=true) its absence fails the run instead of
 * silently testing only the embedded database.
 */
export default async function globalSetup(): Promise<void> {
  const candidate = process.env.DATABASE_URL || MACHINE_POSTGRES;
  const client = new pg.Client({ connectionString: candidate, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    process.env[POSTGRES_URL_ENV] = candidate;
  } catch (error) {
    if (process.env.CI === 'true' || process.env.FARMIQ_REQUIRE_POSTGRES === '1') {
      throw new Error(`CI needs a real PostgreSQL at ${new URL(candidate).host}: ${(error as Error).message}`);
    }
    console.warn(`No PostgreSQL at ${new URL(candidate).host}: integration tests run on the embedded PGlite only.`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
