import { backends } from './support/postgres';
import { inviteAndLogIn, login, loginAsPlatformAdmin, ownPassword, tenantWithAdmin, type Session } from './support/sessions';
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

  /**
   * Probes until both the gateway and a subgraph refuse the token: a probe sent CUT_OFF_MS or
   * more after `since` must be refused (the probe's own time on a loaded machine does not count).
   */
  async function expectCutOff(accessToken: string, since: number) {
    for (;;) {
      const sentAt = Date.now();
      const codes = await codesFor(accessToken);
      if (codes.every((code) => code === 'UNAUTHENTICATED')) return;
      expect(sentAt - since).toBeLessThan(CUT_OFF_MS);
    }
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

    it('cuts off every session at a password change, the one that changed it included', async () => {
      const { tenantId, admin } = await tenantWithAdmin(farmiq, 'Password Cut Farm');
      const user = await inviteAndLogIn(farmiq, admin.accessToken, tenantId, 'FARM_MANAGER');
      const stolen = await login(farmiq, { email: user.email, password: user.password });
      const next = ownPassword();
      const changed = await farmiq.as(user.accessToken)('mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }', {
        c: user.password,
        n: next,
      });
      const since = Date.now();
      expect(changed.data).toEqual({ changePassword: true });
      await expectCutOff(stolen.accessToken, since);
      await expectCutOff(user.accessToken, since);
      expect(errorCode(await farmiq.graphql(REFRESH, { token: stolen.refreshToken }))).toBe('UNAUTHENTICATED');
      // A new login right after the change works at once.
      await expectWorking(await login(farmiq, { email: user.email, password: next }));
    });

    it('cuts off a partner client revoked by its tenant admin', async () => {
      const { admin } = await tenantWithAdmin(farmiq, 'Client Cut Farm');
      const created = await farmiq.as(admin.accessToken)(
        'mutation { createApiClient(input: { name: "Mill", scopes: [FARMS_READ] }) { client { id } clientSecret } }',
      );
      const { client, clientSecret } = created.data!.createApiClient;
      const token = (await farmiq.graphql(ISSUE, { id: client.id, secret: clientSecret })).data!.issueClientToken.accessToken as string;
      const farms = () => farmiq.as(token)('{ devices(first: 1) { nodes { id } } }');
      expect(errorCode(await farms())).toBeUndefined();
      await farmiq.as(admin.accessToken)('mutation ($id: ID!) { revokeApiClient(id: $id) { id } }', { id: client.id });
      const since = Date.now();
      for (;;) {
        const sentAt = Date.now();
        if (errorCode(await farms()) === 'UNAUTHENTICATED') break;
        expect(sentAt - since).toBeLessThan(CUT_OFF_MS);
      }
    });

    it.each([
      ['a role change', 'mutation ($u: ID!) { changeMemberRole(userId: $u, role: VIEWER) { role } }'],
      ['disabling', 'mutation ($u: ID!) { disableMember(userId: $u) { disabledAt } }'],
      ['removal', 'mutation ($u: ID!) { removeMember(userId: $u) }'],
    ])('cuts off the member and its refresh token family at %s', async (_path, mutation) => {
      const { tenantId, admin } = await tenantWithAdmin(farmiq, 'Member Cut Farm');
      const member = await inviteAndLogIn(farmiq, admin.accessToken, tenantId, 'FARM_MANAGER');
      await expectWorking(member);
      const changed = await farmiq.as(admin.accessToken)(mutation, { u: member.userId });
      const since = Date.now();
      expect(changed.errors).toBeUndefined();
      await expectCutOff(member.accessToken, since);
      expect(errorCode(await farmiq.graphql(REFRESH, { token: member.refreshToken }))).toBe('UNAUTHENTICATED');
      await expectWorking(admin);
    });

    it("cuts off a suspended tenant's users and clients, refuses them new tokens, and lets them back once reinstated", async () => {
      const { tenantId, admin } = await tenantWithAdmin(farmiq, 'Suspended Farm');
      const { admin: bystander } = await tenantWithAdmin(farmiq, 'Bystander Farm');
      const created = await farmiq.as(admin.accessToken)(
        'mutation { createApiClient(input: { name: "Mill", scopes: [FARMS_READ] }) { client { id } clientSecret } }',
      );
      const { client, clientSecret } = created.data!.createApiClient;
      const clientToken = (await farmiq.graphql(ISSUE, { id: client.id, secret: clientSecret })).data!.issueClientToken.accessToken as string;
      const platform = farmiq.as((await loginAsPlatformAdmin(farmiq)).accessToken);
      const suspended = await platform('mutation ($id: ID!) { suspendTenant(id: $id) { suspendedAt } }', { id: tenantId });
      const since = Date.now();
      expect(suspended.data!.suspendTenant.suspendedAt).toEqual(expect.any(String));
      await expectCutOff(admin.accessToken, since);
      expect(errorCode(await farmiq.as(clientToken)('{ devices(first: 1) { nodes { id } } }'))).toBe('UNAUTHENTICATED');
      expect(errorCode(await farmiq.graphql(REFRESH, { token: admin.refreshToken }))).toBe('UNAUTHENTICATED');
      const refusedLogin = await farmiq.graphql('mutation ($input: LoginInput!) { login(input: $input) { accessToken } }', {
        input: { email: admin.email, password: admin.password },
      });
      expect(refusedLogin.errors?.[0]).toMatchObject({ message: expect.stringMatching(/suspended/), extensions: { code: 'FORBIDDEN' } });
      expect(errorCode(await farmiq.graphql(ISSUE, { id: client.id, secret: clientSecret }))).toBe('UNAUTHENTICATED');
      await expectWorking(bystander);

      await platform('mutation ($id: ID!) { reinstateTenant(id: $id) { suspendedAt } }', { id: tenantId });
      await new Promise((resolve) => setTimeout(resolve, 1_100)); // tokens carry whole seconds
      await expectWorking(await login(farmiq, { email: admin.email, password: admin.password }));
      expect(errorCode(await farmiq.as(admin.accessToken)(ME))).toBe('UNAUTHENTICATED');
      expect(errorCode(await farmiq.graphql(ISSUE, { id: client.id, secret: clientSecret }))).toBeUndefined();
    });
  });

  describe('user management', () => {
    const MEMBERS =
      'query ($search: String, $first: Int!, $after: String) { members(search: $search, first: $first, after: $after) { nodes { user { id } email role lastLoginAt disabledAt } pageInfo { endCursor hasNextPage } } }';

    it("lets a tenant admin list its tenant's people with role and last login, page by page and by search", async () => {
      const { tenantId, admin } = await tenantWithAdmin(farmiq, 'Listing Farm');
      const operator = await inviteAndLogIn(farmiq, admin.accessToken, tenantId, 'OPERATOR');
      const viewer = await inviteAndLogIn(farmiq, admin.accessToken, tenantId, 'VIEWER');
      await tenantWithAdmin(farmiq, 'Unrelated Farm');
      const first = await farmiq.as(admin.accessToken)(MEMBERS, { first: 2 });
      expect(first.data!.members.nodes.map((node: { email: string; role: string }) => [node.email, node.role])).toEqual([
        [admin.email, 'TENANT_ADMIN'],
        [operator.email, 'OPERATOR'],
      ]);
      expect(first.data!.members.nodes[1].lastLoginAt).toEqual(expect.any(String));
      expect(first.data!.members.pageInfo.hasNextPage).toBe(true);
      const second = await farmiq.as(admin.accessToken)(MEMBERS, { first: 2, after: first.data!.members.pageInfo.endCursor });
      expect(second.data!.members).toEqual({
        nodes: [{ user: { id: viewer.userId }, email: viewer.email, role: 'VIEWER', lastLoginAt: expect.any(String), disabledAt: null }],
        pageInfo: { endCursor: expect.any(String), hasNextPage: false },
      });
      const searched = await farmiq.as(admin.accessToken)(MEMBERS, { first: 10, search: viewer.email.slice(0, 12).toUpperCase() });
      expect(searched.data!.members.nodes.map((node: { email: string }) => node.email)).toEqual([viewer.email]);
      expect(errorCode(await farmiq.as(operator.accessToken)(MEMBERS, { first: 10 }))).toBe('FORBIDDEN');
      expect(errorCode(await farmiq.as(admin.accessToken)(MEMBERS, { first: 101 }))).toBe('BAD_USER_INPUT');
    });

    it("answers another tenant's user as not found and changes nothing", async () => {
      const { admin } = await tenantWithAdmin(farmiq, 'Meddling Farm');
      const { tenantId: otherId, admin: otherAdmin } = await tenantWithAdmin(farmiq, 'Victim Farm');
      const victim = await inviteAndLogIn(farmiq, otherAdmin.accessToken, otherId, 'OPERATOR');
      for (const mutation of ['changeMemberRole(userId: $u, role: VIEWER) { role }', 'disableMember(userId: $u) { role }', 'removeMember(userId: $u)']) {
        expect(errorCode(await farmiq.as(admin.accessToken)(`mutation ($u: ID!) { ${mutation} }`, { u: victim.userId }))).toBe('NOT_FOUND');
      }
      await expectWorking(victim);
    });

    it('keeps at least one active tenant admin, refuses non-tenant roles, and lets a disabled member back in once enabled', async () => {
      const { tenantId, admin } = await tenantWithAdmin(farmiq, 'Guarded Farm');
      const me = (await farmiq.as(admin.accessToken)(MEMBERS, { first: 1 })).data!.members.nodes[0].user.id as string;
      expect(errorCode(await farmiq.as(admin.accessToken)('mutation ($u: ID!) { changeMemberRole(userId: $u, role: VIEWER) { role } }', { u: me }))).toBe(
        'CONFLICT',
      );
      expect(errorCode(await farmiq.as(admin.accessToken)('mutation ($u: ID!) { removeMember(userId: $u) }', { u: me }))).toBe('CONFLICT');
      const operator = await inviteAndLogIn(farmiq, admin.accessToken, tenantId, 'OPERATOR');
      expect(
        errorCode(
          await farmiq.as(admin.accessToken)('mutation ($u: ID!) { changeMemberRole(userId: $u, role: PLATFORM_ADMIN) { role } }', { u: operator.userId }),
        ),
      ).toBe('BAD_USER_INPUT');
      await farmiq.as(admin.accessToken)('mutation ($u: ID!) { disableMember(userId: $u) { role } }', { u: operator.userId });
      const refused = await farmiq.graphql('mutation ($input: LoginInput!) { login(input: $input) { accessToken } }', {
        input: { email: operator.email, password: operator.password },
      });
      expect(errorCode(refused)).toBe('FORBIDDEN');
      await farmiq.as(admin.accessToken)('mutation ($u: ID!) { enableMember(userId: $u) { role } }', { u: operator.userId });
      await expectWorking(await login(farmiq, { email: operator.email, password: operator.password }));
    });

    it('lets a platform admin list and search tenants, and nobody else', async () => {
      const { admin } = await tenantWithAdmin(farmiq, 'Searchable Quail Farm');
      const platform = farmiq.as((await loginAsPlatformAdmin(farmiq)).accessToken);
      const found = await platform('{ tenants(search: "quail", first: 10) { nodes { name suspendedAt } pageInfo { hasNextPage } } }');
      expect(found.data!.tenants).toEqual({ nodes: [{ name: 'Searchable Quail Farm', suspendedAt: null }], pageInfo: { hasNextPage: false } });
      expect(errorCode(await farmiq.as(admin.accessToken)('{ tenants(first: 10) { nodes { name } } }'))).toBe('FORBIDDEN');
    });
  });

  describe('audit log', () => {
    const AUDIT = '{ auditLog(first: 100) { nodes { action actorId tenantId targetType targetId address requestId at } } }';
    type Row = { action: string; actorId: string | null; tenantId: string | null; targetId: string | null; address: string; requestId: string };

    it("records each action once with actor, tenant, target, address and request id, for that tenant's admins and platform admins only", async () => {
      const { tenantId, admin } = await tenantWithAdmin(farmiq, 'Audited Farm');
      const { admin: otherAdmin } = await tenantWithAdmin(farmiq, 'Unaudited Farm');
      const member = await inviteAndLogIn(farmiq, admin.accessToken, tenantId, 'OPERATOR');
      await farmiq.graphql('mutation ($input: LoginInput!) { login(input: $input) { accessToken } }', {
        input: { email: member.email, password: 'not the password at all' },
      });
      await farmiq.as(admin.accessToken)('mutation ($u: ID!) { changeMemberRole(userId: $u, role: VIEWER) { role } }', { u: member.userId });
      const created = await farmiq.as(admin.accessToken)('mutation { createApiClient(input: { name: "Audit mill", scopes: [KPI_READ] }) { client { id } } }');
      const clientId = created.data!.createApiClient.client.id as string;
      await farmiq.as(admin.accessToken)('mutation ($id: ID!) { revokeApiClient(id: $id) { id } }', { id: clientId });

      const rows = (await farmiq.as(admin.accessToken)(AUDIT)).data!.auditLog.nodes as Row[];
      const about = (action: string, targetId: string) => rows.filter((row) => row.action === action && row.targetId === targetId);
      expect(about('USER_INVITED', member.userId)).toHaveLength(1);
      expect(about('LOGIN_SUCCEEDED', member.userId)).toHaveLength(1);
      expect(about('LOGIN_FAILED', member.userId)).toEqual([expect.objectContaining({ actorId: member.userId, tenantId })]);
      expect(about('MEMBER_ROLE_CHANGED', member.userId)).toHaveLength(1);
      expect(about('API_CLIENT_CREATED', clientId)).toHaveLength(1);
      expect(about('API_CLIENT_REVOKED', clientId)).toHaveLength(1);
      for (const row of rows) {
        expect(row.tenantId).toBe(tenantId);
        expect(row.address).not.toBe('');
        expect(row.requestId).not.toBe('');
      }
      const roleChange = about('MEMBER_ROLE_CHANGED', member.userId)[0]!;
      expect(roleChange.actorId).not.toBe(member.userId);

      const otherRows = (await farmiq.as(otherAdmin.accessToken)(AUDIT)).data!.auditLog.nodes as Row[];
      expect(otherRows.some((row) => row.tenantId === tenantId || row.targetId === member.userId)).toBe(false);
      const platformRows = (await farmiq.as((await loginAsPlatformAdmin(farmiq)).accessToken)(AUDIT)).data!.auditLog.nodes as Row[];
      expect(platformRows.some((row) => row.action === 'API_CLIENT_REVOKED' && row.targetId === clientId)).toBe(true);
      const viewer = await login(farmiq, { email: member.email, password: member.password });
      expect(errorCode(await farmiq.as(viewer.accessToken)(AUDIT))).toBe('FORBIDDEN');

      const csv = await farmiq.as(admin.accessToken)('query ($s: DateTime!, $u: DateTime!) { auditLogCsv(since: $s, until: $u) }', {
        s: new Date(Date.now() - 3_600_000).toISOString(),
        u: new Date(Date.now() + 60_000).toISOString(),
      });
      const lines = (csv.data!.auditLogCsv as string).trim().split('\r\n');
      expect(lines[0]).toBe('at,action,actorId,actorKind,tenantId,targetType,targetId,address,requestId,detail');
      expect(lines.filter((line) => line.includes('"API_CLIENT_REVOKED"') && line.includes(clientId))).toHaveLength(1);
      expect(lines.length - 1).toBe(rows.length + 1); // the CSV holds every record, the viewer's login too
    });

    it('records device and billing actions once each, through the outbox, for that tenant only', async () => {
      const { tenantId, admin } = await tenantWithAdmin(farmiq, 'Audited Devices Farm');
      const { admin: otherAdmin } = await tenantWithAdmin(farmiq, 'Quiet Neighbour Farm');
      const api = farmiq.as(admin.accessToken);
      const adminId = (await api('{ me { user { id } } }')).data!.me.user.id as string;
      const platform = await loginAsPlatformAdmin(farmiq, tenantId);
      const platformId = JSON.parse(Buffer.from(platform.accessToken.split('.')[1]!, 'base64url').toString()).sub as string;
      const farmId = (await api('mutation { createFarm(input: { name: "Audit North", timeZone: "UTC" }) { id } }')).data!.createFarm.id as string;
      const barnId = (await api('mutation ($f: ID!) { createBarn(input: { farmId: $f, name: "A1", species: PIG, capacityHead: 10 }) { id } }', { f: farmId }))
        .data!.createBarn.id as string;
      const serial = `AUD-${Date.now()}`;
      const label = (
        await farmiq.as(platform.accessToken)(
          'mutation ($s: String!) { registerDevices(input: { devices: [{ serialNumber: $s, kind: CLIMATE }] }) { device { id } claimLink } }',
          { s: serial },
        )
      ).data!.registerDevices[0];
      const deviceId = label.device.id as string;
      const steps = [
        await api('mutation ($l: String) { claimDevice(input: { claimLink: $l }) { id } }', { l: label.claimLink }),
        await api('mutation ($d: ID!, $b: ID!) { activateDevice(input: { deviceId: $d, barnId: $b, name: "Climate" }) { mqttPassword } }', {
          d: deviceId,
          b: barnId,
        }),
        await api('mutation ($d: ID!) { rotateDeviceCredentials(input: { deviceId: $d }) { mqttPassword } }', { d: deviceId }),
        await api('mutation ($d: ID!) { revokeDevice(deviceId: $d) { id } }', { d: deviceId }),
      ];
      const gateway = await api('mutation ($f: ID!) { registerEdgeGateway(input: { farmId: $f, name: "Edge" }) { gateway { id } } }', { f: farmId });
      const gatewayId = gateway.data!.registerEdgeGateway.gateway.id as string;
      steps.push(
        gateway,
        await api('mutation ($g: ID!) { rotateEdgeGatewayKey(input: { gatewayId: $g }) { keyId } }', { g: gatewayId }),
        await api('mutation ($g: ID!) { revokeEdgeGateway(gatewayId: $g) { id } }', { g: gatewayId }),
        await api('mutation { setBillingProfile(input: { country: "SG", currency: "USD" }) { country } }'),
      );
      const subscribed = await api('mutation { subscribe(input: { plan: STARTER, idempotencyKey: "audit-start" }) { id invoices { id } } }');
      const subscriptionId = subscribed.data!.subscribe.id as string;
      steps.push(subscribed, await api('mutation { changePlan(input: { plan: PROFESSIONAL, idempotencyKey: "audit-up" }) { subscription { id } } }'));
      const paid = await farmiq.as(platform.accessToken)(
        'mutation ($i: ID!) { recordPayment(input: { invoiceId: $i, amountMinor: 500, currency: "USD", reference: "audit-pay" }) { id } }',
        { i: subscribed.data!.subscribe.invoices[0].id },
      );
      const paymentId = paid.data!.recordPayment.id as string;
      const refunded = await farmiq.as(platform.accessToken)(
        'mutation ($p: ID!) { refundPayment(input: { paymentId: $p, amountMinor: 200, reference: "audit-refund" }) { id } }',
        { p: paymentId },
      );
      steps.push(
        paid,
        refunded,
        await api('mutation { cancelSubscription(input: { atPeriodEnd: true, idempotencyKey: "audit-stop" }) { subscription { id } } }'),
      );
      expect(steps.map((step) => step.errors)).toEqual(steps.map(() => undefined));

      const expected = [
        ['DEVICE_CLAIMED', deviceId, adminId],
        ['DEVICE_ACTIVATED', deviceId, adminId],
        ['DEVICE_CREDENTIALS_ROTATED', deviceId, adminId],
        ['DEVICE_REVOKED', deviceId, adminId],
        ['EDGE_GATEWAY_REGISTERED', gatewayId, adminId],
        ['EDGE_GATEWAY_KEY_ROTATED', gatewayId, adminId],
        ['EDGE_GATEWAY_REVOKED', gatewayId, adminId],
        ['SUBSCRIPTION_STARTED', subscriptionId, adminId],
        ['PLAN_CHANGED', subscriptionId, adminId],
        ['PAYMENT_RECORDED', paymentId, platformId],
        ['PAYMENT_REFUNDED', refunded.data!.refundPayment.id, platformId],
        ['SUBSCRIPTION_CANCEL_SCHEDULED', subscriptionId, adminId],
      ];
      const audited = new Set(expected.map(([action]) => action));
      // Identity applies the outbox events as they commit: give its consumer a moment on a busy machine.
      let rows: Row[] = [];
      for (const deadline = Date.now() + 15_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
        rows = ((await api(AUDIT)).data!.auditLog.nodes as Row[]).filter((row) => audited.has(row.action));
        if (rows.length >= expected.length) break;
      }
      // Each action exactly once, with its target and actor (billing stamps whole seconds, so the order within a second is not the call order).
      const byAction = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
      expect(rows.map((row) => [row.action, row.targetId, row.actorId]).sort(byAction)).toEqual([...expected].sort(byAction));
      for (const row of rows) {
        expect(row.tenantId).toBe(tenantId);
        expect(row.address).not.toBe('');
        expect(row.requestId).not.toBe('');
      }
      const others = (await farmiq.as(otherAdmin.accessToken)(AUDIT)).data!.auditLog.nodes as Row[];
      expect(others.filter((row) => audited.has(row.action))).toEqual([]);
      const csv = await api('query ($s: DateTime!, $u: DateTime!) { auditLogCsv(since: $s, until: $u) }', {
        s: new Date(Date.now() - 3_600_000).toISOString(),
        u: new Date(Date.now() + 60_000).toISOString(),
      });
      for (const [action, targetId] of expected) {
        expect((csv.data!.auditLogCsv as string).split('\r\n').filter((line) => line.includes(`"${action}"`) && line.includes(targetId!))).toHaveLength(1);
      }
    });
  });
});
