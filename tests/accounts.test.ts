import { backends } from './support/postgres';
import { inviteAndLogIn, login, ownPassword, tenantWithAdmin, type Session } from './support/sessions';
import { errorCode, startTestSystem, type TestSystem } from './support/testSystem';

const ME = '{ me { roles } }';
const REFRESH = `mutation ($token: String) { refreshSession(refreshToken: $token) { accessToken refreshToken } }`;
const ISSUE = `mutation ($id: ID!, $secret: String!) { issueClientToken(clientId: $id, clientSecret: $secret) { accessToken } }`;
/** A revoked token must stop working within this long after the mutation that revoked it answered. */
const CUT_OFF_MS = 1000;

describe.each(backends())('accounts on %s', (backend) => {
  let farmiq: TestSystem;

  beforeAll(async () => {
    farmiq = await startTestSystem(backend);
  });
  afterAll(async () => {
    await farmiq?.stop();
  });

  /** The token's answer at the gateway (identity) and straight at the devices subgraph, which verifies it itself. */
  async function codesFor(accessToken: string): Promise<Array<string | undefined>> {
    const devices = await fetch(`http://127.0.0.1:${farmiq.system.ports.devices}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ query: '{ devices(first: 1) { nodes { id } } }' }),
    });
    return [errorCode(await farmiq.as(accessToken)(ME)), errorCode((await devices.json()) as never)];
  }

  /** Waits (at most CUT_OFF_MS after `since`) until both the gateway and a subgraph refuse the token. */
  async function expectCutOff(accessToken: string, since: number) {
    let codes = await codesFor(accessToken);
    while (codes.some((code) => code !== 'UNAUTHENTICATED') && Date.now() - since < CUT_OFF_MS) codes = await codesFor(accessToken);
    expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect(Date.now() - since).toBeLessThanOrEqual(CUT_OFF_MS + 200);
  }

  async function expectWorking(session: Session) {
    expect(await codesFor(session.accessToken)).toEqual([undefined, undefined]);
  }

  describe('revocation of issued tokens', () => {
    it('cuts off the access token and refresh token family at logout', async () => {
      const { tenantId, admin } = await tenantWithAdmin(farmiq, 'Logout Cut Farm');
      const operator = await inviteAndLogIn(farmiq, admin.accessToken, tenantId, 'OPERATOR');
      const refreshed = (await farmiq.graphql(REFRESH, { token: operator.refreshToken })).data!.refreshSession as Session;
      const otherDevice = await login(farmiq, { email: operator.email, password: operator.password });
      await expectWorking(operator);
      const logout = await farmiq.graphql(`mutation ($token: String) { logout(refreshToken: $token) }`, { token: refreshed.refreshToken });
      const since = Date.now();
      expect(logout.data).toEqual({ logout: true });
      // Both access tokens of that session (before and after the refresh) die; its other session lives.
      await expectCutOff(operator.accessToken, since);
      await expectCutOff(refreshed.accessToken, since);
      expect(errorCode(await farmiq.graphql(REFRESH, { token: refreshed.refreshToken }))).toBe('UNAUTHENTICATED');
      await expectWorking(otherDevice);
    });

    it('cuts off the session of the access token a caller logs out with', async () => {
      const { admin } = await tenantWithAdmin(farmiq, 'Bearer Logout Farm');
      await farmiq.as(admin.accessToken)('mutation { logout }');
      await expectCutOff(admin.accessToken, Date.now());
      expect(errorCode(await farmiq.graphql(REFRESH, { token: admin.refreshToken }))).toBe('UNAUTHENTICATED');
    });

    it('cuts off every other session at a password change, and keeps the one that changed it', async () => {
      const { tenantId, admin } = await tenantWithAdmin(farmiq, 'Password Cut Farm');
      const user = await inviteAndLogIn(farmiq, admin.accessToken, tenantId, 'FARM_MANAGER');
      const stolen = await login(farmiq, { email: user.email, password: user.password });
      const next = ownPassword();
      const changed = await farmiq.as(user.accessToken)('mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }', { c: user.password, n: next });
      const since = Date.now();
      expect(changed.data).toEqual({ changePassword: true });
      await expectCutOff(stolen.accessToken, since);
      expect(errorCode(await farmiq.graphql(REFRESH, { token: stolen.refreshToken }))).toBe('UNAUTHENTICATED');
      await expectWorking(user);
      // A new login right after the change works at once.
      await expectWorking(await login(farmiq, { email: user.email, password: next }));
    });

    it('cuts off a partner client revoked by its tenant admin', async () => {
      const { admin } = await tenantWithAdmin(farmiq, 'Client Cut Farm');
      const created = await farmiq.as(admin.accessToken)('mutation { createApiClient(input: { name: "Mill", scopes: [FARMS_READ] }) { client { id } clientSecret } }');
      const { client, clientSecret } = created.data!.createApiClient;
      const token = (await farmiq.graphql(ISSUE, { id: client.id, secret: clientSecret })).data!.issueClientToken.accessToken as string;
      const farms = () => farmiq.as(token)('{ devices(first: 1) { nodes { id } } }');
      expect(errorCode(await farms())).toBeUndefined();
      await farmiq.as(admin.accessToken)('mutation ($id: ID!) { revokeApiClient(id: $id) { id } }', { id: client.id });
      const since = Date.now();
      let code = errorCode(await farms());
      while (code !== 'UNAUTHENTICATED' && Date.now() - since < CUT_OFF_MS) code = errorCode(await farms());
      expect(code).toBe('UNAUTHENTICATED');
    });
  });
});
