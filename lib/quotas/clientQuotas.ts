/**
 * Quotas of partner API clients: requests per minute and query-cost points per day, counted per
 * client (all its tenants together: one partner, one budget) with rate-limiter-flexible, and the
 * plan of the tenant that owns the client on top. The gateway charges each request once, before
 * planning it (supergraph/quotas/quotaPlugin.ts), and each live subscription as it opens and per
 * frame (supergraph/live/); identity reads the same counters to show a tenant admin its usage.
 *
 * A client's limits are the smaller of its own (PARTNER_REQUESTS_PER_MINUTE,
 * PARTNER_COST_POINTS_PER_DAY) and its tenant's plan's (billing's plan definitions, read from
 * planLimits.ts); the plan's daily cost points are besides one budget of the tenant shared by
 * all its clients, so a tenant cannot multiply its quota by making clients.
 *
 * Counters live where the revocation list does, so every gateway replica shares them: Redis
 * with REDIS_URL, else the database (identity's `api_quota` table, the library's own layout,
 * through our SQL driver so PGlite works too), else this process's memory (a lone gateway
 * without either: each replica then counts for itself). Windows are fixed and start at the
 * first charge in them (the library's model): "per day" is 24 hours from then. The limiters
 * themselves never refuse (their points are unbounded): limits change with a tenant's plan
 * between two requests, so each charge compares the count with the limit of that moment.
 */
import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { SqlExecutor } from '../db/sql';
import { createPlanLimitsDirectory, type PlanApiLimits, type PlanLimitsDirectory } from './planLimits';

export interface QuotaLimits {
  requestsPerMinute: number;
  costPointsPerDay: number;
}

