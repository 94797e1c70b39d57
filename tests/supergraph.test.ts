import { backends } from './support/postgres';
import { inviteAndLogIn, loginAsPlatformAdmin, tenantWithAdmin } from './support/sessions';
import { startTestSystem, type TestSystem } from './support/testSystem';

const CREATE_FARM = `mutation ($input: CreateFarmInput!) { createFarm(input: $input) { id name timeZone } }`;
/** Stands for the test tenant's own farm in a table of inputs. */
const OWN_FARM = 'own-farm-of-the-test-tenant';
const PLACE_BATCH = `mutation ($input: PlaceBatchInput!) { placeBatch(input: $input) { id placedOn headCountPlaced placementWeightKg species } }`;

describe.each(backends())('the supergraph on %s', (backend) => {
  let farmiq: TestSystem;

  beforeAll(async () => {
    farmiq = await startTestSystem(backend);
  });

  /** A new tenant and its admin's API, so tests do not share farms. */
  async function newTenant(name: string) {
    const { tenantId, admin } = await tenantWithAdmin(farmiq, name);
    return { tenantId, api: farmiq.as(admin.accessToken) };
  }
  afterAll(async () => {
    await farmiq?.stop();
  });

  async function newTenantFor(tenantId: string, platformToken: string) {
    const admin = await inviteAndLogIn(farmiq, platformToken, tenantId, 'TENANT_ADMIN');
    return { tenantId, api: farmiq.as(admin.accessToken) };
  }

  async function createFarm(api: TestSystem['graphql'], name: string, timeZone = 'Asia/Bangkok'): Promise<string> {
    const result = await api(CREATE_FARM, { input: { name, timeZone } });
    expect(result.errors).toBeUndefined();
    return result.data!.createFarm.id;
  }

  it('answers { __typename } through the gateway', async () => {
    expect(await farmiq.graphql('{ __typename }')).toEqual({ data: { __typename: 'Query' } });
  });

  it('persists what mutations in every subgraph create and joins it across all five through entities', async () => {
    const platform = await loginAsPlatformAdmin(farmiq);
    const created = await farmiq.as(platform.accessToken)(`mutation { createTenant(input: { name: "  Sunrise Poultry  " }) { id name } }`);
    expect(created.data!.createTenant.name).toBe('Sunrise Poultry');
    const { tenantId, api } = await newTenantFor(created.data!.createTenant.id, platform.accessToken);
    const farmId = await createFarm(api, 'North Site');
    const placed = await api(PLACE_BATCH, {
      input: { farmId, species: 'BROILER', placedOn: '2026-11-02', headCountPlaced: 24_000, placementWeightKg: 0.042 },
    });
    expect(placed.errors).toBeUndefined();
    expect(placed.data!.placeBatch).toMatchObject({ placedOn: '2026-11-02', headCountPlaced: 24000, placementWeightKg: 0.042, species: 'BROILER' });
    const barn = await api(
      `mutation ($farmId: ID!) { createBarn(input: { farmId: $farmId, name: "House 1", species: BROILER, capacityHead: 24000 }) { id } }`,
      { farmId },
    );
    const rule = await api(
      `mutation ($barnId: ID!) { createAlertRule(input: { barnId: $barnId, metric: "ammoniaPpm", comparison: ABOVE, threshold: 25 }) { id } }`,
      { barnId: barn.data!.createBarn.id },
    );
    expect(rule.errors).toBeUndefined();
    const subscribed = await api(`mutation { subscribe(input: { plan: PROFESSIONAL }) { id status } }`);
    expect(subscribed.data!.subscribe.status).toBe('ACTIVE');

    // identity → devices → kpi and telemetry; identity → billing.
    const tenant = await api(
      `query ($id: ID!) {
        tenant(id: $id) {
          name
          farms { name timeZone batches { headCountPlaced placementWeightKg } alertRules { metric comparison threshold } }
          activeSubscription { plan status }
        }
      }`,
      { id: tenantId },
    );
    expect(tenant).toEqual({
      data: {
        tenant: {
          name: 'Sunrise Poultry',
          farms: [
            {
              name: 'North Site',
              timeZone: 'Asia/Bangkok',
              batches: [{ headCountPlaced: 24000, placementWeightKg: 0.042 }],
              alertRules: [{ metric: 'ammoniaPpm', comparison: 'ABOVE', threshold: 25 }],
            },
          ],
          activeSubscription: { plan: 'PROFESSIONAL', status: 'ACTIVE' },
        },
      },
    });

    // The other way round: a batch (kpi) → its farm (devices) → the farm's tenant (identity).
    const batch = await api(`query ($id: ID!) { batch(id: $id) { farm { name tenant { name } } } }`, { id: placed.data!.placeBatch.id });
    expect(batch).toEqual({ data: { batch: { farm: { name: 'North Site', tenant: { name: 'Sunrise Poultry' } } } } });
  });

  it('refuses a second farm with the same name in one tenant with CONFLICT, and keeps the first', async () => {
    const { tenantId, api } = await newTenant('Hilltop Pigs');
    await createFarm(api, 'Barnyard');
    const duplicate = await api(CREATE_FARM, { input: { name: 'Barnyard', timeZone: 'Europe/Amsterdam' } });
    expect(duplicate.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const farms = await api(`query ($id: ID!) { tenant(id: $id) { farms { name timeZone } } }`, { id: tenantId });
    expect(farms.data!.tenant.farms).toEqual([{ name: 'Barnyard', timeZone: 'Asia/Bangkok' }]);
  });

  it('lets a tenant have one active subscription only, even when two requests race', async () => {
    const { api } = await newTenant('Racing Ducks');
    const subscribe = () => api(`mutation { subscribe(input: { plan: STARTER }) { id } }`);
    const results = await Promise.all([subscribe(), subscribe(), subscribe()]);
    const succeeded = results.filter((result) => !result.errors);
    const conflicts = results.filter((result) => result.errors?.[0]?.extensions?.code === 'CONFLICT');
    expect(succeeded).toHaveLength(1);
    expect(conflicts).toHaveLength(2);
  });

  it.each([
    ['an unknown time zone', CREATE_FARM, { input: { name: 'X', timeZone: 'Mars/Base' } }, 'timeZone'],
    [
      'a farm id that is not an id',
      PLACE_BATCH,
      { input: { farmId: 'farm-1', species: 'PIG', placedOn: '2026-11-02', headCountPlaced: 10, placementWeightKg: 7 } },
      'farmId',
    ],
    ['an empty farm name', CREATE_FARM, { input: { name: '   ', timeZone: 'UTC' } }, 'name'],
    [
      'a batch of zero animals',
      PLACE_BATCH,
      { input: { farmId: OWN_FARM, species: 'PIG', placedOn: '2026-11-02', headCountPlaced: 0, placementWeightKg: 7 } },
      'headCountPlaced',
    ],
    [
      'a negative placement weight',
      PLACE_BATCH,
      { input: { farmId: OWN_FARM, species: 'PIG', placedOn: '2026-11-02', headCountPlaced: 10, placementWeightKg: -1 } },
      'placementWeightKg',
    ],
  ])('answers %s with BAD_USER_INPUT naming the field', async (_case, mutation, variables, field) => {
    const { api } = await newTenant(`Input checks ${field}`);
    // Ids are checked first (another tenant's or an unknown farm is NOT_FOUND): the tenant's own farm here.
    const farmId = await createFarm(api, 'Checks');
    const result = await api(mutation, JSON.parse(JSON.stringify(variables).replace(OWN_FARM, farmId)));
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain(field);
  });

  it('refuses an impossible calendar date before anything is stored', async () => {
    const { api } = await newTenant('Calendar checks');
    const farmId = await createFarm(api, 'Calendar');
    const result = await api(PLACE_BATCH, {
      input: { farmId, species: 'PIG', placedOn: '2026-02-30', headCountPlaced: 10, placementWeightKg: 7 },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('2026-02-30');
  });

  it('answers NOT_FOUND for ids that name nothing', async () => {
    const { api } = await newTenant('Lookups');
    const result = await api(`{ farm(id: "00000000-0000-4000-8000-000000000000") { name } }`);
    expect(result.data?.farm ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // Not an id at all is bad input, as in every operation (lib/graphql/idArguments.ts).
    const malformed = await api(`{ batch(id: "not-a-uuid") { id } }`);
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
