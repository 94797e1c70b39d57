import type { Database } from '../../../lib/db/database';
import { startConsumer, type Consumer } from '../../../lib/events/consumer';
import { TENANT_PLAN_CHANGED, type TenantPlanChangedEvent } from '../../../lib/events/topics';
import type { Logger } from '../../../lib/logger';
import type { PlanApiLimits, PlanLimitsDirectory } from '../../../lib/quotas/planLimits';

/** The durable consumer's name: its cursor in `events.consumer_partition`. */
export const PLAN_LIMITS_CONSUMER = 'identity.plan-limits';

/**
 * Keeps identity's read model of each tenant's plan limits (`identity.tenant_plan_limits`) from
 * billing's plan-changed events, which the gateway meters partner API clients by. An event
 * applies only when it is newer (by outbox position) than the one the row holds, so a
 * redelivery or a late older event changes nothing; what the row then holds is mirrored where
 * the gateway reads it (Redis, or this process's memory; the database is its own mirror).
 */
export async function applyPlanChange(sql: Database['sql'], plans: PlanLimitsDirectory, event: TenantPlanChangedEvent, position: number): Promise<void> {
  await sql.query(
    `INSERT INTO "identity"."tenant_plan_limits" (tenant_id, plan, requests_per_minute, cost_points_per_day, position, updated_at)
     VALUES ($1::uuid, $2, $3, $4, $5, now())
     ON CONFLICT (tenant_id) DO UPDATE SET plan = EXCLUDED.plan, requests_per_minute = EXCLUDED.requests_per_minute,
       cost_points_per_day = EXCLUDED.cost_points_per_day, position = EXCLUDED.position, updated_at = EXCLUDED.updated_at
     WHERE "tenant_plan_limits".position < EXCLUDED.position`,
    [event.tenantId, event.plan, event.apiLimits?.requestsPerMinute ?? null, event.apiLimits?.costPointsPerDay ?? null, position],
  );
  await plans.mirror(event.tenantId, await storedLimits(sql, event.tenantId));
}

async function storedLimits(sql: Database['sql'], tenantId: string): Promise<PlanApiLimits | null> {
  const [row] = await sql.query<{ plan: string | null; requests_per_minute: number | null; cost_points_per_day: number | null }>(
    `SELECT plan, requests_per_minute, cost_points_per_day FROM "identity"."tenant_plan_limits" WHERE tenant_id = $1::uuid`,
    [tenantId],
  );
  if (!row || row.plan === null || row.requests_per_minute === null || row.cost_points_per_day === null) return null;
  return { plan: row.plan, requestsPerMinute: Number(row.requests_per_minute), costPointsPerDay: Number(row.cost_points_per_day) };
}

export function startPlanLimits(options: { db: Database; plans: PlanLimitsDirectory; log: Logger }): Promise<Consumer> {
  return startConsumer({
    name: PLAN_LIMITS_CONSUMER,
    topic: TENANT_PLAN_CHANGED,
    sql: options.db.sql,
    log: options.log,
    handle: (event, delivered) => applyPlanChange(options.db.sql, options.plans, event, delivered.position),
  });
}
