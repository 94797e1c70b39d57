import { openDatabase, type Database } from '../../db/database';
import { applyMigrations } from '../../db/migrate';
import { openRedis } from '../../rateLimit/store';
import { startRedis } from '../../../tests/support/redis';
import { createClientQuotas, QuotaExceededError, type ClientQuotas } from '../clientQuotas';

type Store = 'memory' | 'pglite' | 'redis';

/** Every store rate-limiter-flexible runs on here keeps the same books. */
describe.each<Store>(['memory', 'pglite', 'redis'])('client quotas in %s', (store) => {
  let quotas: ClientQuotas;
  let close: () => Promise<void> = async () => undefined;
  /** Puts a tenant's plan limits where this store's gateway reads them (identity's consumer does this in the system). */
  let setPlan: (tenantId: string, plan: { plan: string; requestsPerMinute: number; costPointsPerDay: number }) => Promise<void> = (tenantId, plan) =>
    quotas.plans.mirror(tenantId, plan);

  beforeAll(async () => {
    const limits = { requestsPerMinute: 3, costPointsPerDay: 10 };
    if (store === 'memory') quotas = createClientQuotas(limits, {});
    if (store === 'pglite') {
      const db: Database = await openDatabase({ kind: 'pglite', dir: 'memory' });
      await applyMigrations(db.sql);
      quotas = createClientQuotas(limits, { sql: db.sql });
      close = () => db.close();
      setPlan = async (tenantId, plan) => {
        await db.sql.query(
          `INSERT INTO "identity"."tenant_plan_limits" (tenant_id, plan, requests_per_minute, cost_points_per_day, position, updated_at) VALUES ($1::uuid, $2, $3, $4, 1, now())
           ON CONFLICT (tenant_id) DO UPDATE SET plan = EXCLUDED.plan, requests_per_minute = EXCLUDED.requests_per_minute, cost_points_per_day = EXCLUDED.cost_points_per_day`,
          [tenantId, plan.plan, plan.requestsPerMinute, plan.costPointsPerDay],
        );
      };
    }
    if (store === 'redis') {
      const server = await startRedis();
      const client = await openRedis(server.url);
      quotas = createClientQuotas(limits, { redis: client.redis });
      close = async () => {
        await client.close();
        await server.stop();
      };
    }
  }, 60_000);
  afterAll(() => close());

  it('should count requests and cost points per client, and refuse what does not fit without charging it', async () => {
    const [requests, cost] = await quotas.charge('client-a', 6);
    expect({ requests: requests!.remaining, cost: cost!.remaining }).toEqual({ requests: 2, cost: 4 }); // 3 − 1, 10 − 6
    const refused = await quotas.charge('client-a', 5).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(QuotaExceededError);
    expect((refused as QuotaExceededError).exceeded).toMatchObject({ quota: 'cost', remaining: 4, used: 6 });
    expect((refused as QuotaExceededError).retryAfterSeconds).toBeGreaterThan(86_000);
    const [, afterRefusal] = await quotas.charge('client-a', 4);
    expect(afterRefusal!.remaining).toBe(0); // 4 − 4: the refused 5 points were not kept
    expect((await quotas.usage('client-b')).map((state) => state.used)).toEqual([0, 0]);
  });

  it('should refuse the request over the per-minute quota until its window ends', async () => {
    for (let i = 0; i < 3; i += 1) await quotas.charge('client-c', 1);
    const refused = (await quotas.charge('client-c', 1).catch((error: unknown) => error)) as QuotaExceededError;
    expect(refused.exceeded.quota).toBe('requests');
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await quotas.usage('client-c'))[1]!.used).toBe(3);
  });

  it('should hold every client of a tenant to the smaller limits and to one shared plan budget, and follow a plan change at once', async () => {
    const tenant = '6a3c1f0e-8d7b-4c2a-9e51-0f4b2d7c9a10';
    // Own limits 3 requests/min and 10 points/day; the plan allows 5 and 15: each client gets 3 and 10, the tenant 15 in all.
    await setPlan(tenant, { plan: 'STARTER', requestsPerMinute: 5, costPointsPerDay: 15 });
    const remaining = (states: Array<{ remaining: number }>) => states.map((state) => state.remaining);
    expect(remaining(await quotas.charge('client-x', 6, tenant))).toEqual([2, 4, 9]); // 3 − 1, 10 − 6, 15 − 6
    expect(remaining(await quotas.charge('client-y', 6, tenant))).toEqual([2, 4, 3]); // 15 − 6 − 6
    // y alone could spend 4 more (10 − 6), the tenant only 3: refused by the plan, nothing kept.
    const refused = (await quotas.charge('client-y', 4, tenant).catch((error: unknown) => error)) as QuotaExceededError;
    expect(refused).toBeInstanceOf(QuotaExceededError);
    expect(refused.exceeded).toMatchObject({ quota: 'planCost', limit: 15, used: 12, remaining: 3 });
    expect(refused.states.map((state) => [state.quota, state.used])).toEqual([
      ['requests', 2],
      ['cost', 6],
      ['planCost', 12],
    ]);
    expect(remaining(await quotas.charge('client-x', 3, tenant))).toEqual([1, 1, 0]); // 3 − 2, 10 − 9, 15 − 15
    expect((await quotas.usage('client-y', tenant)).map((state) => [state.quota, state.limit, state.used])).toEqual([
      ['requests', 3, 2],
      ['cost', 10, 6],
      ['planCost', 15, 15],
    ]);

    // A downgrade to 1 request a minute: x, with 2 this minute, is refused on its next one.
    await setPlan(tenant, { plan: 'STARTER', requestsPerMinute: 1, costPointsPerDay: 15 });
    expect(((await quotas.charge('client-x', 0, tenant).catch((error: unknown) => error)) as QuotaExceededError).exceeded).toMatchObject({
      quota: 'requests',
      limit: 1,
    });
    // An upgrade to 20 points a day: 5 more fit the tenant (x has 1 of its own left, y 4).
    await setPlan(tenant, { plan: 'PROFESSIONAL', requestsPerMinute: 5, costPointsPerDay: 20 });
    expect(remaining(await quotas.charge('client-y', 4, tenant))).toEqual([0, 0, 1]); // 3 − 3, 10 − 10, 20 − 19
  });
});
