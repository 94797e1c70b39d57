import { Gauge } from 'prom-client';
import type pg from 'pg';
import { metricsRegistry } from '../metrics';

/** The pools of this process (one per open PostgreSQL database), read when Prometheus scrapes. */
const pools = new Set<pg.Pool>();

const sum = (of: (pool: pg.Pool) => number) => [...pools].reduce((total, pool) => total + of(pool), 0);

new Gauge({
  name: 'farmiq_db_pool_connections',
  help: "Connections of the process's PostgreSQL pool by state (in_use: lent to a query; idle: open, waiting)",
  labelNames: ['state'] as const,
  registers: [metricsRegistry],
  collect() {
    this.set(
      { state: 'in_use' },
      sum((pool) => pool.totalCount - pool.idleCount),
    );
    this.set(
      { state: 'idle' },
      sum((pool) => pool.idleCount),
    );
  },
});
new Gauge({
  name: 'farmiq_db_pool_max_connections',
  help: "The most connections the process's PostgreSQL pool opens",
  registers: [metricsRegistry],
  collect() {
    this.set(sum((pool) => pool.options.max ?? 10));
  },
});
new Gauge({
  name: 'farmiq_db_pool_waiting_queries',
  help: 'Queries waiting for a free connection of the pool (above 0 for long: the pool is saturated)',
  registers: [metricsRegistry],
  collect() {
    this.set(sum((pool) => pool.waitingCount));
  },
});

/** Reports `pool` in /metrics; the returned function stops it (the pool's owner calls it on close). */
export function watchPool(pool: pg.Pool): () => void {
  pools.add(pool);
  return () => {
    pools.delete(pool);
  };
}
