import { announceUnannouncedPlans } from '../subgraphs/billing/subscriptions/planAnnouncements';
import { backends } from './support/postgres';
import { tenantWithAdmin } from './support/sessions';
import { startTestSystem, type TestSystem } from './support/testSystem';

const ISSUE = 'mutation ($id: ID!, $secret: String!) { issueClientToken(clientId: $id, clientSecret: $secret) { accessToken } }';

/**
 * Query costs as the gateway's cost limit defines them (see tests/partner-quotas.test.ts):
 *   { farm(id) { name timeZone } } = 2 + 1.5 × (1 + 1) = 5
 *   { __typename }                 = 1
 */
const FARM_NAME_AND_ZONE = 'query ($id: ID!) { farm(id: $id) { name timeZone } }';
const TYPENAME = '{ __typename }';

/**
 * Each client's own limits are generous (100 requests a minute, 1000 points a day); the plans
 * are tight, so the plan decides: STARTER 12 points a day for the whole tenant, PROFESSIONAL 30.
 */
const LIMITS = { PARTNER_REQUESTS_PER_MINUTE: '100', PARTNER_COST_POINTS_PER_DAY: '1000', PLAN_API_LIMITS: 'STARTER=100/12,PROFESSIONAL=100/30' };

const USAGE = '{ apiClients { id usage { plan costPointsPerDay { limit used } planCostPointsPerDay { limit used remaining } } } }';
const CHANGE_PLAN = 'mutation ($input: ChangePlanInput!) { changePlan(input: $input) { subscription { plan } } }';

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> };
}

