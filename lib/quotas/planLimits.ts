/**
 * The API limits of each tenant's billing plan, where the gateway reads them when it charges a
 * partner API client. Billing owns plans and announces every change as a `billing.tenant-plan-changed`
 * event; identity keeps the read model (`identity.tenant_plan_limits`, ordered by the event's
 * position) and, where the counters are not in that database, mirrors each applied row here:
 *
 * - database (no REDIS_URL): the gateway reads identity's table itself; nothing to mirror.
 * - Redis: identity writes `quota-plan:<tenantId>` after applying an event; every gateway replica reads it.
 * - memory (a lone gateway without either): identity in the same process writes the map.
 *
 * A tenant without limits here (no active subscription) is held to its clients' own limits only.
 */
import type Redis from 'ioredis';
import type { SqlExecutor } from '../db/sql';

/** What a plan allows a tenant's partner API clients, all of them together for the daily cost. */
export interface PlanApiLimits {
  plan: string;
  requestsPerMinute: number;
  costPointsPerDay: number;
}

export interface PlanLimitsDirectory {
  /** The tenant's plan limits; null when its plan sets none (no active subscription, or never heard of). */
  get(tenantId: string): Promise<PlanApiLimits | null>;
  /** Mirrors what identity's read model now holds for the tenant (null: no plan limits). */
  mirror(tenantId: string, limits: PlanApiLimits | null): Promise<void>;
}

const redisKey = (tenantId: string) => `quota-plan:${tenantId}`;

function decode(raw: string | null): PlanApiLimits | null {
  if (!raw) return null;
  const parsed = JSON.parse(raw) as PlanApiLimits;
  return { plan: parsed.plan, requestsPerMinute: parsed.requestsPerMinute, costPointsPerDay: parsed.costPointsPerDay };
}

export function createPlanLimitsDirectory(where: { redis?: Redis; sql?: SqlExecutor }): PlanLimitsDirectory {
  if (where.redis) {
    const redis = where.redis;
    return {
      get: async (tenantId) => decode(await redis.get(redisKey(tenantId))),
      mirror: async (tenantId, limits) => {
        if (limits) await redis.set(redisKey(tenantId), JSON.stringify(limits));
        else await redis.del(redisKey(tenantId));
      },
    };
  }
  if (where.sql) {
    const sql = where.sql;
    return {
      async get(tenantId) {
        const [row] = await sql.query<{ plan: string | null; requests_per_minute: number | null; cost_points_per_day: number | null }>(
          `SELECT plan, requests_per_minute, cost_points_per_day FROM "identity"."tenant_plan_limits" WHERE tenant_id = $1::uuid`,
          [tenantId],
        );
        if (!row || row.plan === null || row.requests_per_minute === null || row.cost_points_per_day === null) return null;
        return { plan: row.plan, requestsPerMinute: Number(row.requests_per_minute), costPointsPerDay: Number(row.cost_points_per_day) };
      },
      // The gateway reads identity's own table: the read model is the mirror.
      mirror: async () => undefined,
    };
  }
  const byTenant = new Map<string, PlanApiLimits>();
  return {
    get: async (tenantId) => byTenant.get(tenantId) ?? null,
    mirror: async (tenantId, limits) => {
      if (limits) byTenant.set(tenantId, limits);
      else byTenant.delete(tenantId);
    },
  };
}
