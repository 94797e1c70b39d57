import type { PlanCode } from './plans';

/**
 * What each plan allows a tenant's partner API clients at the gateway: requests per minute per
 * client, and query cost points per 24 hours for the tenant, all its clients together (a client
 * also keeps its own PARTNER_* limits; the smaller applies). Announced with every subscription
 * change as `billing.tenant-plan-changed` (subscriptions/planAnnouncements.ts).
 *
 * The defaults scale with the price: STARTER's budget is a few thousand typical partner queries a
 * day (a farm list with barns costs 20 to 60 points), ENTERPRISE's is a hundred times that.
 */
export interface PlanApiLimits {
  requestsPerMinute: number;
  costPointsPerDay: number;
}

export const DEFAULT_PLAN_API_LIMITS: Readonly<Record<PlanCode, PlanApiLimits>> = {
  STARTER: { requestsPerMinute: 60, costPointsPerDay: 50_000 },
  PROFESSIONAL: { requestsPerMinute: 300, costPointsPerDay: 500_000 },
  ENTERPRISE: { requestsPerMinute: 1_200, costPointsPerDay: 5_000_000 },
};

const PLAN_CODES = Object.keys(DEFAULT_PLAN_API_LIMITS) as PlanCode[];

/**
 * The operator's overrides (PLAN_API_LIMITS), installed once when the billing module plugs in:
 * like the price list, plan definitions are the same for every request of a process.
 */
let overrides: Partial<Record<PlanCode, PlanApiLimits>> = {};

/** Installs PLAN_API_LIMITS; throws naming the variable for a plan billing does not sell. */
export function usePlanApiLimits(configured: Readonly<Record<string, PlanApiLimits>>): void {
  const unknown = Object.keys(configured).filter((plan) => !(PLAN_CODES as string[]).includes(plan));
  if (unknown.length > 0) throw new Error(`PLAN_API_LIMITS: unknown plan ${unknown.join(', ')} (plans: ${PLAN_CODES.join(', ')})`);
  overrides = configured as Partial<Record<PlanCode, PlanApiLimits>>;
}

export const planApiLimits = (plan: PlanCode): PlanApiLimits => overrides[plan] ?? DEFAULT_PLAN_API_LIMITS[plan];
