import { appendEventInPrisma } from '../../../lib/events/outbox';
import { TENANT_PLAN_CHANGED, type TenantPlanChangedEvent } from '../../../lib/events/topics';
import type { PlanSubscription, PrismaClient } from '../../../lib/db/generated/client';
import type { Logger } from '../../../lib/logger';
import { inTenantTransaction, type BillingTx } from '../db';
import { planApiLimits } from '../money/planApiLimits';

/**
 * Billing tells the rest of the system which plan each tenant is on, with the plan's API limits
 * (identity keeps the read model the gateway meters partner clients by): one
 * `billing.tenant-plan-changed` event per subscription change, in the change's own transaction.
 */
export type PlanChangeReason = 'STARTED' | 'PLAN_CHANGED' | 'CANCEL_SCHEDULED' | 'CANCELED' | 'RENEWED' | 'ANNOUNCED';

/** The tenant's effective plan once `subscription` is as it is now: none unless it is active. */
export function effectivePlanOf(subscription: PlanSubscription, reason: PlanChangeReason, at: Date): TenantPlanChangedEvent {
  const active = subscription.status === 'ACTIVE';
  return {
    tenantId: subscription.tenantId,
    plan: active ? subscription.plan : null,
    apiLimits: active ? planApiLimits(subscription.plan) : null,
    reason,
    at: at.toISOString(),
  };
}

export async function announcePlan(tx: BillingTx, subscription: PlanSubscription, reason: PlanChangeReason, at: Date): Promise<void> {
  await appendEventInPrisma(tx, TENANT_PLAN_CHANGED, effectivePlanOf(subscription, reason, at));
}

const sameLimits = (a: TenantPlanChangedEvent['apiLimits'], b: TenantPlanChangedEvent['apiLimits']) =>
  a?.requestsPerMinute === b?.requestsPerMinute && a?.costPointsPerDay === b?.costPointsPerDay;

/**
 * Announces the plan of every active subscription whose tenant's last announcement does not say
 * it: subscriptions that predate the topic, and every one after an operator redefined a plan's
 * limits (PLAN_API_LIMITS). Each runs under the tenant's billing lock with the subscription
 * re-read, so it cannot overtake a change being made meanwhile. Returns how many it announced.
 */
export async function announceUnannouncedPlans(db: PrismaClient, now: Date): Promise<number> {
  const announced = await db.$queryRawUnsafe<Array<{ tenant_id: string; payload: unknown }>>(
    `SELECT DISTINCT ON (payload->>'tenantId') payload->>'tenantId' AS tenant_id, payload FROM "events"."outbox" WHERE topic = $1 ORDER BY payload->>'tenantId', position DESC`,
    TENANT_PLAN_CHANGED.name,
  );
  const last = new Map(
    announced.map((row) => [row.tenant_id, TENANT_PLAN_CHANGED.decode(typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload)]),
  );
  const active = await db.planSubscription.findMany({ where: { status: 'ACTIVE' }, select: { tenantId: true } });
  let count = 0;
  for (const { tenantId } of active) {
    const said = last.get(tenantId);
    const done = await inTenantTransaction(db, tenantId, async (tx) => {
      const current = await tx.planSubscription.findFirst({ where: { tenantId, status: 'ACTIVE' } });
      if (!current) return false;
      const now_ = effectivePlanOf(current, 'ANNOUNCED', now);
      if (said && said.plan === now_.plan && sameLimits(said.apiLimits, now_.apiLimits)) return false;
      await announcePlan(tx, current, 'ANNOUNCED', now);
      return true;
    });
    if (done) count += 1;
  }
  return count;
}

/** Runs the announcement once at start-up (plans predating the topic, redefined limits). */
export function startPlanAnnouncements(options: { db: PrismaClient; log: Logger; now: () => Date }): { stop(): Promise<void> } {
  const log = options.log.child({ component: 'plan-announcements' });
  const run = announceUnannouncedPlans(options.db, options.now())
    .then((count) => {
      if (count > 0) log.info({ count }, "announced tenants' plans to the plan-limits read model");
    })
    .catch((error: Error) => log.error({ err: error.message }, "could not announce tenants' plans; the next start tries again"));
  return { stop: () => run };
}
