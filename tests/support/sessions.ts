import { randomUUID } from 'node:crypto';
import { TEST_ADMIN, type TestSystem } from './testSystem';

const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { accessToken refreshToken viewer { roles tenant { id } } } }`;

export interface Session {
  accessToken: string;
  refreshToken: string;
}

/** Logs in through the gateway and fails the test with the API's error if it cannot. */
export async function login(farmiq: TestSystem, input: { email: string; password: string; newPassword?: string; tenantId?: string }): Promise<Session> {
  const result = await farmiq.graphql(LOGIN, { input });
  if (result.errors) throw new Error(`login of ${input.email} failed: ${JSON.stringify(result.errors)}`);
  return result.data!.login;
}

export const loginAsPlatformAdmin = (farmiq: TestSystem, tenantId?: string) => login(farmiq, { ...TEST_ADMIN, ...(tenantId ? { tenantId } : {}) });

/** A strong password of a test user's own, for the forced change at first login. */
export const ownPassword = () => `own pass ${randomUUID()}`;

/** Invites a user into `tenantId` as `role` and logs it in, changing the temporary password. */
export async function inviteAndLogIn(
  farmiq: TestSystem,
  inviterToken: string,
  tenantId: string,
  role: string,
): Promise<Session & { email: string; password: string; userId: string }> {
  const email = `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@farm.test`;
  const invited = await farmiq.as(inviterToken)(`mutation ($input: InviteUserInput!) { inviteUser(input: $input) { user { id } temporaryPassword } }`, {
    input: { email, role, tenantId },
  });
  if (invited.errors) throw new Error(`invite failed: ${JSON.stringify(invited.errors)}`);
  const password = ownPassword();
  const session = await login(farmiq, { email, password: invited.data!.inviteUser.temporaryPassword, newPassword: password });
  return { ...session, email, password, userId: invited.data!.inviteUser.user.id };
}

/** A new tenant with a logged-in TENANT_ADMIN of its own. */
export async function tenantWithAdmin(farmiq: TestSystem, name: string): Promise<{ tenantId: string; admin: Session & { email: string; password: string } }> {
  const platform = await loginAsPlatformAdmin(farmiq);
  const created = await farmiq.as(platform.accessToken)(`mutation ($name: String!) { createTenant(input: { name: $name }) { id } }`, { name });
  if (created.errors) throw new Error(`createTenant failed: ${JSON.stringify(created.errors)}`);
  const tenantId = created.data!.createTenant.id as string;
  return { tenantId, admin: await inviteAndLogIn(farmiq, platform.accessToken, tenantId, 'TENANT_ADMIN') };
}
