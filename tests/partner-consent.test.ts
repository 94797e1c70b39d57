import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { buildSchema } from 'graphql';
import { API_SCHEMA_PATH } from '../supergraph/compose';
import { idProbes } from './support/idWalk';
import { openLive } from './support/liveClient';
import { backends } from './support/postgres';
import { loginAsPlatformAdmin, tenantWithAdmin } from './support/sessions';
import { errorCode, startTestSystem, type TestSystem } from './support/testSystem';
import { waitFor } from './support/waitFor';

const ISSUE =
  'mutation ($id: ID!, $secret: String!, $tenant: ID) { issueClientToken(clientId: $id, clientSecret: $secret, tenantId: $tenant) { accessToken scopes tenantId farmIds } }';
const GRANT = 'mutation ($input: GrantPartnerAccessInput!) { grantPartnerAccess(input: $input) { id farmIds scopes clientName revokedAt } }';

/** One farm's objects of every kind a partner can name. */
type FarmObjects = Record<'farm' | 'barn' | 'device' | 'batch' | 'alert' | 'alertRule' | 'gateway', string>;

/** A farm with a barn, a placed device, a batch, an alert rule, an alert and an edge gateway, made through the API (the alert as the evaluator stores it). */
async function farmWithEverything(farmiq: TestSystem, admin: TestSystem['graphql'], tenantId: string, name: string): Promise<FarmObjects> {
  const farm = (await admin('mutation ($n: String!) { createFarm(input: { name: $n, timeZone: "UTC" }) { id } }', { n: name })).data!.createFarm.id as string;
  const barn = (
    await admin('mutation ($f: ID!) { createBarn(input: { farmId: $f, name: "House 1", species: BROILER, capacityHead: 100 }) { id } }', { f: farm })
  ).data!.createBarn.id as string;
  const platform = farmiq.as((await loginAsPlatformAdmin(farmiq)).accessToken);
  const label = (
    await platform('mutation ($s: String!) { registerDevices(input: { devices: [{ serialNumber: $s, kind: CLIMATE }] }) { device { id } claimLink } }', {
      s: `${name}-CL`,
    })
  ).data!.registerDevices[0];
  await admin('mutation ($l: String) { claimDevice(input: { claimLink: $l }) { id } }', { l: label.claimLink });
  await admin('mutation ($d: ID!, $b: ID!) { activateDevice(input: { deviceId: $d, barnId: $b, name: "Climate" }) { mqttPassword } }', {
    d: label.device.id,
    b: barn,
  });
  const batch = (
    await admin(
      'mutation ($f: ID!, $b: ID) { placeBatch(input: { farmId: $f, barnId: $b, species: BROILER, placedOn: "2026-11-01", headCountPlaced: 100, placementWeightKg: 0.04 }) { id } }',
      { f: farm, b: barn },
    )
  ).data!.placeBatch.id as string;
  const alertRule = (
    await admin('mutation ($b: ID!) { createAlertRule(input: { barnId: $b, metric: "temperatureC", comparison: ABOVE, threshold: 32 }) { id } }', { b: barn })
  ).data!.createAlertRule.id as string;
  const [{ id: alert }] = await farmiq.system.database!.sql.query<{ id: string }>(
    `INSERT INTO "telemetry"."alert" (id, tenant_id, farm_id, barn_id, built_in, source, metric, comparison, threshold, raised_at, peak_value, last_value)
     VALUES (gen_random_uuid(), $1, $2, $3, 'AMMONIA_HIGH', 'AMMONIA_HIGH', 'ammoniaPpm', 'ABOVE', 25, now(), 30, 30) RETURNING id::text AS id`,
    [tenantId, farm, barn],
  );
  const gateway = (await admin('mutation ($f: ID!) { registerEdgeGateway(input: { farmId: $f, name: "Edge" }) { gateway { id } } }', { f: farm })).data!
    .registerEdgeGateway.gateway.id as string;
  return { farm, barn, device: label.device.id, batch, alert: alert!, alertRule, gateway };
}

