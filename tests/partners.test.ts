import { backends } from './support/postgres';
import { inviteAndLogIn, tenantWithAdmin } from './support/sessions';
import { errorCode, startTestSystem, type TestSystem } from './support/testSystem';

const ISSUE = `mutation ($id: ID!, $secret: String!) { issueClientToken(clientId: $id, clientSecret: $secret) { accessToken scopes } }`;

describe.each(backends())('partner API clients on %s', (backend) => {
  let farmiq: TestSystem;
  let admin: TestSystem['graphql'];
  let adminToken: string;
  let tenantId: string;
  let farmId: string;

  beforeAll(async () => {
    farmiq = await startTestSystem(backend);
    const tenant = await tenantWithAdmin(farmiq, 'Partner Farms');
    tenantId = tenant.tenantId;
    adminToken = tenant.admin.accessToken;
    admin = farmiq.as(adminToken);
    farmId = (await admin('mutation { createFarm(input: { name: "Shared Site", timeZone: "Europe/Madrid" }) { id } }')).data!.createFarm.id;
    await admin(
      'mutation ($f: ID!) { placeBatch(input: { farmId: $f, species: PIG, placedOn: "2026-09-01", headCountPlaced: 500, placementWeightKg: 7 }) { id } }',
      { f: farmId },
    );
  });
  afterAll(async () => {
    await farmiq?.stop();
  });

  async function newClient(scopes: string[]) {
    const created = await admin(
      `mutation ($scopes: [ApiScope!]!) { createApiClient(input: { name: "Feed mill", scopes: $scopes }) { client { id scopes revokedAt } clientSecret } }`,
      { scopes },
    );
    expect(created.errors).toBeUndefined();
    return created.data!.createApiClient as { client: { id: string; scopes: string[]; revokedAt: null }; clientSecret: string };
  }

  it('exchange their id and secret for a read-only token that reads within its scopes', async () => {
    const { client, clientSecret } = await newClient(['FARMS_READ']);
    expect(Buffer.from(clientSecret, 'base64url').length).toBe(32);
    const issued = await farmiq.graphql(ISSUE, { id: client.id, secret: clientSecret });
    expect(issued.data!.issueClientToken.scopes).toEqual(['FARMS_READ']);
    const partner = farmiq.as(issued.data!.issueClientToken.accessToken);

    expect((await partner('query ($id: ID!) { farm(id: $id) { name timeZone } }', { id: farmId })).data).toEqual({
      farm: { name: 'Shared Site', timeZone: 'Europe/Madrid' },
    });
    // Batches need kpi:read, which this client was not given, also when reached through a farm.
    const batches = await partner('query ($id: ID!) { farm(id: $id) { batches { id } } }', { id: farmId });
    expect(errorCode(batches)).toBe('FORBIDDEN');
    expect(errorCode(await partner('mutation { createFarm(input: { name: "Partner wrote this", timeZone: "UTC" }) { id } }'))).toBe('FORBIDDEN');
    expect(errorCode(await partner('{ apiClients { id } }'))).toBe('FORBIDDEN');
  });

  it('keep the secret only as a hash', async () => {
    const { client, clientSecret } = await newClient(['KPI_READ']);
    const stored = await farmiq.system.database!.prisma.apiClient.findUniqueOrThrow({ where: { id: client.id } });
    expect(stored.secretHash).not.toContain(clientSecret);
    expect(stored.tenantId).toBe(tenantId);
  });

  it('get no token with a wrong secret, nor once revoked', async () => {
    const { client, clientSecret } = await newClient(['KPI_READ', 'TELEMETRY_READ']);
    expect(errorCode(await farmiq.graphql(ISSUE, { id: client.id, secret: `${clientSecret}x` }))).toBe('UNAUTHENTICATED');
    const revoked = await admin('mutation ($id: ID!) { revokeApiClient(id: $id) { revokedAt } }', { id: client.id });
    expect(revoked.data!.revokeApiClient.revokedAt).toEqual(expect.any(String));
    expect(errorCode(await farmiq.graphql(ISSUE, { id: client.id, secret: clientSecret }))).toBe('UNAUTHENTICATED');
  });

  it('get a new secret from a tenant admin: the old one gets no token from then on, the new one does; a farm manager may not', async () => {
    const { client, clientSecret } = await newClient(['FARMS_READ']);
    const tokenBefore = (await farmiq.graphql(ISSUE, { id: client.id, secret: clientSecret })).data!.issueClientToken.accessToken as string;
    const rotated = await admin('mutation ($id: ID!) { rotateApiClientSecret(id: $id) { client { id scopes } clientSecret } }', { id: client.id });
    const fresh = rotated.data!.rotateApiClientSecret as { client: { id: string; scopes: string[] }; clientSecret: string };
    expect(fresh.client).toEqual({ id: client.id, scopes: ['FARMS_READ'] });
    expect(fresh.clientSecret).not.toBe(clientSecret);
    expect(errorCode(await farmiq.graphql(ISSUE, { id: client.id, secret: clientSecret }))).toBe('UNAUTHENTICATED');
    expect((await farmiq.graphql(ISSUE, { id: client.id, secret: fresh.clientSecret })).data!.issueClientToken.scopes).toEqual(['FARMS_READ']);
    // A token issued before the rotation lasts its 15 minutes (revoking ends it at once).
    expect((await farmiq.as(tokenBefore)('query ($id: ID!) { farm(id: $id) { name } }', { id: farmId })).data).toEqual({ farm: { name: 'Shared Site' } });
    const stored = await farmiq.system.database!.prisma.apiClient.findUniqueOrThrow({ where: { id: client.id } });
    expect(stored.secretHash).not.toContain(fresh.clientSecret);

    const ownManager = await inviteAndLogIn(farmiq, adminToken, tenantId, 'FARM_MANAGER');
    expect(
      errorCode(await farmiq.as(ownManager.accessToken)('mutation ($id: ID!) { rotateApiClientSecret(id: $id) { clientSecret } }', { id: client.id })),
    ).toBe('FORBIDDEN');
  });

  it('are created only by a tenant admin', async () => {
    const { admin: tenantAdmin } = await tenantWithAdmin(farmiq, 'Manager Only Farm');
    const tenantIdOfManager = (await farmiq.as(tenantAdmin.accessToken)('{ me { tenant { id } } }')).data!.me.tenant.id;
    const manager = await inviteAndLogIn(farmiq, tenantAdmin.accessToken, tenantIdOfManager, 'FARM_MANAGER');
    const result = await farmiq.as(manager.accessToken)('mutation { createApiClient(input: { name: "x", scopes: [FARMS_READ] }) { clientSecret } }');
    expect(errorCode(result)).toBe('FORBIDDEN');
  });
});
