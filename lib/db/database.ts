import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/client';
import { lockDataDir } from './dataDirLock';
import { pgliteDriver } from './pgliteDriver';
import { cacheReadPlans } from './planCache';
import { createPostgresPool, dedicatedPostgresDriver, postgresDriver } from './postgresDriver';
import type { SqlDriver } from './sql';

export { PrismaClient };

/** Where the data lives: a PostgreSQL server, or an embedded PGlite in a folder or in memory. */
export type DatabaseLocation = { kind: 'postgres'; url: string } | { kind: 'pglite'; dir: string | 'memory' };

/** One per process: Prisma for the domain code, raw SQL for migrations and health checks. */
export interface Database {
  kind: DatabaseLocation['kind'];
  prisma: PrismaClient;
  sql: SqlDriver;
  /**
   * Raw SQL on a connection of its own (PostgreSQL), closed with the database; PGlite has one
   * connection and answers `sql`. For latency-critical work only: each one is a server connection.
   */
  dedicatedSql(): SqlDriver;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The database could not be opened; the message is one line, safe to print. */
export class DatabaseUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseUnavailableError';
  }
}

export async function openDatabase(location: DatabaseLocation): Promise<Database> {
  cacheReadPlans();
  return location.kind === 'postgres' ? openPostgres(location.url) : openPglite(location.dir);
}

async function openPostgres(url: string): Promise<Database> {
  const pool = createPostgresPool(url);
  // An idle client's error (server restart) must not crash the process; queries will retry.
  pool.on('error', () => undefined);
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseUnavailableError(`DATABASE_URL: cannot connect to ${describePostgres(url)}: ${errorReason(error)}`);
  }
  const sql = postgresDriver(pool);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return assemble('postgres', prisma, sql, () => dedicatedPostgresDriver(url, sql));
}

async function openPglite(dir: string | 'memory'): Promise<Database> {
  const unlock = dir === 'memory' ? () => undefined : lockDataDir(dir);
  let pglite: PGlite;
  try {
    pglite = dir === 'memory' ? new PGlite() : new PGlite(`${dir}/pglite`);
    await pglite.waitReady;
  } catch (error) {
    unlock();
    throw new DatabaseUnavailableError(`FARMIQ_DATA_DIR: cannot open the embedded database in ${dir}: ${errorReason(error)}`);
  }
  const sql = pgliteDriver(pglite);
  // The adapter is built against an older copy of Prisma's adapter typings; the runtime
  // contract is the same (exercised by the whole test suite on PGlite).
  const adapter = new PrismaPGlite(pglite) as unknown as NonNullable<ConstructorParameters<typeof PrismaClient>[0]>['adapter'];
  const prisma = new PrismaClient({ adapter });
  const db = assemble('pglite', prisma, sql, () => sql);
  return {
    ...db,
    async close() {
      await db.close();
      unlock();
    },
  };
}

function assemble(kind: Database['kind'], prisma: PrismaClient, sql: SqlDriver, openDedicated: () => SqlDriver): Database {
  let closed: Promise<void> | undefined;
  const dedicated: SqlDriver[] = [];
  return {
    kind,
    prisma,
    sql,
    dedicatedSql() {
      const driver = openDedicated();
      if (driver !== sql) dedicated.push(driver);
      return driver;
    },
    async ping() {
      await sql.query('SELECT 1');
    },
    close() {
      closed ??= (async () => {
        await prisma.$disconnect();
        await Promise.all(dedicated.map((driver) => driver.close()));
        await sql.close();
      })();
      return closed;
    },
  };
}

/** host:port/database of a PostgreSQL URL, without the credentials. */
function describePostgres(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}

function errorReason(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return errorReason(error.errors[0]);
  const { code, message } = error as { code?: string; message?: string };
  return code && !/^\d/.test(code) ? code : (message ?? String(error)).split('\n')[0]!;
}
