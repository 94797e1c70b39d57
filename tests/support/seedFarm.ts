import { randomUUID } from 'node:crypto';
import { graphqlCaller } from './graphqlCaller';

/** What a farm needs at the edge: its edge gateway key, its devices and the broker files for them. */
export interface SeededFarm {
  keyId: string;
  secret: string;
  passwordFile: string;
  aclFile: string;
  devices: Array<{ id: string; password: string }>;
  tenantId: string;
  farmId: string;
  barnId: string;
  /** The tenant admin's access token (15 minutes). */
  tenantAdminToken: string;
}

/**
 * Through a running cloud's GraphQL API (`gatewayUrl`, e.g. http://127.0.0.1:4000/graphql),
 * as a user would: the platform admin creates a tenant and registers `deviceCount` climate
 * sensors; the tenant's admin creates a farm and a barn, claims and activates the sensors there,
 * registers an edge gateway and exports the farm's Mosquitto password and ACL files.
 */
export async function seedFarmThroughApi(gatewayUrl: string, platformAdmin: { email: string; password: string }, deviceCount: number): Promise<SeededFarm> {
  const api = graphqlCaller(gatewayUrl);
  const call = api.call;
  const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }';
  api.as((await call(LOGIN, { input: platformAdmin })).login.accessToken);
  const tenantAdminEmail = `edge-${randomUUID().slice(0, 8)}@farm.test`;
  const { createTenant } = await call('mutation { createTenant(input: { name: "Edge Farms" }) { id } }');
  const { inviteUser } = await call(
    'mutation ($e: String!, $t: ID) { inviteUser(input: { email: $e, role: TENANT_ADMIN, tenantId: $t }) { temporaryPassword } }',
    { e: tenantAdminEmail, t: createTenant.id },
  );
  const labels = (
    await call('mutation ($d: [DeviceToRegisterInput!]!) { registerDevices(input: { devices: $d }) { device { id } claimLink } }', {
      d: Array.from({ length: deviceCount }, (_, i) => ({ serialNumber: `SN-${randomUUID().slice(0, 8)}-${i}`, kind: 'CLIMATE' })),
    })
  ).registerDevices as Array<{ device: { id: string }; claimLink: string }>;
  api.as(undefined);
  const tenantAdminToken: string = (
    await call(LOGIN, { input: { email: tenantAdminEmail, password: inviteUser.temporaryPassword, newPassword: `tenant admin ${randomUUID()}` } })
  ).login.accessToken;
  api.as(tenantAdminToken);
  const { createFarm } = await call('mutation { createFarm(input: { name: "Edge farm", timeZone: "UTC" }) { id } }');
  const { createBarn } = await call('mutation ($f: ID!) { createBarn(input: { farmId: $f, name: "House 1", species: BROILER, capacityHead: 20000 }) { id } }', {
    f: createFarm.id,
  });
  const devices: SeededFarm['devices'] = [];
  for (const label of labels) {
    await call('mutation ($l: String) { claimDevice(input: { claimLink: $l }) { id } }', { l: label.claimLink });
    const { activateDevice } = await call(
      'mutation ($d: ID!, $b: ID!) { activateDevice(input: { deviceId: $d, barnId: $b, name: "Climate" }) { mqttPassword } }',
      { d: label.device.id, b: createBarn.id },
    );
    devices.push({ id: label.device.id, password: activateDevice.mqttPassword });
  }
  const { registerEdgeGateway } = await call('mutation ($f: ID!) { registerEdgeGateway(input: { farmId: $f, name: "Edge" }) { keyId secret } }', {
    f: createFarm.id,
  });
  const { brokerAuthFiles } = await call('query ($f: ID!) { brokerAuthFiles(farmId: $f) { passwordFile aclFile } }', { f: createFarm.id });
  return {
    keyId: registerEdgeGateway.keyId,
    secret: registerEdgeGateway.secret,
    passwordFile: brokerAuthFiles.passwordFile,
    aclFile: brokerAuthFiles.aclFile,
    devices,
    tenantId: createTenant.id,
    farmId: createFarm.id,
    barnId: createBarn.id,
    tenantAdminToken,
  };
}
