import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Set by the global set-up when a real PostgreSQL answers (DATABASE_URL or 127.0.0.1:5432). */
export const POSTGRES_URL_ENV = 'FARMIQ_TEST_POSTGRES_URL';

export type Backend = 'pglite' | 'postgres';

/**
 * The database back-ends this run covers: always the embedded PGlite, and the real PostgreSQL
 * when the machine has one. CI requires the real one (the global set-up fails without it).
 */
export function backends(): Backend[] {
  return process.env[POSTGRES_URL_ENV] ? ['pglite', 'postgres'] : ['pglite'];
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A fresh PostgreSQL database of this test file's own, so files can run in parallel. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = process.env[POSTGRES_URL_ENV];
  if (!serverUrl) throw new Error(`${POSTGRES_URL_ENV} is not set: no PostgreSQL for this run`);
  const name = `farmiq_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(serverUrl, name),
    async drop() {
      const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
