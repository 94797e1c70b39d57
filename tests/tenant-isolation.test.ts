import fs from 'node:fs';
import { buildSchema } from 'graphql';
import { API_SCHEMA_PATH } from '../supergraph/compose';
import { backends } from './support/postgres';
import { loginAsPlatformAdmin, tenantWithAdmin, type Session } from './support/sessions';
import { errorCode, startTestSystem, type TestSystem } from './support/testSystem';

interface Foreign {
  apiClientId: string;
  tenantId: string;
  farmId: string;
  batchId: string;
  alertRuleId: string;
  subscriptionId: string;
  barnId: string;
  deviceId: string;
  deviceSerial: string;
  gatewayId: string;
}

type Check = (ctx: { asA: TestSystem['graphql']; a: { session: Session & { email: string; password: string }; tenantId: string }; b: Foreign; farmiq: TestSystem }) => Promise<void>;

const expectNotFound = async (result: Promise<{ data?: any; errors?: any[] }>) => expect(errorCode(await result)).toBe('NOT_FOUND');

/**
 * Every query and mutation of the public API, with what tenant A's admin gets when it names
 * tenant B's objects. A field missing here fails the coverage test below: a new operation must
 * say how it keeps tenants apart.
 */
const CASES: Record<string, Check> = {
  'Query.me': async ({ asA, a }) => expect((await asA('{ me { tenant { id } } }')).data!.me.tenant.id).toBe(a.tenantId),
  'Query.tenant': ({ asA, b }) => expectNotFound(asA('query ($id: ID!) { tenant(id: $id) { name } }', { id: b.tenantId })),
  'Query.farm': ({ asA, b }) => expectNotFound(asA('query ($id: ID!) { farm(id: $id) { name } }', { id: b.farmId })),
  'Query.batch': ({ asA, b }) => expectNotFound(asA('query ($id: ID!) { batch(id: $id) { headCountPlaced } }', { id: b.batchId })),
  'Query.alertRule': ({ asA, b }) => expectNotFound(asA('query ($id: ID!) { alertRule(id: $id) { threshold } }', { id: b.alertRuleId })),
  'Query.billingSubscription': ({ asA, b }) => expectNotFound(asA('query ($id: ID!) { billingSubscription(id: $id) { plan } }', { id: b.subscriptionId })),
  'Mutation.login': async ({ farmiq, a, b }) => {
    const result = await farmiq.graphql('mutation ($input: LoginInput!) { login(input: $input) { accessToken } }', {
      input: { email: a.session.email, password: a.session.password, tenantId: b.tenantId },
    });
    expect(errorCode(result)).toBe('FORBIDDEN');
  },
  // Takes a refresh token, a bearer secret of its own session, never an id.
  'Mutation.refreshSession': async ({ farmiq, a }) => {
    const result = await farmiq.graphql('mutation ($t: String) { refreshSession(refreshToken: $t) { viewer { tenant { id } } } }', { t: a.session.refreshToken });
    expect(result.data!.refreshSession.viewer.tenant.id).toBe(a.tenantId);
  },
  'Mutation.logout': async ({ farmiq }) => expect((await farmiq.graphql('mutation { logout(refreshToken: "not-a-token") }')).data).toEqual({ logout: true }),
  'Mutation.changePassword': async ({ asA }) => expect(errorCode(await asA('mutation { changePassword(currentPassword: "wrong one xx", newPassword: "whatever it is 99") }'))).toBe('BAD_USER_INPUT'),
  'Mutation.createTenant': async ({ asA }) => expect(errorCode(await asA('mutation { createTenant(input: { name: "Takeover" }) { id } }'))).toBe('FORBIDDEN'),
  'Mutation.inviteUser': ({ asA, b }) =>
    expectNotFound(asA('mutation ($t: ID) { inviteUser(input: { email: "spy@a.test", role: TENANT_ADMIN, tenantId: $t }) { temporaryPassword } }', { t: b.tenantId })),
  'Mutation.createFarm': async ({ asA, a }) => {
    const created = await asA('mutation { createFarm(input: { name: "A only", timeZone: "UTC" }) { tenant { id } } }');
    expect(created.data!.createFarm.tenant.id).toBe(a.tenantId);
  },
  // Kept under A's tenant: B's farm gains nothing, and A learns nothing of it (its farm does not resolve).
  'Mutation.placeBatch': async ({ asA, b }) => {
    const placed = await asA('mutation ($f: ID!) { placeBatch(input: { farmId: $f, species: PIG, placedOn: "2026-11-01", headCountPlaced: 5, placementWeightKg: 6 }) { farm { name } } }', { f: b.farmId });
    expect(placed.data?.placeBatch ?? null).toBeNull();
  },
  'Mutation.createAlertRule': async ({ asA, b }) => {
    const created = await asA('mutation ($f: ID!) { createAlertRule(input: { farmId: $f, metric: "ammoniaPpm", comparison: ABOVE, threshold: 1 }) { farm { name } } }', { f: b.farmId });
    expect(created.data?.createAlertRule ?? null).toBeNull();
  },
  'Query.apiClients': async ({ asA, b }) => {
    const clients = (await asA('{ apiClients { id } }')).data!.apiClients as Array<{ id: string }>;
    expect(clients.map((client) => client.id)).not.toContain(b.apiClientId);
  },
  'Mutation.createApiClient': async ({ asA, a }) => {
    const created = await asA('mutation { createApiClient(input: { name: "A feed", scopes: [FARMS_READ] }) { client { id } clientSecret } }');
    const token = await asA('mutation ($id: ID!, $secret: String!) { issueClientToken(clientId: $id, clientSecret: $secret) { accessToken } }', {
      id: created.data!.createApiClient.client.id,
      secret: created.data!.createApiClient.clientSecret,
    });
    const claims = JSON.parse(Buffer.from(token.data!.issueClientToken.accessToken.split('.')[1], 'base64url').toString());
    expect(claims.tid).toBe(a.tenantId);
  },
  'Mutation.revokeApiClient': ({ asA, b }) => expectNotFound(asA('mutation ($id: ID!) { revokeApiClient(id: $id) { id } }', { id: b.apiClientId })),
  'Mutation.issueClientToken': async ({ farmiq, b }) => {
    const result = await farmiq.graphql('mutation ($id: ID!) { issueClientToken(clientId: $id, clientSecret: "guessed secret") { accessToken } }', { id: b.apiClientId });
    expect(errorCode(result)).toBe('UNAUTHENTICATED');
  },
  'Query.barn': ({ asA, b }) => expectNotFound(asA('query ($id: ID!) { barn(id: $id) { name } }', { id: b.barnId })),
  'Query.device': ({ asA, b }) => expectNotFound(asA('query ($id: ID!) { device(id: $id) { serialNumber } }', { id: b.deviceId })),
  'Query.devices': async ({ asA, b }) => expect(JSON.stringify((await asA('{ devices { nodes { id } } }')).data)).not.toContain(b.deviceId),
  'Query.devicesWithCredentialsOlderThan': async ({ asA, b }) =>
    expect(JSON.stringify((await asA('{ devicesWithCredentialsOlderThan(olderThanDays: 1) { nodes { id } } }')).data)).not.toContain(b.deviceId),
  'Query.edgeGateway': ({ asA, b }) => expectNotFound(asA('query ($id: ID!) { edgeGateway(id: $id) { name } }', { id: b.gatewayId })),
  'Query.brokerAuthFiles': ({ asA, b }) => expectNotFound(asA('query ($id: ID!) { brokerAuthFiles(farmId: $id) { passwordFile } }', { id: b.farmId })),
  'Mutation.createBarn': ({ asA, b }) => expectNotFound(asA('mutation ($f: ID!) { createBarn(input: { farmId: $f, name: "Squat", species: PIG, capacityHead: 5 }) { id } }', { f: b.farmId })),
  'Mutation.registerDevices': async ({ asA }) =>
    expect(errorCode(await asA('mutation { registerDevices(input: { devices: [{ serialNumber: "A-FACTORY-1", kind: SCALE }] }) { claimCode } }'))).toBe('FORBIDDEN'),
  // B's device is claimed and its code spent; without the code A learns nothing of it.
  'Mutation.claimDevice': async ({ asA, b }) =>
    expect(errorCode(await asA('mutation ($s: String) { claimDevice(input: { serialNumber: $s, claimCode: "AAAA-AAAA-AAAA-AAAA-AAAA" }) { id } }', { s: b.deviceSerial }))).toBe('BAD_USER_INPUT'),
  'Mutation.activateDevice': ({ asA, b }) =>
    expectNotFound(asA('mutation ($d: ID!, $b: ID!) { activateDevice(input: { deviceId: $d, barnId: $b, name: "Mine" }) { mqttPassword } }', { d: b.deviceId, b: b.barnId })),
  'Mutation.moveDevice': ({ asA, b }) => expectNotFound(asA('mutation ($d: ID!, $b: ID!) { moveDevice(input: { deviceId: $d, barnId: $b }) { id } }', { d: b.deviceId, b: b.barnId })),
  'Mutation.rotateDeviceCredentials': ({ asA, b }) => expectNotFound(asA('mutation ($d: ID!) { rotateDeviceCredentials(input: { deviceId: $d }) { mqttPassword } }', { d: b.deviceId })),
  'Mutation.revokeDevice': ({ asA, b }) => expectNotFound(asA('mutation ($d: ID!) { revokeDevice(deviceId: $d) { id } }', { d: b.deviceId })),
  'Mutation.registerEdgeGateway': ({ asA, b }) => expectNotFound(asA('mutation ($f: ID!) { registerEdgeGateway(input: { farmId: $f, name: "Spy" }) { secret } }', { f: b.farmId })),
  'Mutation.rotateEdgeGatewayKey': ({ asA, b }) => expectNotFound(asA('mutation ($g: ID!) { rotateEdgeGatewayKey(input: { gatewayId: $g }) { secret } }', { g: b.gatewayId })),
  'Mutation.revokeEdgeGateway': ({ asA, b }) => expectNotFound(asA('mutation ($g: ID!) { revokeEdgeGateway(gatewayId: $g) { id } }', { g: b.gatewayId })),
  'Query.readingSeries': ({ asA, b }) =>
    expectNotFound(asA('query ($d: ID!) { readingSeries(deviceId: $d, metric: "temperatureC", from: "2026-11-01T00:00:00Z", to: "2026-11-02T00:00:00Z", interval: HOUR) { unit } }', { d: b.deviceId })),
  'Query.readings': ({ asA, b }) =>
    expectNotFound(asA('query ($d: ID!) { readings(deviceId: $d, from: "2026-11-01T00:00:00Z", to: "2026-11-02T00:00:00Z") { nodes { value } } }', { d: b.deviceId })),
  'Query.readingsCsv': ({ asA, b }) => expectNotFound(asA('query ($d: ID!) { readingsCsv(deviceId: $d, from: "2026-11-01T00:00:00Z", to: "2026-11-02T00:00:00Z") }', { d: b.deviceId })),
  'Mutation.subscribe': async ({ asA }) => expect(errorCode(await asA('mutation { subscribe(input: { plan: STARTER }) { tenant { id } } }'))).toBeUndefined(),
};

