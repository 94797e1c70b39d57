import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server benches make their databases on: POSTGRES_URL, else this machine's. */
export const POSTGRES_SERVER_URL = process.env.POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database named `farmiq_bench_<what>_<random>` on the server; `drop()` removes it. */
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
  await admin(`CREATE DATABASE ${name}`).catch((error: Error) => {
    throw new Error(`benches need a PostgreSQL server at ${serverUrl} (set POSTGRES_URL): ${error.message}`);
  });
  return {
    url: Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString(),
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