/** `RateLimit: "name";r=R;t=T, …` as { name: r }. */
function remainingOf(headers: Headers): Record<string, number> {
  return Object.fromEntries([...(headers.get('ratelimit') ?? '').matchAll(/"([^"]+)";r=(\d+);t=\d+/g)].map((match) => [match[1]!, Number(match[2])]));
}

/**
 * Quotas per tenant plan through the whole system: billing's subscription changes reach the
 * gateway's limits through the outbox and identity's read model, and every client of a tenant
 * draws on the plan's one daily budget.
 */
describe.each(backends())('partner quotas under the tenant plan on %s', (backend) => {
  let farmiq: TestSystem;
  let admin: TestSystem['graphql'];
  let farmId: string;

  const newPartner = async (name: string) => {
    const created = await admin('mutation ($n: String!) { createApiClient(input: { name: $n, scopes: [FARMS_READ] }) { client { id } clientSecret } }', {
      n: name,
    });
    const { client, clientSecret } = created.data!.createApiClient;
    const token = (await farmiq.graphql(ISSUE, { id: client.id, secret: clientSecret })).data!.issueClientToken.accessToken as string;
    const send = async (query: string, variables: Record<string, unknown> = {}): Promise<Answer> => {
      const response = await fetch(farmiq.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, headers: response.headers, body: (await response.json()) as Answer['body'] };
    };
    return { id: client.id as string, send };
  };

  /** The tenant admin's view of one client's usage. */
  const usageOf = async (clientId: string) => {
    const clients = (await admin(USAGE)).data!.apiClients as Array<{ id: string; usage: Record<string, unknown> }>;
    return clients.find((client) => client.id === clientId)!.usage;
  };

  /** Waits (up to `ms`) until the tenant's plan as identity holds it is `plan`; how long it took. */
  const planArrives = async (clientId: string, plan: string, ms: number): Promise<number> => {
    const started = Date.now();
    while ((await usageOf(clientId)).plan !== plan) {
      if (Date.now() - started > ms) throw new Error(`the plan ${plan} did not reach the gateway's limits within ${ms} ms`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return Date.now() - started;
  };

  beforeAll(async () => {
    farmiq = await startTestSystem(backend, LIMITS);
    admin = farmiq.as((await tenantWithAdmin(farmiq, 'Plan Farms')).admin.accessToken);
    farmId = (await admin('mutation { createFarm(input: { name: "Planned", timeZone: "UTC" }) { id } }')).data!.createFarm.id;
    await admin('mutation { setBillingProfile(input: { country: "TH", currency: "USD" }) { currency } }');
  }, 180_000);
  afterAll(async () => {
    await farmiq?.stop();
  });

  it('lets two clients of a STARTER tenant spend its 12 points a day together, and no more', async () => {
    const a = await newPartner('Feed mill');
    const b = await newPartner('Vet');
    // Without a subscription the clients' own limits apply.
    expect(await usageOf(a.id)).toEqual({ plan: null, costPointsPerDay: { limit: 1000, used: 0 }, planCostPointsPerDay: null });

    const subscribed = await admin('mutation { subscribe(input: { plan: STARTER, idempotencyKey: "plan-quotas-start" }) { plan } }');
    expect(subscribed.errors).toBeUndefined();
    await planArrives(a.id, 'STARTER', 30_000);

    const first = await a.send(FARM_NAME_AND_ZONE, { id: farmId });
    expect(first.status).toBe(200);
    // The client's own policy is lowered to the plan's 12; the plan's own policy is named beside it.
    expect(first.headers.get('ratelimit-policy')).toBe(
      '"requests-per-minute";q=100;qu="requests";w=60, "cost-points-per-day";q=12;qu="cost-points";w=86400, "plan-cost-points-per-day";q=12;qu="cost-points";w=86400',
    );
    expect(remainingOf(first.headers)).toMatchObject({ 'cost-points-per-day': 7, 'plan-cost-points-per-day': 7 }); // 12 − 5
    const second = await b.send(FARM_NAME_AND_ZONE, { id: farmId });
    // b has spent 5 of its own 12, but the tenant 10 of its 12.
    expect(remainingOf(second.headers)).toMatchObject({ 'cost-points-per-day': 7, 'plan-cost-points-per-day': 2 });

    const refused = await a.send(FARM_NAME_AND_ZONE, { id: farmId });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(86_000);
    expect(refused.body.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', quota: 'plan-cost-points-per-day' });
    expect(refused.body.errors![0]!.message).toMatch(
      /^The API clients of this tenant used its plan's 12 query cost points per day together \(2 left\); retry in \d+ s$/,
    );
    // A cheaper query still fits the 2 points left: 1 point.
    expect(remainingOf((await b.send(TYPENAME)).headers)).toMatchObject({ 'plan-cost-points-per-day': 1 });

    expect(await usageOf(a.id)).toEqual({
      plan: 'STARTER',
      costPointsPerDay: { limit: 12, used: 5 },
      planCostPointsPerDay: { limit: 12, used: 11, remaining: 1 },
    });
  });

  it('raises the limit within a second of an upgrade through the gateway, and lowers it on a downgrade', async () => {
    const a = await newPartner('Integrator');
    // The tenant spent 11 of STARTER's 12 in the test before: a 5-point query does not fit.
    expect((await a.send(FARM_NAME_AND_ZONE, { id: farmId })).status).toBe(429);

    const upgraded = await admin(CHANGE_PLAN, { input: { plan: 'PROFESSIONAL', idempotencyKey: 'plan-quotas-up' } });
    expect(upgraded.data).toEqual({ changePlan: { subscription: { plan: 'PROFESSIONAL' } } });
    const since = Date.now();
    let answer = await a.send(FARM_NAME_AND_ZONE, { id: farmId });
    while (answer.status === 429 && Date.now() - since < 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      answer = await a.send(FARM_NAME_AND_ZONE, { id: farmId });
    }
    const tookMs = Date.now() - since;
    expect(answer.status).toBe(200);
    // The issue's bound is a second. PGlite runs every query of the process (the outbox consumer's
    // too) on one connection, so on a loaded machine it gets 5 s; PostgreSQL keeps the second.
    expect(tookMs).toBeLessThan(backend === 'postgres' ? 1_000 : 5_000);
    // 30 − 11 − 5 = 14 left for the tenant; the client's own limit is now min(1000, 30).
    expect(remainingOf(answer.headers)).toMatchObject({ 'cost-points-per-day': 25, 'plan-cost-points-per-day': 14 });
    expect(await usageOf(a.id)).toEqual({
      plan: 'PROFESSIONAL',
      costPointsPerDay: { limit: 30, used: 5 },
      planCostPointsPerDay: { limit: 30, used: 16, remaining: 14 },
    });

    const downgraded = await admin(CHANGE_PLAN, { input: { plan: 'STARTER', idempotencyKey: 'plan-quotas-down' } });
    expect(downgraded.errors).toBeUndefined();
    await planArrives(a.id, 'STARTER', 30_000);
    // 16 spent of STARTER's 12 again: even a 1-point query is refused until the day's window ends.
    const refused = await a.send(TYPENAME);
    expect(refused.status).toBe(429);
    expect(refused.body.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', quota: 'plan-cost-points-per-day' });
    expect(await usageOf(a.id)).toEqual({
      plan: 'STARTER',
      costPointsPerDay: { limit: 12, used: 5 },
      planCostPointsPerDay: { limit: 12, used: 16, remaining: 0 },
    });
  });

  it('announces a plan that predates the plan events once, and identity applies it', async () => {
    const other = await tenantWithAdmin(farmiq, 'Old Plan Farms');
    const otherAdmin = farmiq.as(other.admin.accessToken);
    const client = (await otherAdmin('mutation { createApiClient(input: { name: "Old", scopes: [FARMS_READ] }) { client { id } } }')).data!.createApiClient
      .client.id as string;
    // A subscription written before billing announced plans: no event for it.
    const db = farmiq.system.database!.prisma;
    await db.planSubscription.create({ data: { tenantId: other.tenantId, plan: 'PROFESSIONAL', currentPeriodEnd: new Date(Date.now() + 30 * 86_400_000) } });

    expect(await announceUnannouncedPlans(db, new Date())).toBe(1);
    // Announced already: a second run (another start) adds nothing.
    expect(await announceUnannouncedPlans(db, new Date())).toBe(0);
    const usage = async () => ((await otherAdmin(USAGE)).data!.apiClients as Array<{ id: string; usage: any }>).find((c) => c.id === client)!.usage;
    const deadline = Date.now() + 30_000;
    while ((await usage()).plan !== 'PROFESSIONAL' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await usage()).toEqual({
      plan: 'PROFESSIONAL',
      costPointsPerDay: { limit: 30, used: 0 },
      planCostPointsPerDay: { limit: 30, used: 0, remaining: 30 },
    });
  });
});