// One backend (the real PostgreSQL where there is one): the farm narrowing is the same code on both.
describe.each(backends().slice(-1))('a partner with grants from several tenants on %s', (backend) => {
  let farmiq: TestSystem;
  let client: { id: string; secret: string };
  let tenantA: { tenantId: string; admin: TestSystem['graphql']; granted: FarmObjects; other: FarmObjects };
  let tenantB: { tenantId: string; admin: TestSystem['graphql']; farm: FarmObjects };
  let grantOfA: string;

  const issue = (tenant?: string) => farmiq.graphql(ISSUE, { id: client.id, secret: client.secret, tenant: tenant ?? null });
  const tokenFor = async (tenant: string) => {
    const issued = await issue(tenant);
    expect(issued.errors).toBeUndefined();
    return issued.data!.issueClientToken as { accessToken: string; scopes: string[]; tenantId: string; farmIds: string[] | null };
  };

  beforeAll(async () => {
    farmiq = await startTestSystem(backend);
    // The feed mill's own tenant is its developer account: it has no farms, only its API client.
    const mill = await tenantWithAdmin(farmiq, 'Feed Mill Co');
    const created = await farmiq.as(mill.admin.accessToken)(
      'mutation { createApiClient(input: { name: "Feed mill ERP", scopes: [FARMS_READ, KPI_READ, TELEMETRY_READ] }) { client { id } clientSecret } }',
    );
    client = { id: created.data!.createApiClient.client.id, secret: created.data!.createApiClient.clientSecret };

    const a = await tenantWithAdmin(farmiq, 'Farmer A');
    const asA = farmiq.as(a.admin.accessToken);
    tenantA = {
      tenantId: a.tenantId,
      admin: asA,
      granted: await farmWithEverything(farmiq, asA, a.tenantId, 'A-North'),
      other: await farmWithEverything(farmiq, asA, a.tenantId, 'A-South'),
    };
    const b = await tenantWithAdmin(farmiq, 'Farmer B');
    const asB = farmiq.as(b.admin.accessToken);
    tenantB = { tenantId: b.tenantId, admin: asB, farm: await farmWithEverything(farmiq, asB, b.tenantId, 'B-East') };

    const granted = await asA(GRANT, { input: { clientId: client.id, farmIds: [tenantA.granted.farm], scopes: ['FARMS_READ', 'KPI_READ', 'TELEMETRY_READ'] } });
    expect(granted.errors).toBeUndefined();
    expect(granted.data!.grantPartnerAccess).toMatchObject({ farmIds: [tenantA.granted.farm], clientName: 'Feed mill ERP', revokedAt: null });
    grantOfA = granted.data!.grantPartnerAccess.id;
    expect((await asB(GRANT, { input: { clientId: client.id, farmIds: [tenantB.farm.farm], scopes: ['FARMS_READ'] } })).errors).toBeUndefined();
  }, 240_000);
  afterAll(async () => {
    await farmiq?.stop();
  });

  it('lists the tenants that granted it access, with their farms and scopes', async () => {
    const partner = farmiq.as((await issue()).data!.issueClientToken.accessToken);
    const grants = (await partner('{ partnerGrants { tenant { id name } farmIds scopes } }')).data!.partnerGrants as Array<{ tenant: { name: string } }>;
    expect(grants.map((grant) => grant.tenant.name).sort()).toEqual(['Farmer A', 'Farmer B']);
    expect(grants).toContainEqual({ tenant: { id: tenantB.tenantId, name: 'Farmer B' }, farmIds: [tenantB.farm.farm], scopes: ['FARMS_READ'] });
  });

  it('gets a token per tenant that carries exactly the granted farms and scopes', async () => {
    const forA = await tokenFor(tenantA.tenantId);
    expect(forA).toMatchObject({ tenantId: tenantA.tenantId, farmIds: [tenantA.granted.farm], scopes: ['FARMS_READ', 'KPI_READ', 'TELEMETRY_READ'] });
    const forB = await tokenFor(tenantB.tenantId);
    expect(forB).toMatchObject({ tenantId: tenantB.tenantId, farmIds: [tenantB.farm.farm], scopes: ['FARMS_READ'] });
    // B granted no kpi:read: batches stay closed even on B's granted farm.
    expect(errorCode(await farmiq.as(forB.accessToken)('query ($id: ID!) { batch(id: $id) { id } }', { id: tenantB.farm.batch }))).toBe('FORBIDDEN');
  });

  it("sees only the granted farm in the tenant's lists", async () => {
    const partner = farmiq.as((await tokenFor(tenantA.tenantId)).accessToken);
    const seen = await partner('{ me { tenant { farms { id barns { id } batches { id } alertRules { id } edgeGateways { id } } } } devices { nodes { id } } }');
    expect(seen.errors).toBeUndefined();
    const { granted } = tenantA;
    expect(seen.data).toEqual({
      me: {
        tenant: {
          farms: [
            {
              id: granted.farm,
              barns: [{ id: granted.barn }],
              batches: [{ id: granted.batch }],
              alertRules: [{ id: granted.alertRule }],
              edgeGateways: [{ id: granted.gateway }],
            },
          ],
        },
      },
      devices: { nodes: [{ id: granted.device }] },
    });
    const alerts = await partner('query ($f: ID!) { alerts(farmId: $f) { nodes { id } } }', { f: granted.farm });
    expect(alerts.data!.alerts.nodes).toEqual([{ id: granted.alert }]);
  });

  it("never reaches an ungranted farm or another tenant's, through any query of the API", async () => {
    const { granted, other } = tenantA;
    const partner = farmiq.as((await tokenFor(tenantA.tenantId)).accessToken);
    const ids = (objects: FarmObjects) => (kind: string) => (objects as Record<string, string>)[kind] ?? randomUUID();
    const probes = idProbes(buildSchema(fs.readFileSync(API_SCHEMA_PATH, 'utf8')), ids(granted)).filter((probe) => probe.operation.startsWith('Query.'));
    const answers: string[] = [];
    for (const probe of probes) {
      const send = async (id: string) => {
        const { query, variables } = probe.call(id);
        return errorCode(await partner(query, variables)) ?? 'answered';
      };
      const refused = (code: string) => (code === 'NOT_FOUND' || code === 'FORBIDDEN' ? 'refused' : code);
      const foreignTenant = probe.kind === 'tenant' ? tenantB.tenantId : ids(tenantB.farm)(probe.kind);
      answers.push(
        `${probe.operation}(${probe.path}): other farm ${refused(await send(ids(other)(probe.kind)))}, other tenant ${refused(await send(foreignTenant))}`,
      );
    }
    expect(answers).toEqual(probes.map((probe) => `${probe.operation}(${probe.path}): other farm refused, other tenant refused`));
    // The granted farm's objects are found by the same probes (errors other than NOT_FOUND are the sample arguments').
    const grantedAnswers = [];
    for (const probe of probes.filter(
      (probe) => ['farm', 'barn', 'device', 'batch', 'alert', 'alertRule', 'gateway'].includes(probe.kind) && probe.operation !== 'Query.brokerAuthFiles',
    )) {
      const { query, variables } = probe.call(ids(granted)(probe.kind));
      grantedAnswers.push(`${probe.operation}(${probe.path}): ${errorCode(await partner(query, variables)) === 'NOT_FOUND' ? 'not found' : 'found'}`);
    }
    expect(grantedAnswers.length).toBeGreaterThanOrEqual(12);
    expect(grantedAnswers.filter((answer) => answer.endsWith('not found'))).toEqual([]);
  }, 120_000);

  it('resolves no entity of an ungranted farm, even when asked directly at each subgraph', async () => {
    const token = (await tokenFor(tenantA.tenantId)).accessToken;
    const { other } = tenantA;
    const entities: Array<[string, string, string]> = [
      ['devices', 'Farm', other.farm],
      ['devices', 'Barn', other.barn],
      ['devices', 'Device', other.device],
      ['devices', 'EdgeGateway', other.gateway],
      ['kpi', 'Batch', other.batch],
      ['telemetry', 'AlertRule', other.alertRule],
      ['telemetry', 'Alert', other.alert],
    ];
    for (const [subgraph, typename, id] of entities) {
      const response = await fetch(`http://127.0.0.1:${farmiq.system.ports[subgraph as 'devices']}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
          variables: { r: [{ __typename: typename, id }] },
        }),
      });
      expect({ typename, body: await response.json() }).toEqual({ typename, body: { data: { _entities: [null] } } });
    }
  });

  it('subscribes live only to what the granted farm holds', async () => {
    const live = await openLive(farmiq.gatewayUrl, { token: (await tokenFor(tenantA.tenantId)).accessToken });
    try {
      const { granted, other } = tenantA;
      const refused = [
        live.subscribe('subscription ($b: ID) { readingAdded(barnId: $b) { value } }', { b: other.barn }),
        live.subscribe('subscription ($d: ID) { readingAdded(deviceId: $d) { value } }', { d: other.device }),
        live.subscribe('subscription ($f: ID!) { alertChanged(farmId: $f) { change } }', { f: other.farm }),
        live.subscribe('subscription ($f: ID!) { alertChanged(farmId: $f) { change } }', { f: tenantB.farm.farm }),
      ];
      for (const subscription of refused) {
        await subscription.settled();
        expect(subscription.results.map((result) => result.errors?.map((error) => error.extensions?.code))).toEqual([['NOT_FOUND']]);
      }
      // The granted farm's barn is served and stays open.
      const open = live.subscribe('subscription ($b: ID) { readingAdded(barnId: $b) { value } }', { b: granted.barn });
      await expect(open.settled(3_000)).rejects.toThrow(/timed out/);
      expect(open.results).toEqual([]);
    } finally {
      live.close();
    }
  });

  it('gets no token for a tenant that granted nothing, and cannot write', async () => {
    expect(errorCode(await issue(randomUUID()))).toBe('FORBIDDEN');
    const stranger = await tenantWithAdmin(farmiq, 'Stranger Farms');
    expect(errorCode(await issue(stranger.tenantId))).toBe('FORBIDDEN');
    const partner = farmiq.as((await tokenFor(tenantA.tenantId)).accessToken);
    expect(
      errorCode(
        await partner('mutation ($f: ID!) { createBarn(input: { farmId: $f, name: "Partner barn", species: PIG, capacityHead: 1 }) { id } }', {
          f: tenantA.granted.farm,
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(errorCode(await partner(GRANT, { input: { clientId: client.id, farmIds: [tenantA.other.farm], scopes: ['FARMS_READ'] } }))).toBe('FORBIDDEN');
  });

  it('is granted only what its client asks for, by a tenant admin, on farms of the tenant', async () => {
    const { admin } = tenantB;
    const narrow = await farmiq.as((await tenantWithAdmin(farmiq, 'Narrow Partner')).admin.accessToken)(
      'mutation { createApiClient(input: { name: "Vet", scopes: [FARMS_READ] }) { client { id } } }',
    );
    const vetId = narrow.data!.createApiClient.client.id;
    const tooMuch = await admin(GRANT, { input: { clientId: vetId, farmIds: [tenantB.farm.farm], scopes: ['KPI_READ'] } });
    expect(errorCode(tooMuch)).toBe('BAD_USER_INPUT');
    expect(tooMuch.errors![0]!.message).toContain('KPI_READ');
    expect(errorCode(await admin(GRANT, { input: { clientId: vetId, farmIds: [tenantA.granted.farm], scopes: ['FARMS_READ'] } }))).toBe('NOT_FOUND');
    expect(errorCode(await admin(GRANT, { input: { clientId: randomUUID(), farmIds: [tenantB.farm.farm], scopes: ['FARMS_READ'] } }))).toBe('NOT_FOUND');
    const own = (await admin('mutation { createApiClient(input: { name: "Own ERP", scopes: [FARMS_READ] }) { client { id } } }')).data!.createApiClient.client
      .id;
    expect(errorCode(await admin(GRANT, { input: { clientId: own, farmIds: [tenantB.farm.farm], scopes: ['FARMS_READ'] } }))).toBe('BAD_USER_INPUT');
  });

  it('loses a tenant within seconds of the revocation, and keeps the others', async () => {
    const forA = farmiq.as((await tokenFor(tenantA.tenantId)).accessToken);
    const forB = farmiq.as((await tokenFor(tenantB.tenantId)).accessToken);
    const farmQuery = 'query ($id: ID!) { farm(id: $id) { name } }';
    expect((await forA(farmQuery, { id: tenantA.granted.farm })).data).toEqual({ farm: { name: 'A-North' } });

    const revoked = await tenantA.admin('mutation ($id: ID!) { revokePartnerAccess(id: $id) { revokedAt } }', { id: grantOfA });
    expect(revoked.data!.revokePartnerAccess.revokedAt).toEqual(expect.any(String));
    // Every verifier reads the revocation list at most once a second.
    await waitFor(async () => expect(errorCode(await forA(farmQuery, { id: tenantA.granted.farm }))).toBe('UNAUTHENTICATED'), 10_000, 200);
    expect(errorCode(await issue(tenantA.tenantId))).toBe('FORBIDDEN');
    expect((await forB(farmQuery, { id: tenantB.farm.farm })).data).toEqual({ farm: { name: 'B-East' } });
    const partner = farmiq.as((await issue()).data!.issueClientToken.accessToken);
    expect((await partner('{ partnerGrants { tenant { name } } }')).data!.partnerGrants).toEqual([{ tenant: { name: 'Farmer B' } }]);
    const log = await tenantA.admin('{ auditLog(action: PARTNER_ACCESS_REVOKED) { nodes { targetId } } }');
    expect(log.data!.auditLog.nodes).toEqual([{ targetId: grantOfA }]);
  });

  it('moves to the farms of a new grant, whose tokens replace the old ones', async () => {
    const before = farmiq.as((await tokenFor(tenantB.tenantId)).accessToken);
    const regranted = await tenantB.admin(GRANT, { input: { clientId: client.id, farmIds: [tenantB.farm.farm], scopes: ['FARMS_READ', 'KPI_READ'] } });
    expect(regranted.errors).toBeUndefined();
    await waitFor(async () => expect(errorCode(await before('{ devices { nodes { id } } }'))).toBe('UNAUTHENTICATED'), 10_000, 200);
    const after = farmiq.as((await tokenFor(tenantB.tenantId)).accessToken);
    expect((await after('query ($id: ID!) { batch(id: $id) { id } }', { id: tenantB.farm.batch })).data).toEqual({ batch: { id: tenantB.farm.batch } });
    const grants = (await tenantB.admin('{ partnerGrants { revokedAt } }')).data!.partnerGrants as Array<{ revokedAt: string | null }>;
    expect(grants.map((grant) => grant.revokedAt === null)).toEqual([true, false]);
  });
});
