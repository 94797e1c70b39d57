import { randomUUID } from 'node:crypto';
import { graphqlCaller } from '../tests/support/graphqlCaller';

export interface SeededBarns {
  tenantId: string;
  farmId: string;
  /** One active climate device per barn. */
  barns: Array<{ barnId: string; barnName: string; deviceId: string; deviceName: string }>;
  /** The farm's edge gateway key: what signs batches for its devices. */
  edgeKey: { keyId: string; secret: string };
  tenantAdminToken: string;
}

/**
 * Through a running cloud's API, as a user would: a tenant with one farm of `barnCount` barns,
 * one active climate sensor in each, and an edge gateway key for the farm.
 */
export async function seedBarns(gatewayUrl: string, platformAdmin: { email: string; password: string }, barnCount: number): Promise<SeededBarns> {
  const api = graphqlCaller(gatewayUrl);
  const { call } = api;
  const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }';
  api.as((await call(LOGIN, { input: platformAdmin })).login.accessToken);
  const email = `live-${randomUUID().slice(0, 8)}@bench.test`;
  const { createTenant } = await call('mutation { createTenant(input: { name: "Live Bench" }) { id } }');
  const { inviteUser } = await call(
    'mutation ($e: String!, $t: ID) { inviteUser(input: { email: $e, role: TENANT_ADMIN, tenantId: $t }) { temporaryPassword } }',
    { e: email, t: createTenant.id },
  );
  const labels = (
    await call('mutation ($d: [DeviceToRegisterInput!]!) { registerDevices(input: { devices: $d }) { device { id } claimLink } }', {
      d: Array.from({ length: barnCount }, (_, i) => ({ serialNumber: `LIVE-${randomUUID().slice(0, 8)}-${i}`, kind: 'CLIMATE' })),
    })
  ).registerDevices as Array<{ device: { id: string }; claimLink: string }>;
  api.as(undefined);
  const tenantAdminToken: string = (
    await call(LOGIN, { input: { email, password: inviteUser.temporaryPassword, newPassword: `tenant admin ${randomUUID()}` } })
  ).login.accessToken;
  api.as(tenantAdminToken);
  const { createFarm } = await call('mutation { createFarm(input: { name: "Live farm", timeZone: "UTC" }) { id } }');
  const barns: SeededBarns['barns'] = [];
  for (const [i, label] of labels.entries()) {
    const barnName = `House ${i + 1}`;
    const deviceName = `Climate ${i + 1}`;
    const { createBarn } = await call(
      'mutation ($f: ID!, $n: String!) { createBarn(input: { farmId: $f, name: $n, species: BROILER, capacityHead: 20000 }) { id } }',
      { f: createFarm.id, n: barnName },
    );
    await call('mutation ($l: String) { claimDevice(input: { claimLink: $l }) { id } }', { l: label.claimLink });
    await call('mutation ($d: ID!, $b: ID!, $n: String!) { activateDevice(input: { deviceId: $d, barnId: $b, name: $n }) { device { id } } }', {
      d: label.device.id,
      b: createBarn.id,
      n: deviceName,
    });
    barns.push({ barnId: createBarn.id, barnName, deviceId: label.device.id, deviceName });
  }
  const { registerEdgeGateway } = await call('mutation ($f: ID!) { registerEdgeGateway(input: { farmId: $f, name: "Bench edge" }) { keyId secret } }', {
    f: createFarm.id,
  });
  return { tenantId: createTenant.id, farmId: createFarm.id, barns, edgeKey: registerEdgeGateway, tenantAdminToken };
}