const SNAPSHOT_OF_B = `{ me { tenant { name farms { name batches { id headCountPlaced } alertRules { id threshold }
  barns { name devices { nodes { id status name credentialsIssuedAt } } } edgeGateways { revokedAt keys { keyId validUntil revokedAt } } } activeSubscription { id plan } } } }`;

describe.each(backends())('tenant isolation on %s', (backend) => {
  let farmiq: TestSystem;
  let a: { session: Session & { email: string; password: string }; tenantId: string };
  let asB: TestSystem['graphql'];
  let b: Foreign;
  let before: unknown;

  beforeAll(async () => {
    farmiq = await startTestSystem(backend);
    const tenantA = await tenantWithAdmin(farmiq, 'Tenant A');
    a = { session: tenantA.admin, tenantId: tenantA.tenantId };
    const tenantB = await tenantWithAdmin(farmiq, 'Tenant B');
    asB = farmiq.as(tenantB.admin.accessToken);
    const farmId = (await asB('mutation { createFarm(input: { name: "B North", timeZone: "Asia/Bangkok" }) { id } }')).data!.createFarm.id;
    const batchId = (await asB('mutation ($f: ID!) { placeBatch(input: { farmId: $f, species: BROILER, placedOn: "2026-11-01", headCountPlaced: 100, placementWeightKg: 0.04 }) { id } }', { f: farmId })).data!.placeBatch.id;
    const alertRuleId = (await asB('mutation ($f: ID!) { createAlertRule(input: { farmId: $f, metric: "temperatureC", comparison: ABOVE, threshold: 32 }) { id } }', { f: farmId })).data!.createAlertRule.id;
    const subscriptionId = (await asB('mutation { subscribe(input: { plan: PROFESSIONAL }) { id } }')).data!.subscribe.id;
    const apiClientId = (await asB('mutation { createApiClient(input: { name: "B partner", scopes: [FARMS_READ] }) { client { id } } }')).data!.createApiClient.client.id;
    const barnId = (await asB('mutation ($f: ID!) { createBarn(input: { farmId: $f, name: "B1", species: BROILER, capacityHead: 100 }) { id } }', { f: farmId })).data!.createBarn.id;
    const platform = farmiq.as((await loginAsPlatformAdmin(farmiq)).accessToken);
    const label = (await platform('mutation { registerDevices(input: { devices: [{ serialNumber: "B-DEVICE-1", kind: CLIMATE }] }) { device { id serialNumber } claimLink } }')).data!.registerDevices[0];
    await asB('mutation ($l: String) { claimDevice(input: { claimLink: $l }) { id } }', { l: label.claimLink });
    await asB('mutation ($d: ID!, $b: ID!) { activateDevice(input: { deviceId: $d, barnId: $b, name: "B climate" }) { mqttPassword } }', { d: label.device.id, b: barnId });
    const gatewayId = (await asB('mutation ($f: ID!) { registerEdgeGateway(input: { farmId: $f, name: "B edge" }) { gateway { id } } }', { f: farmId })).data!.registerEdgeGateway.gateway.id;
    b = { apiClientId, tenantId: tenantB.tenantId, farmId, batchId, alertRuleId, subscriptionId, barnId, deviceId: label.device.id, deviceSerial: label.device.serialNumber, gatewayId };
    before = await asB(SNAPSHOT_OF_B);
  });
  afterAll(async () => {
    await farmiq?.stop();
  });

  it('has a case for every query and mutation of the public API', () => {
    const schema = buildSchema(fs.readFileSync(API_SCHEMA_PATH, 'utf8'));
    const operations = ['Query', 'Mutation'].flatMap((type) => Object.keys((schema.getType(type) as any).getFields()).map((field) => `${type}.${field}`));
    expect(operations.sort()).toEqual(Object.keys(CASES).sort());
  });

  it.each(Object.keys(CASES))('keeps tenant B out of reach of tenant A through %s', async (operation) => {
    await CASES[operation]!({ asA: farmiq.as(a.session.accessToken), a, b, farmiq });
  });

  it('resolves none of B’s entities for A, even when asked directly at each subgraph', async () => {
    const entities: Array<[string, string, string]> = [
      ['identity', 'Tenant', b.tenantId],
      ['devices', 'Farm', b.farmId],
      ['devices', 'Barn', b.barnId],
      ['devices', 'Device', b.deviceId],
      ['devices', 'EdgeGateway', b.gatewayId],
      ['kpi', 'Batch', b.batchId],
      ['telemetry', 'AlertRule', b.alertRuleId],
      ['billing', 'BillingSubscription', b.subscriptionId],
    ];
    for (const [subgraph, typename, id] of entities) {
      const response = await fetch(`http://127.0.0.1:${farmiq.system.ports[subgraph as 'identity']}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${a.session.accessToken}` },
        body: JSON.stringify({ query: `query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }`, variables: { r: [{ __typename: typename, id }] } }),
      });
      expect({ subgraph, body: await response.json() }).toEqual({ subgraph, body: { data: { _entities: [null] } } });
    }
  });

  it('left everything of B as it was', async () => {
    expect(await asB(SNAPSHOT_OF_B)).toEqual(before);
  });
});
