import { backends } from './support/postgres';
import { tenantWithAdmin } from './support/sessions';
import { startTestSystem, type TestSystem } from './support/testSystem';

const ISSUE = 'mutation ($id: ID!, $secret: String!) { issueClientToken(clientId: $id, clientSecret: $secret) { accessToken } }';

/**
 * Query costs as the gateway's cost limit defines them (graphql-armor: an object field 2, a scalar
 * 1, each nesting level × 1.5), rounded up to whole points:
 *   { farm(id) { name timeZone } } = 2 + 1.5 × (1 + 1) = 5
 *   { farm(id) { name } }          = 2 + 1.5 × 1       = 3.5 → 4
 *   { __typename }                 = 1
 */
const FARM_NAME_AND_ZONE = 'query ($id: ID!) { farm(id: $id) { name timeZone } }';
const FARM_NAME = 'query ($id: ID!) { farm(id: $id) { name } }';
const TYPENAME = '{ __typename }';

const LIMITS = { PARTNER_REQUESTS_PER_MINUTE: '6', PARTNER_COST_POINTS_PER_DAY: '12' };

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> };
}

/** `RateLimit: "name";r=R;t=T, …` as { name: { r, t } }. */
function rateLimitOf(headers: Headers): Record<string, { r: number; t: number }> {
  const value = headers.get('ratelimit') ?? '';
  return Object.fromEntries([...value.matchAll(/"([^"]+)";r=(\d+);t=(\d+)/g)].map((match) => [match[1]!, { r: Number(match[2]), t: Number(match[3]) }]));
}

describe.each(backends().slice(-1))('partner quotas on %s', (backend) => {
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

  beforeAll(async () => {
    farmiq = await startTestSystem(backend, LIMITS);
    admin = farmiq.as((await tenantWithAdmin(farmiq, 'Quota Farms')).admin.accessToken);
    farmId = (await admin('mutation { createFarm(input: { name: "Metered", timeZone: "UTC" }) { id } }')).data!.createFarm.id;
  }, 120_000);
  afterAll(async () => {
    await farmiq?.stop();
  });

  it('charges each query its cost, says what is left, and refuses a query over the daily cost quota with RATE_LIMITED and Retry-After', async () => {
    const partner = await newPartner('Feed mill');
    const first = await partner.send(FARM_NAME_AND_ZONE, { id: farmId });
    expect(first.status).toBe(200);
    expect(first.body.data).toEqual({ farm: { name: 'Metered', timeZone: 'UTC' } });
    expect(first.headers.get('ratelimit-policy')).toBe('"requests-per-minute";q=6;qu="requests";w=60, "cost-points-per-day";q=12;qu="cost-points";w=86400');
    // 12 − 5 = 7 points and 6 − 1 = 5 requests left.
    expect(rateLimitOf(first.headers)).toEqual({
      'requests-per-minute': { r: 5, t: expect.any(Number) },
      'cost-points-per-day': { r: 7, t: expect.any(Number) },
    });
    expect(rateLimitOf(first.headers)['cost-points-per-day']!.t).toBeGreaterThan(86_000);

    const second = await partner.send(FARM_NAME_AND_ZONE, { id: farmId });
    expect(rateLimitOf(second.headers)['cost-points-per-day']!.r).toBe(2); // 7 − 5

    // 5 points do not fit in 2: refused, nothing charged, and the answer says when to come back.
    const refused = await partner.send(FARM_NAME_AND_ZONE, { id: farmId });
    expect(refused.status).toBe(429);
    expect(refused.body.data ?? null).toBeNull();
    const error = refused.body.errors![0]!;
    expect(error.extensions).toMatchObject({ code: 'RATE_LIMITED', quota: 'cost-points-per-day', retryAfterSeconds: expect.any(Number) });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(86_000);
    expect(error.extensions!.retryAfterSeconds).toBe(retryAfter);
    expect(error.message).toContain(`retry in ${retryAfter} s`);
    expect(rateLimitOf(refused.headers)['cost-points-per-day']).toEqual({ r: 2, t: expect.any(Number) });

    // A cheaper query still over what is left is refused too; one that fits goes through.
    expect((await partner.send(FARM_NAME, { id: farmId })).status).toBe(429); // 4 > 2
    const fits = await partner.send(TYPENAME);
    expect(fits.status).toBe(200);
    expect(rateLimitOf(fits.headers)['cost-points-per-day']!.r).toBe(1); // 2 − 1

    // The tenant admin sees the same figures: 5 + 5 + 1 = 11 points used, 5 requests in this minute.
    const clients = (await admin('{ apiClients { id usage { requestsPerMinute { limit used } costPointsPerDay { limit used remaining resetSeconds } } } }'))
      .data!.apiClients as Array<{ id: string; usage: any }>;
    const usage = clients.find((client) => client.id === partner.id)!.usage;
    expect(usage.costPointsPerDay).toEqual({ limit: 12, used: 11, remaining: 1, resetSeconds: expect.any(Number) });
    expect(usage.costPointsPerDay.resetSeconds).toBeGreaterThan(86_000);
    expect(usage.requestsPerMinute).toEqual({ limit: 6, used: 5 });
  });

  it('refuses the request over the per-minute quota with RATE_LIMITED and a Retry-After within the minute, per client', async () => {
    const busy = await newPartner('Busy integrator');
    const calm = await newPartner('Calm vet');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await busy.send(TYPENAME)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    const refused = await busy.send(TYPENAME);
    expect(refused.status).toBe(429);
    expect(refused.body.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', quota: 'requests-per-minute' });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(rateLimitOf(refused.headers)['requests-per-minute']).toEqual({ r: 0, t: expect.any(Number) });
    // Another client's budget is its own.
    expect((await calm.send(TYPENAME)).status).toBe(200);
  });

  it('does not meter people, only partner API clients', async () => {
    for (let i = 0; i < 8; i += 1) {
      const response = await fetch(farmiq.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: await adminHeader() },
        body: JSON.stringify({ query: TYPENAME }),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('ratelimit')).toBeNull();
    }
  });

  let adminToken: string | undefined;
  async function adminHeader() {
    adminToken ??= (await tenantWithAdmin(farmiq, 'Unmetered People')).admin.accessToken;
    return `Bearer ${adminToken}`;
  }
});
