import { createHash } from 'node:crypto';
import Redis from 'ioredis';
import { REDIS_URL_ENV } from './support/globalSetup';
import { backends } from './support/postgres';
import { inviteAndLogIn, login, loginAsPlatformAdmin, ownPassword, tenantWithAdmin } from './support/sessions';
import { errorCode, startTestSystem, TEST_ADMIN, type TestSystem } from './support/testSystem';

const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { accessToken refreshToken viewer { roles tenant { id } } } }`;
const REFRESH = `mutation ($token: String) { refreshSession(refreshToken: $token) { accessToken refreshToken } }`;
const ME = `{ me { roles user { email mustChangePassword } tenant { id name } } }`;

describe.each(backends())('identity on %s', (backend) => {
  let farmiq: TestSystem;

  beforeAll(async () => {
    farmiq = await startTestSystem(backend);
  });
  afterAll(async () => {
    await farmiq?.stop();
  });

  describe('login', () => {
    it('gives a tenant admin a session acting for its tenant with its role', async () => {
      const { tenantId, admin } = await tenantWithAdmin(farmiq, 'Login Farms');
      const me = await farmiq.as(admin.accessToken)(ME);
      expect(me.data!.me).toEqual({
        roles: ['TENANT_ADMIN'],
        user: { email: admin.email, mustChangePassword: false },
        tenant: { id: tenantId, name: 'Login Farms' },
      });
    });

    it('answers a wrong password and an unknown email alike, without a session', async () => {
      const wrong = await farmiq.graphql(LOGIN, { input: { email: TEST_ADMIN.email, password: 'not the password at all' } });
      const unknown = await farmiq.graphql(LOGIN, { input: { email: 'nobody-here@farm.test', password: 'not the password at all' } });
      for (const result of [wrong, unknown]) {
        expect(result.data ?? null).toBeNull();
        expect(result.errors?.[0]).toMatchObject({ message: 'Wrong email or password', extensions: { code: 'UNAUTHENTICATED' } });
      }
    });

    it('refuses to act for a tenant the user does not belong to', async () => {
      const { admin } = await tenantWithAdmin(farmiq, 'Home Farm');
      const { tenantId: foreign } = await tenantWithAdmin(farmiq, 'Neighbour Farm');
      const result = await farmiq.graphql(LOGIN, { input: { email: admin.email, password: admin.password, tenantId: foreign } });
      expect(errorCode(result)).toBe('FORBIDDEN');
    });

    it('makes the sixth failure in 15 minutes RATE_LIMITED, with the seconds to wait, even with the right password', async () => {
      const { admin } = await tenantWithAdmin(farmiq, 'Locked Farm');
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        expect(errorCode(await farmiq.graphql(LOGIN, { input: { email: admin.email, password: `wrong guess ${attempt} xx` } }))).toBe('UNAUTHENTICATED');
      }
      const sixth = await farmiq.graphql(LOGIN, { input: { email: admin.email, password: admin.password } });
      expect(errorCode(sixth)).toBe('RATE_LIMITED');
      expect(sixth.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(800);
      expect(sixth.errors?.[0]?.extensions?.retryAfterSeconds).toBeLessThanOrEqual(900);
    });

    it('holds the limit across aliases: a document of many attempts counts each one that ran', async () => {
      const { admin } = await tenantWithAdmin(farmiq, 'Alias Farm');
      const guesses = (count: number) =>
        `mutation { ${Array.from({ length: count }, (_, i) => `a${i}: login(input: { email: "${admin.email}", password: "guess number ${i} xx" }) { accessToken }`).join(' ')} }`;
      // 16 aliases: refused at the edge before any attempt runs.
      expect(errorCode(await farmiq.graphql(guesses(16)))).toBe('GRAPHQL_VALIDATION_FAILED');
      // 15 aliases run one after another; the first failure ends the document (login is non-null).
      const many = await farmiq.graphql(guesses(15));
      expect(many.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      for (let attempt = 2; attempt <= 5; attempt += 1) {
        expect(errorCode(await farmiq.graphql(guesses(15)))).toBe('UNAUTHENTICATED');
      }
      expect(errorCode(await farmiq.graphql(guesses(15)))).toBe('RATE_LIMITED');
      expect(errorCode(await farmiq.graphql(LOGIN, { input: { email: admin.email, password: admin.password } }))).toBe('RATE_LIMITED');
    });
  });

  describe('temporary passwords and invitations', () => {
    it('require a new password at first login that passes the policy, after which the temporary one is dead', async () => {
      const { tenantId, admin } = await tenantWithAdmin(farmiq, 'Invite Farm');
      const invited = await farmiq.as(admin.accessToken)(
        `mutation ($tenantId: ID) { inviteUser(input: { email: "Operator.One@Invite.test", role: OPERATOR, tenantId: $tenantId }) { user { email mustChangePassword } temporaryPassword } }`,
        { tenantId },
      );
      const { user, temporaryPassword } = invited.data!.inviteUser;
      expect(user).toEqual({ email: 'operator.one@invite.test', mustChangePassword: true });
      expect(Buffer.from(temporaryPassword, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
      const email = 'operator.one@invite.test';
      expect(errorCode(await farmiq.graphql(LOGIN, { input: { email, password: temporaryPassword } }))).toBe('PASSWORD_CHANGE_REQUIRED');
      for (const [weak, reason] of [
        ['short pass', 'at least 12'],
        ['operator.one@invite.test!', 'email'],
        ['password1234', 'too common'],
      ]) {
        const refused = await farmiq.graphql(LOGIN, { input: { email, password: temporaryPassword, newPassword: weak } });
        expect(errorCode(refused)).toBe('BAD_USER_INPUT');
        expect(refused.errors?.[0]?.message).toContain(reason);
      }
      const chosen = ownPassword();
      const session = await login(farmiq, { email, password: temporaryPassword, newPassword: chosen });
      expect((await farmiq.as(session.accessToken)(ME)).data!.me.roles).toEqual(['OPERATOR']);
      expect(errorCode(await farmiq.graphql(LOGIN, { input: { email, password: temporaryPassword } }))).toBe('UNAUTHENTICATED');
    });

    it('let a tenant admin invite into its own tenant only, and only as a tenant role', async () => {
      const { admin } = await tenantWithAdmin(farmiq, 'Own Farm');
      const { tenantId: foreign } = await tenantWithAdmin(farmiq, 'Other Farm');
      const invite = (input: Record<string, unknown>) =>
        farmiq.as(admin.accessToken)(`mutation ($input: InviteUserInput!) { inviteUser(input: $input) { temporaryPassword } }`, { input });
      expect(errorCode(await invite({ email: 'x1@own.test', role: 'VIEWER', tenantId: foreign }))).toBe('NOT_FOUND');
      expect(errorCode(await invite({ email: 'x2@own.test', role: 'PLATFORM_ADMIN' }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await invite({ email: admin.email, role: 'VIEWER' }))).toBe('CONFLICT');
    });

    it('refuse look-alikes of an existing address (fullwidth, Cyrillic, rn for m) and addresses that are not addresses', async () => {
      const { admin } = await tenantWithAdmin(farmiq, 'Look-alike Farm');
      const invite = (email: string) =>
        farmiq.as(admin.accessToken)(`mutation ($input: InviteUserInput!) { inviteUser(input: $input) { user { email } } }`, {
          input: { email, role: 'VIEWER' },
        });
      expect((await invite('mary.kane@lookalike.test')).data?.inviteUser.user.email).toBe('mary.kane@lookalike.test');
      expect(errorCode(await invite('ｍａｒｙ.kane@lookalike.test'))).toBe('CONFLICT');
      expect(errorCode(await invite('m\u0430ry.kane@lookalike.test'))).toBe('CONFLICT');
      expect(errorCode(await invite('rnary.kane@lookalike.test'))).toBe('CONFLICT');
      expect(errorCode(await invite('mary.kane@l\u043Eokalike.test'))).toBe('CONFLICT');
      expect(errorCode(await invite('<script>alert(1)</script>@x.example'))).toBe('BAD_USER_INPUT');
      // A plainly different address is fine, and a fullwidth one is stored as its plain form.
      expect((await invite('ＭＡＲＹ.KANE2@LOOKALIKE.TEST')).data?.inviteUser.user.email).toBe('mary.kane2@lookalike.test');
      const db = farmiq.system.database!.prisma;
      expect(await db.userAccount.count({ where: { email: { contains: 'lookalike' } } })).toBe(2);
    });

    it('let exactly one of two look-alike invitations sent at once succeed', async () => {
      const { admin } = await tenantWithAdmin(farmiq, 'Racing Farm');
      const { admin: otherAdmin } = await tenantWithAdmin(farmiq, 'Racing Neighbour');
      const invite = (token: string, email: string) =>
        farmiq.as(token)(`mutation ($input: InviteUserInput!) { inviteUser(input: $input) { user { email } } }`, { input: { email, role: 'VIEWER' } });
      for (let round = 0; round < 3; round += 1) {
        // Latin and Cyrillic а, from two tenants (look-alikes are refused across tenants too).
        const answers = await Promise.all([
          invite(admin.accessToken, `race${round}.kane@racing.test`),
          invite(otherAdmin.accessToken, `rаce${round}.kane@racing.test`),
        ]);
        expect(answers.map((answer) => errorCode(answer) ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
        expect(answers.find((answer) => answer.errors)!.errors![0]!.message).toMatch(/looks like the address of an existing user/);
      }
      const db = farmiq.system.database!.prisma;
      expect(await db.userAccount.count({ where: { email: { endsWith: '.kane@racing.test' } } })).toBe(3);
    });

    it('do not let a farm manager invite anyone', async () => {
      const { tenantId, admin } = await tenantWithAdmin(farmiq, 'Manager Farm');
      const manager = await inviteAndLogIn(farmiq, admin.accessToken, tenantId, 'FARM_MANAGER');
      const result = await farmiq.as(manager.accessToken)(`mutation { inviteUser(input: { email: "y@m.test", role: VIEWER }) { temporaryPassword } }`);
      expect(errorCode(result)).toBe('FORBIDDEN');
    });

    it('let a user change its password, which ends its other sessions', async () => {
      const { admin } = await tenantWithAdmin(farmiq, 'Change Farm');
      const next = ownPassword();
      const changed = await farmiq.as(admin.accessToken)(
        `mutation ($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) }`,
        {
          current: admin.password,
          next,
        },
      );
      expect(changed).toEqual({ data: { changePassword: true } });
      expect(errorCode(await farmiq.graphql(REFRESH, { token: admin.refreshToken }))).toBe('UNAUTHENTICATED');
      await login(farmiq, { email: admin.email, password: next });
    });
  });

  describe('refresh tokens', () => {
    it('are spent on use and replaced by a new pair', async () => {
      const { admin } = await tenantWithAdmin(farmiq, 'Refresh Farm');
      const refreshed = await farmiq.graphql(REFRESH, { token: admin.refreshToken });
      const next = refreshed.data!.refreshSession;
      expect(next.refreshToken).not.toBe(admin.refreshToken);
      expect((await farmiq.as(next.accessToken)(ME)).data!.me.roles).toEqual(['TENANT_ADMIN']);
      expect(errorCode(await farmiq.graphql(REFRESH, { token: admin.refreshToken }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await farmiq.graphql(REFRESH, { token: next.refreshToken }))).toBeUndefined();
    });

    it('let exactly one of two concurrent refreshes with one token win, and the winner keeps its session', async () => {
      const { admin } = await tenantWithAdmin(farmiq, 'Race Farm');
      const results = await Promise.all([1, 2].map(() => farmiq.graphql(REFRESH, { token: admin.refreshToken })));
      const winners = results.filter((result) => !result.errors);
      expect(winners).toHaveLength(1);
      expect(results.map(errorCode).filter(Boolean)).toEqual(['UNAUTHENTICATED']);
      expect(errorCode(await farmiq.graphql(REFRESH, { token: winners[0]!.data!.refreshSession.refreshToken }))).toBeUndefined();
    });

    it('refuse an access token offered as a refresh token', async () => {
      const { admin } = await tenantWithAdmin(farmiq, 'Swap Farm');
      expect(errorCode(await farmiq.graphql(REFRESH, { token: admin.accessToken }))).toBe('UNAUTHENTICATED');
    });

    it('end with logout', async () => {
      const { admin } = await tenantWithAdmin(farmiq, 'Logout Farm');
      expect(await farmiq.graphql(`mutation ($token: String) { logout(refreshToken: $token) }`, { token: admin.refreshToken })).toEqual({
        data: { logout: true },
      });
      expect(errorCode(await farmiq.graphql(REFRESH, { token: admin.refreshToken }))).toBe('UNAUTHENTICATED');
    });

    it('are stored only as hashes', async () => {
      const { admin } = await tenantWithAdmin(farmiq, 'Hash Farm');
      const db = farmiq.system.database!.prisma;
      expect(await db.refreshToken.count({ where: { tokenHash: admin.refreshToken } })).toBe(0);
      expect(await db.refreshToken.count({ where: { tokenHash: createHash('sha256').update(admin.refreshToken).digest('hex') } })).toBe(1);
    });
  });

  describe('access tokens at the edge', () => {
    it('are refused by the gateway with 401 when forged', async () => {
      const { admin } = await tenantWithAdmin(farmiq, 'Forge Farm');
      const [header, payload, signature] = admin.accessToken.split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
      const forgedPayload = Buffer.from(JSON.stringify({ ...claims, roles: ['PLATFORM_ADMIN'] })).toString('base64url');
      const response = await fetch(farmiq.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${header}.${forgedPayload}.${signature}` },
        body: JSON.stringify({ query: ME }),
      });
      expect(response.status).toBe(401);
      expect(errorCode((await response.json()) as never)).toBe('UNAUTHENTICATED');
    });

    it('are verified again by each subgraph, which refuses a caller that skips the gateway without one', async () => {
      const devices = `http://127.0.0.1:${farmiq.system.ports.devices}/graphql`;
      const anonymous = await fetch(devices, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ farm(id: "00000000-0000-4000-8000-000000000000") { name } }' }),
      });
      expect(errorCode((await anonymous.json()) as never)).toBe('UNAUTHENTICATED');
      const forged = await fetch(devices, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(forged.status).toBe(401);
    });

    it('publish the public keys as JWKS on the gateway port', async () => {
      const response = await fetch(new URL('/.well-known/jwks.json', farmiq.gatewayUrl));
      const jwks = (await response.json()) as { keys: Array<Record<string, string>> };
      expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
      expect(jwks.keys[0]!.d).toBeUndefined();
    });
  });

  it('lets only a platform admin create tenants', async () => {
    const { admin } = await tenantWithAdmin(farmiq, 'Ambitious Farm');
    expect(errorCode(await farmiq.as(admin.accessToken)(`mutation { createTenant(input: { name: "Mine" }) { id } }`))).toBe('FORBIDDEN');
    expect(errorCode(await farmiq.graphql(`mutation { createTenant(input: { name: "Mine" }) { id } }`))).toBe('UNAUTHENTICATED');
    const platform = await loginAsPlatformAdmin(farmiq);
    expect(errorCode(await farmiq.as(platform.accessToken)(`mutation { createTenant(input: { name: "Granted" }) { id } }`))).toBeUndefined();
  });
});

const redisUrl = process.env[REDIS_URL_ENV];
describe.each(redisUrl ? [redisUrl] : [])('login limits kept in Redis (%s)', (url) => {
  let farmiq: TestSystem;
  // The machine's Redis outlives test runs: this address's counters from earlier runs must not count.
  const forgetAddressFailures = async () => {
    const redis = new Redis(url);
    const keys = await redis.keys('farmiq:auth-failures:address:*');
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  };
  beforeAll(async () => {
    await forgetAddressFailures();
    farmiq = await startTestSystem('pglite', { REDIS_URL: url });
  });
  afterAll(async () => {
    await farmiq?.stop();
    await forgetAddressFailures();
  });

  it('count failures in Redis and refuse the sixth, not the database', async () => {
    const { admin } = await tenantWithAdmin(farmiq, 'Redis Farm');
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect(errorCode(await farmiq.graphql(LOGIN, { input: { email: admin.email, password: `wrong guess ${attempt} xx` } }))).toBe('UNAUTHENTICATED');
    }
    expect(errorCode(await farmiq.graphql(LOGIN, { input: { email: admin.email, password: admin.password } }))).toBe('RATE_LIMITED');
    expect(await farmiq.system.database!.prisma.authFailure.count()).toBe(0);
  });
});
