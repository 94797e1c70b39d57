import pg from 'pg';
import type { SqlDriver, SqlExecutor } from './sql';

/** A bounded node-postgres pool. Prisma's adapter and raw SQL share it. */
export function createPostgresPool(connectionString: string): pg.Pool {
  return new pg.Pool({
    connectionString,
    max: 10,
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
    async query<Row extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      const result = await client.query(sql, params);
      return result.rows as Row[];
    },
  };
}

export function postgresDriver(pool: pg.Pool): SqlDriver {
  return {
    ...executor(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(executor(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onNotify) {
      // A LISTEN holds its connection for as long as it listens: one taken out of the pool.
      const client = await pool.connect();
      const handler = (message: pg.Notification) => {
        if (message.channel === channel) onNotify();
      };
      client.on('notification', handler);
      client.on('error', () => undefined);
      await client.query(`LISTEN "${channel.replace(/"/g, '')}"`);
      return async () => {
        client.off('notification', handler);
        await client.query(`UNLISTEN "${channel.replace(/"/g, '')}"`).catch(() => undefined);
        client.release();
      };
    },
    close: () => pool.end(),
  };
}
