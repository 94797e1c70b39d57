import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { AppendedEvents } from '../events/appendedEvents';
import { watchPool } from './poolMetrics';
import type { SqlDriver, SqlExecutor } from './sql';

/** A bounded node-postgres pool. Prisma's adapter and raw SQL share it. */
export function createPostgresPool(connectionString: string, maxConnections = 10): pg.Pool {
  return new pg.Pool({
    connectionString,
    max: maxConnections,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: 'farmiq',
  });
}

function executor(client: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    async exec(script) {
      await client.query(script);
    },
    async query<Row extends Record<string, unknown>>(sql: string, params: unknown[] = [], name?: string) {
      const result = await client.query(name ? { name, text: sql, values: params } : { text: sql, values: params });
      return result.rows as Row[];
    },
  };
}

/** A transaction's connection can also COPY (a pool would hand the COPY to any connection). */
function transactionExecutor(client: pg.PoolClient, appended: AppendedEvents): SqlExecutor {
  return {
    ...executor(client),
    appended,
    async copyIn(table, columns, lines) {
      await pipeline(Readable.from([lines]), client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
    },
  };
}

/** Raw SQL on `pool`, which it reports in /metrics until `close` ends it. */
export function postgresDriver(pool: pg.Pool, appended = new AppendedEvents()): SqlDriver {
  const unwatch = watchPool(pool);
  return {
    ...executor(pool),
    appended,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(transactionExecutor(client, appended));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    listen: sharedListener(pool),
    close: async () => {
      unwatch();
      await pool.end();
    },
  };
}

/**
 * Raw SQL on one connection of its own, for work whose latency must not queue behind the shared
 * pool's (the live relay: at a few hundred readings a second the pool is often all in use by
 * ingest and the other consumers). Its LISTENs go to `shared`'s listening connection.
 */
export function dedicatedPostgresDriver(connectionString: string, shared: SqlDriver): SqlDriver {
  const pool = createPostgresPool(connectionString, 1);
  pool.on('error', () => undefined);
  // It shares the process's memory of appended events, so the relay skips reading back what ingest wrote.
  return { ...postgresDriver(pool, shared.appended), listen: shared.listen };
}

/**
 * Every LISTEN of the process on one connection. A LISTEN holds its connection for as long as it
 * listens; one each would take a pooled connection per event consumer (four in the all-in-one
 * process, of a pool of ten) away from the queries the API is waiting for.
 */
function sharedListener(pool: pg.Pool): SqlDriver['listen'] {
  const handlers = new Map<string, Set<(payload?: string) => void>>();
  let connection: Promise<pg.PoolClient> | undefined;
  const quoted = (channel: string) => `"${channel.replace(/"/g, '')}"`;
  const connect = () =>
    (connection ??= pool.connect().then((client) => {
      client.on('notification', (message: pg.Notification) => {
        for (const handler of handlers.get(message.channel) ?? []) handler(message.payload);
      });
      client.on('error', () => undefined);
      return client;
    }));
  return async (channel, onNotify) => {
    const client = await connect();
    let forChannel = handlers.get(channel);
    if (!forChannel) {
      handlers.set(channel, (forChannel = new Set()));
      await client.query(`LISTEN ${quoted(channel)}`);
    }
    const handler = (payload?: string) => onNotify(payload);
    forChannel.add(handler);
    return async () => {
      forChannel.delete(handler);
      if (forChannel.size > 0 || handlers.get(channel) !== forChannel) return;
      handlers.delete(channel);
      await client.query(`UNLISTEN ${quoted(channel)}`).catch(() => undefined);
      if (handlers.size === 0 && connection) {
        connection = undefined;
        client.release();
      }
    };
  };
}
