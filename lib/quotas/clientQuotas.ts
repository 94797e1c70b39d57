/**
 * Quotas of partner API clients: requests per minute and query-cost points per day, counted per
 * client (all its tenants together: one partner, one budget) with rate-limiter-flexible. The
 * gateway charges each request once, before planning it (supergraph/quotas/quotaPlugin.ts);
 * identity reads the same counters to show a tenant admin its clients' usage.
 *
 * Counters live where the revocation list does, so every gateway replica shares them: Redis
 * with REDIS_URL, else the database (identity's `api_quota` table, the library's own layout,
 * through our SQL driver so PGlite works too), else this process's memory (a lone gateway
 * without either: each replica then counts for itself). Windows are fixed and start at a
 * client's first request in them (the library's model): "per day" is 24 hours from then.
 */
import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { SqlExecutor } from '../db/sql';

export interface QuotaLimits {
  requestsPerMinute: number;
  costPointsPerDay: number;
}

/** The two quotas by their policy names (the `RateLimit-Policy` header's items). */
export const QUOTA_POLICIES = {
  requests: { name: 'requests-per-minute', windowSeconds: 60 },
  cost: { name: 'cost-points-per-day', windowSeconds: 24 * 60 * 60 },
} as const;
export type QuotaName = keyof typeof QUOTA_POLICIES;

/** One quota's state after a charge or a read. */
export interface QuotaState {
  quota: QuotaName;
  limit: number;
  used: number;
  remaining: number;
  /** Seconds until the window ends and the quota is whole again (0: no window open). */
  resetSeconds: number;
}

/** A charge that did not fit: which quota, and when to retry. */
export class QuotaExceededError extends Error {
  constructor(
    readonly exceeded: QuotaState,
    readonly states: QuotaState[],
    readonly retryAfterSeconds: number,
  ) {
    super(`quota ${exceeded.quota} exceeded`);
    this.name = 'QuotaExceededError';
  }
}

export interface ClientQuotas {
  limits: QuotaLimits;
  store: 'redis' | 'postgres' | 'memory';
  /**
   * Charges one request costing `costPoints` to `clientId`; throws QuotaExceededError (charging
   * nothing of the quota that refused) when it does not fit.
   */
  charge(clientId: string, costPoints: number): Promise<QuotaState[]>;
  /** The client's current use of each quota, without charging. */
  usage(clientId: string): Promise<QuotaState[]>;
}

/** The library's Postgres store calls `query({ text, values, name })` on a pool; our driver runs the same SQL on PostgreSQL and PGlite. */
function poolOver(sql: SqlExecutor) {
  return {
    query: async ({ text, values }: { text: string; values?: unknown[] }) => {
      const rows = await sql.query(text, values ?? []);
      return { rows, rowCount: rows.length };
    },
  };
}

const secondsOf = (ms: number) => (ms > 0 ? Math.ceil(ms / 1000) : 0);

function stateOf(quota: QuotaName, limit: number, res: RateLimiterRes | null): QuotaState {
  const used = Math.min(res?.consumedPoints ?? 0, Number.MAX_SAFE_INTEGER);
  return { quota, limit, used, remaining: Math.max(0, limit - used), resetSeconds: res ? secondsOf(res.msBeforeNext) : 0 };
}

/** The library rejects with a RateLimiterRes when over the limit, with an Error when the store failed. */
const isOverLimit = (reason: unknown): reason is RateLimiterRes => reason instanceof RateLimiterRes;

export function createClientQuotas(limits: QuotaLimits, where: { redis?: Redis; sql?: SqlExecutor }): ClientQuotas {
  const make = (quota: QuotaName, points: number): RateLimiterAbstract => {
    const base = { keyPrefix: `quota-${QUOTA_POLICIES[quota].name}`, points, duration: QUOTA_POLICIES[quota].windowSeconds };
    if (where.redis) return new RateLimiterRedis({ ...base, storeClient: where.redis, useRedisPackage: false });
    if (where.sql) {
      // The table comes with the migrations (no DDL at run time); its rows are two per client, reset in place when a window ends, so nothing needs sweeping.
      return new RateLimiterPostgres({ ...base, storeClient: poolOver(where.sql), storeType: 'pool', schemaName: 'identity', tableName: 'api_quota', tableCreated: true, clearExpiredByTimeout: false });
    }
    return new RateLimiterMemory(base);
  };
  const requests = make('requests', limits.requestsPerMinute);
  const cost = make('cost', limits.costPointsPerDay);

  const consume = async (quota: QuotaName, limiter: RateLimiterAbstract, limit: number, key: string, points: number): Promise<QuotaState> => {
    try {
      return stateOf(quota, limit, await limiter.consume(key, points));
    } catch (reason) {
      if (!isOverLimit(reason)) throw reason;
      const state = stateOf(quota, limit, reason);
      // What did not fit is not kept: a refused request leaves the budget as it was.
      await limiter.reward(key, points);
      throw new QuotaExceededError({ ...state, used: state.used - points, remaining: Math.max(0, limit - (state.used - points)) }, [], Math.max(1, state.resetSeconds));
    }
  };

  return {
    limits,
    store: where.redis ? 'redis' : where.sql ? 'postgres' : 'memory',
    async charge(clientId, costPoints) {
      let perMinute: QuotaState;
      try {
        perMinute = await consume('requests', requests, limits.requestsPerMinute, clientId, 1);
      } catch (error) {
        if (!(error instanceof QuotaExceededError)) throw error;
        const perDay = stateOf('cost', limits.costPointsPerDay, await cost.get(clientId));
        throw new QuotaExceededError(error.exceeded, [error.exceeded, perDay], error.retryAfterSeconds);
      }
      try {
        return [perMinute, await consume('cost', cost, limits.costPointsPerDay, clientId, costPoints)];
      } catch (error) {
        if (error instanceof QuotaExceededError) throw new QuotaExceededError(error.exceeded, [perMinute, error.exceeded], error.retryAfterSeconds);
        throw error;
      }
    },
    async usage(clientId) {
      return [stateOf('requests', limits.requestsPerMinute, await requests.get(clientId)), stateOf('cost', limits.costPointsPerDay, await cost.get(clientId))];
    },
  };
}
