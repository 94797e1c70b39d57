import { metricsRegistry } from '../../metrics';
import { createPostgresDatabase } from '../../../tests/support/postgres';
import { openDatabase } from '../database';

/** The value of one series as /metrics prints it. */
async function sample(series: string): Promise<number> {
  const text = await metricsRegistry.metrics();
  const line = text.split('\n').find((entry) => entry.startsWith(`${series} `));
  if (line === undefined) throw new Error(`no ${series} in /metrics`);
  return Number(line.slice(series.length + 1));
}

// PostgreSQL only (PGlite has no pool); CI always has it.
describe('the PostgreSQL pool in /metrics', () => {
  it('should show a saturated pool: every connection in use and the rest of the queries waiting', async () => {
    const database = await createPostgresDatabase();
    const db = await openDatabase({ kind: 'postgres', url: database.url });
    try {
      expect(await sample('farmiq_db_pool_max_connections')).toBe(10);
      // 13 queries of 2 s on a pool of 10: 10 run, 3 wait for a connection.
      const running = Array.from({ length: 13 }, () => db.sql.query('SELECT pg_sleep(2)'));
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(await sample('farmiq_db_pool_connections{state="in_use"}')).toBe(10);
      expect(await sample('farmiq_db_pool_waiting_queries')).toBe(3);
      await Promise.all(running);
      expect(await sample('farmiq_db_pool_connections{state="in_use"}')).toBe(0);
      expect(await sample('farmiq_db_pool_waiting_queries')).toBe(0);
    } finally {
      await db.close();
      await database.drop();
    }
    // A closed database's pool is no longer counted.
    expect(await sample('farmiq_db_pool_max_connections')).toBe(0);
  }, 60_000);
});