/** The quotas by their policy names (the `RateLimit-Policy` header's items). */
export const QUOTA_POLICIES = {
  requests: { name: 'requests-per-minute', windowSeconds: 60 },
  cost: { name: 'cost-points-per-day', windowSeconds: 24 * 60 * 60 },
  /** The owning tenant's plan budget, shared by all of the tenant's clients. */
  planCost: { name: 'plan-cost-points-per-day', windowSeconds: 24 * 60 * 60 },
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

export interface ChargeOptions {
  /** False for what is not a request of its own (a live subscription's frame): cost points only. Default true. */
  countsAsRequest?: boolean;
}

export interface ClientQuotas {
  /** The clients' own limits (the plan may lower them). */
  limits: QuotaLimits;
  store: 'redis' | 'postgres' | 'memory';
  /** Tenants' plan limits, as identity's read model holds them. */
  plans: PlanLimitsDirectory;
  /**
   * Charges one request costing `costPoints` to `clientId` (owned by `tenantId`, whose plan then
   * applies); throws QuotaExceededError, charging no points of a refused request, when it does
   * not fit. The states name each quota that applies, the plan's last.
   */
  charge(clientId: string, costPoints: number, tenantId?: string | null, options?: ChargeOptions): Promise<QuotaState[]>;
  /** The client's current use of each quota that applies to it, without charging. */
  usage(clientId: string, tenantId?: string | null): Promise<QuotaState[]>;
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

/** Points the limiters themselves allow: never reached (each charge checks the limit of the moment), and within the table's INTEGER. */
const UNBOUNDED_POINTS = 2_000_000_000;

/** The limits that apply to a client: its own, lowered by its tenant's plan. */
export function effectiveLimits(own: QuotaLimits, plan: PlanApiLimits | null): QuotaLimits {
  if (!plan) return own;
  return {
    requestsPerMinute: Math.min(own.requestsPerMinute, plan.requestsPerMinute),
    costPointsPerDay: Math.min(own.costPointsPerDay, plan.costPointsPerDay),
  };
}

export function createClientQuotas(limits: QuotaLimits, where: { redis?: Redis; sql?: SqlExecutor }): ClientQuotas {
  const make = (quota: QuotaName): RateLimiterAbstract => {
    const base = { keyPrefix: `quota-${QUOTA_POLICIES[quota].name}`, points: UNBOUNDED_POINTS, duration: QUOTA_POLICIES[quota].windowSeconds };
    if (where.redis) return new RateLimiterRedis({ ...base, storeClient: where.redis, useRedisPackage: false });
    if (where.sql) {
      // The table comes with the migrations (no DDL at run time); its rows are two per client and one per tenant, reset in place when a window ends, so nothing needs sweeping.
      return new RateLimiterPostgres({
        ...base,
        storeClient: poolOver(where.sql),
        storeType: 'pool',
        schemaName: 'identity',
        tableName: 'api_quota',
        tableCreated: true,
        clearExpiredByTimeout: false,
      });
    }
    return new RateLimiterMemory(base);
  };
  const limiters: Record<QuotaName, RateLimiterAbstract> = { requests: make('requests'), cost: make('cost'), planCost: make('planCost') };
  const plans = createPlanLimitsDirectory(where);

  /** Adds `points` to `key`'s count, or, when that passes `limit`, takes them back and refuses. */
  const consume = async (quota: QuotaName, limit: number, key: string, points: number): Promise<QuotaState> => {
    const res = await limiters[quota].consume(key, points);
    const state = stateOf(quota, limit, res);
    if (state.used <= limit) return state;
    // What did not fit is not kept: a refused request leaves the budget as it was.
    await limiters[quota].reward(key, points);
    const before = state.used - points;
    throw new QuotaExceededError({ ...state, used: before, remaining: Math.max(0, limit - before) }, [], Math.max(1, state.resetSeconds));
  };
  const read = async (quota: QuotaName, limit: number, key: string) => stateOf(quota, limit, await limiters[quota].get(key));
  const planOf = async (tenantId: string | null | undefined) => (tenantId ? plans.get(tenantId) : null);

  return {
    limits,
    store: where.redis ? 'redis' : where.sql ? 'postgres' : 'memory',
    plans,
    async charge(clientId, costPoints, tenantId, options = {}) {
      const plan = await planOf(tenantId);
      const own = effectiveLimits(limits, plan);
      const planState = () => read('planCost', plan!.costPointsPerDay, tenantId!);
      const refused = async (error: unknown, states: () => Promise<QuotaState[]>): Promise<never> => {
        if (!(error instanceof QuotaExceededError)) throw error;
        throw new QuotaExceededError(error.exceeded, await states(), error.retryAfterSeconds);
      };
      const perMinute = await (
        options.countsAsRequest === false ? read('requests', own.requestsPerMinute, clientId) : consume('requests', own.requestsPerMinute, clientId, 1)
      ).catch((error: unknown) =>
        refused(error, async () => [
          (error as QuotaExceededError).exceeded,
          await read('cost', own.costPointsPerDay, clientId),
          ...(plan ? [await planState()] : []),
        ]),
      );
      const perDay = await consume('cost', own.costPointsPerDay, clientId, costPoints).catch((error: unknown) =>
        refused(error, async () => [perMinute, (error as QuotaExceededError).exceeded, ...(plan ? [await planState()] : [])]),
      );
      if (!plan) return [perMinute, perDay];
      try {
        return [perMinute, perDay, await consume('planCost', plan.costPointsPerDay, tenantId!, costPoints)];
      } catch (error) {
        if (!(error instanceof QuotaExceededError)) throw error;
        // The tenant's budget refused: the client's own points go back too.
        await limiters.cost.reward(clientId, costPoints);
        throw new QuotaExceededError(
          error.exceeded,
          [perMinute, { ...perDay, used: perDay.used - costPoints, remaining: perDay.remaining + costPoints }, error.exceeded],
          error.retryAfterSeconds,
        );
      }
    },
    async usage(clientId, tenantId) {
      const plan = await planOf(tenantId);
      const own = effectiveLimits(limits, plan);
      return [
        await read('requests', own.requestsPerMinute, clientId),
        await read('cost', own.costPointsPerDay, clientId),
        ...(plan ? [await read('planCost', plan.costPointsPerDay, tenantId!)] : []),
      ];
    },
  };
}
