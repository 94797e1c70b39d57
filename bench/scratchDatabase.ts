import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server benches make their databases on: POSTGRES_URL, else this machine's. */
export const POSTGRES_SERVER_URL = process.env.POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/**
 * A database already migrated to copy (`CREATE DATABASE … TEMPLATE`): the smoke run makes one
 * for all its benches, so each system starts on a current schema instead of migrating its own.
 */
export const TEMPLATE_DATABASE_ENV = 'FARMIQ_BENCH_TEMPLATE_DATABASE';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh database named `farmiq_bench_<what>_<random>` on the server, empty or a copy of the
 * migrated template when TEMPLATE_DATABASE_ENV names one; `drop()` removes it.
 */
export async function scratchDatabase(what: string, serverUrl = POSTGRES_SERVER_URL): Promise<ScratchDatabase> {
  const name = `farmiq_bench_${what}_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  const template = process.env[TEMPLATE_DATABASE_ENV];
  const copyOf = template && /^\w+$/.test(template) ? ` TEMPLATE ${template}` : '';
  await admin(`CREATE DATABASE ${name}${copyOf}`).catch((error: Error) => {
    throw new Error(`benches need a PostgreSQL server at ${serverUrl} (set POSTGRES_URL): ${error.message}`);
  });
  return {
    url: Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString(),
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
