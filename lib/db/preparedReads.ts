import type { AlertRule, Batch, Farm, PlanSubscription, Tenant } from './generated/client';
import type { SqlExecutor } from './sql';

/**
 * The hottest reads (a tenant lookup; a dashboard's farms, their batches and alert rules, the
 * tenant's subscription) as named statements on the process's own pool: PostgreSQL parses and
 * plans each once per connection, and the request skips Prisma's client runtime (11–21% of a
 * request's CPU on 6.19). Each returns rows shaped like Prisma's model types, so resolvers do
 * not change. Every statement takes its tenant as a parameter; none reads across tenants.
 *
 * A statement's name is fixed to its text: PostgreSQL keeps a prepared statement per
 * connection under its name, so a new text needs a new name.
 */

const TENANT_COLUMNS = `id, name, created_at AS "createdAt", suspended_at AS "suspendedAt", require_mfa AS "requireMfa"`;

/** Tenants by id (lower-case uuids), in no order. The caller checks who may see which. */
export function tenantsById(sql: SqlExecutor, ids: readonly string[]): Promise<Tenant[]> {
  return sql.query<Tenant>(`SELECT ${TENANT_COLUMNS} FROM identity.tenant WHERE id = ANY($1::uuid[])`, [ids], 'farmiq_tenants_by_id_v1');
}

/**
 * A tenant's farms, oldest first, at most `limit`; only `grantedFarmIds` when the caller is
 * confined to some (null: all farms of the tenant).
 */
export function farmsOfTenant(sql: SqlExecutor, tenantId: string, grantedFarmIds: readonly string[] | null, limit: number): Promise<Farm[]> {
  return sql.query<Farm>(
    `SELECT id, tenant_id AS "tenantId", name, time_zone AS "timeZone", created_at AS "createdAt"
     FROM devices.farm
     WHERE tenant_id = $1::uuid AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))
     ORDER BY created_at, id LIMIT $3`,
    [tenantId, grantedFarmIds, limit],
    'farmiq_farms_of_tenant_v1',
  );
}

/**
 * The first `perFarm` batches of each farm in `farmIds` within one tenant, most recently placed
 * first (then by id), in one query (a window function). `placed_on` is a date: read as UTC
 * midnight, as Prisma reads it (node-postgres would make it local midnight).
 */
export function batchesOfFarms(sql: SqlExecutor, tenantId: string, farmIds: readonly string[], perFarm: number): Promise<Batch[]> {
  return sql.query<Batch>(
    `SELECT id, tenant_id AS "tenantId", farm_id AS "farmId", barn_id AS "barnId", species, breed,
            placed_on::timestamp AT TIME ZONE 'UTC' AS "placedOn", head_count_placed AS "headCountPlaced",
            placement_weight_grams AS "placementWeightGrams", created_at AS "createdAt"
     FROM (SELECT *, row_number() OVER (PARTITION BY farm_id ORDER BY placed_on DESC, id) AS position
           FROM kpi.batch WHERE tenant_id = $1::uuid AND farm_id = ANY($2::uuid[])) ranked
     WHERE position <= $3
     ORDER BY placed_on DESC, id`,
    [tenantId, farmIds, perFarm],
    'farmiq_batches_of_farms_v1',
  );
}

/** The first `perFarm` alert rules of each farm in `farmIds` within one tenant, oldest first (then by id), in one query. */
export function alertRulesOfFarms(sql: SqlExecutor, tenantId: string, farmIds: readonly string[], perFarm: number): Promise<AlertRule[]> {
  return sql.query<AlertRule>(
    `SELECT id, tenant_id AS "tenantId", farm_id AS "farmId", barn_id AS "barnId", metric, comparison, threshold,
            clear_threshold AS "clearThreshold", min_duration_seconds AS "minDurationSeconds", enabled, created_at AS "createdAt"
     FROM (SELECT *, row_number() OVER (PARTITION BY farm_id ORDER BY created_at, id) AS position
           FROM telemetry.alert_rule WHERE tenant_id = $1::uuid AND farm_id = ANY($2::uuid[])) ranked
     WHERE position <= $3
     ORDER BY created_at, id`,
    [tenantId, farmIds, perFarm],
    'farmiq_alert_rules_of_farms_v1',
  );
}

/** The tenant's active subscription, if any (at most one is active). */
export async function activeSubscriptionOf(sql: SqlExecutor, tenantId: string): Promise<PlanSubscription | null> {
  const [row] = await sql.query<PlanSubscription>(
    `SELECT id, tenant_id AS "tenantId", plan, status, started_at AS "startedAt", billing_cycle AS "billingCycle", currency,
            current_period_start AS "currentPeriodStart", current_period_end AS "currentPeriodEnd",
            cancel_at_period_end AS "cancelAtPeriodEnd", canceled_at AS "canceledAt"
     FROM billing.plan_subscription WHERE tenant_id = $1::uuid AND status = 'ACTIVE' LIMIT 1`,
    [tenantId],
    'farmiq_active_subscription_v1',
  );
  return row ?? null;
}
