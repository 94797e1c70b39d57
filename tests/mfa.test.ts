import { appCode as totpCode, stepOf as totpStepAt, unusedCode as freshCode } from './support/authenticatorApp';
import { backends } from './support/postgres';
import { inviteAndLogIn, login, tenantWithAdmin, type Session } from './support/sessions';
import { errorCode, startTestSystem, type GraphQLResponse, type TestSystem } from './support/testSystem';

const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }';
const COMPLETE = `mutation ($t: String!, $code: String, $recovery: String) {
  completeMfaLogin(challengeToken: $t, totpCode: $code, recoveryCode: $recovery) { accessToken refreshToken viewer { tenant { id } } }
}`;
const START_TOTP = 'mutation ($t: String) { startTotpEnrolment(challengeToken: $t) { secret otpauthUri } }';
const CONFIRM_TOTP =
  'mutation ($code: String!, $t: String) { confirmTotpEnrolment(totpCode: $code, challengeToken: $t) { recoveryCodes session { accessToken } } }';
const AUDIT = '{ auditLog(first: 100) { nodes { action actorId targetId } } }';
const MFA = '{ me { user { mfa { totpEnabled recoveryCodesLeft } } } }';

type Person = Session & { email: string; password: string; userId: string };

const challengeOf = (result: GraphQLResponse) =>
  result.errors?.[0]?.extensions?.mfaChallenge as { token: string; expiresAt: string; methods: string[] } | undefined;

// One back-end: the real PostgreSQL where the machine has one (CI has); the database work here
// (conditional updates, BigInt steps) is the same on PGlite, which passed this file when it was written.
describe.each(backends().slice(-1))('multi-factor login on %s', (backend) => {
  let farmiq: TestSystem;

  beforeAll(async () => {
    farmiq = await startTestSystem(backend);
  });
  afterAll(async () => {
    await farmiq?.stop();
  });

  /** Enrols an authenticator app for the logged-in person; returns its secret, the steps used, and the recovery codes. */
  async function enrolTotp(person: Person) {
    const started = await farmiq.as(person.accessToken)(START_TOTP);
    const { secret, otpauthUri } = started.data!.startTotpEnrolment as { secret: string; otpauthUri: string };
    expect(otpauthUri).toContain(`secret=${secret}`);
    const used = new Set<number>();
    const confirmed = await farmiq.as(person.accessToken)(CONFIRM_TOTP, { code: freshCode(secret, used) });
    expect(confirmed.errors).toBeUndefined();
    return { secret, used, recoveryCodes: confirmed.data!.confirmTotpEnrolment.recoveryCodes as string[] };
  }

  const passwordStep = (person: Person) => farmiq.graphql(LOGIN, { input: { email: person.email, password: person.password } });

  it('refuses a session on the password alone once an authenticator is enrolled, and gives one for a fresh code, never for a replayed one', async () => {
    const { tenantId, admin } = await tenantWithAdmin(farmiq, 'TOTP Farm');
    const person = await inviteAndLogIn(farmiq, admin.accessToken, tenantId, 'FARM_MANAGER');
    const wrong = await farmiq.as(person.accessToken)(START_TOTP);
    expect(
      errorCode(
        await farmiq.as(person.accessToken)(CONFIRM_TOTP, {
          code: '000000' === totpCode(wrong.data!.startTotpEnrolment.secret, totpStepAt(new Date())) ? '111111' : '000000',
        }),
      ),
    ).toBe('BAD_USER_INPUT');
    expect((await farmiq.as(person.accessToken)(MFA)).data!.me.user.mfa).toEqual({ totpEnabled: false, recoveryCodesLeft: 0 });

    const { secret, used, recoveryCodes } = await enrolTotp(person);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect((await farmiq.as(person.accessToken)(MFA)).data!.me.user.mfa).toEqual({ totpEnabled: true, recoveryCodesLeft: 10 });
    const members = await farmiq.as(admin.accessToken)('{ members { nodes { email mfaEnabled } } }');
    expect(members.data!.members.nodes).toContainEqual({ email: person.email, mfaEnabled: true });
    // The admin sees that the member has a factor, not what it is.
    expect(errorCode(await farmiq.as(admin.accessToken)('{ members { nodes { user { mfa { totpEnabled } } } } }'))).toBe('FORBIDDEN');

    const first = await passwordStep(person);
    expect(errorCode(first)).toBe('MFA_REQUIRED');
    expect(first.data).toBeNull();
    expect(challengeOf(first)).toEqual({ token: expect.any(String), expiresAt: expect.any(String), methods: ['TOTP', 'RECOVERY_CODE'] });
    // The code that confirmed the enrolment was used: replayed within its window it is refused.
    const enrolmentCode = totpCode(secret, [...used][0]!);
    expect(errorCode(await farmiq.graphql(COMPLETE, { t: challengeOf(first)!.token, code: enrolmentCode }))).toBe('UNAUTHENTICATED');
    const code = freshCode(secret, used);
    const session = await farmiq.graphql(COMPLETE, { t: challengeOf(first)!.token, code });
    expect(session.errors).toBeUndefined();
    expect(session.data!.completeMfaLogin.viewer.tenant.id).toBe(tenantId);
    expect(errorCode(await farmiq.as(session.data!.completeMfaLogin.accessToken)('{ me { roles } }'))).toBeUndefined();
    // The challenge is spent, and the code is spent for a new login too.
    expect(errorCode(await farmiq.graphql(COMPLETE, { t: challengeOf(first)!.token, code: freshCode(secret, used) }))).toBe('UNAUTHENTICATED');
    const second = await passwordStep(person);
    expect(errorCode(await farmiq.graphql(COMPLETE, { t: challengeOf(second)!.token, code }))).toBe('UNAUTHENTICATED');

    const audit = (await farmiq.as(admin.accessToken)(AUDIT)).data!.auditLog.nodes as Array<{ action: string; targetId: string }>;
    const about = (action: string) => audit.filter((row) => row.action === action && row.targetId === person.userId);
    expect(about('MFA_ENABLED')).toHaveLength(1);
    expect(about('MFA_FAILED')).toHaveLength(2); // the replayed enrolment code and the replayed login code
    expect(about('LOGIN_SUCCEEDED')).toHaveLength(2); // the invitation's first login and the one with a code
  });

  it('lets each recovery code complete one login, and rate-limits wrong codes like passwords', async () => {
    const { tenantId, admin } = await tenantWithAdmin(farmiq, 'Recovery Farm');
    const person = await inviteAndLogIn(farmiq, admin.accessToken, tenantId, 'OPERATOR');
    const { secret, used, recoveryCodes } = await enrolTotp(person);
    const challenge = challengeOf(await passwordStep(person))!;
    // Typed in lower case with a space instead of the dash, as people do.
    const typed = recoveryCodes[3]!.toLowerCase().replace('-', ' ');
    const recovered = await farmiq.graphql(COMPLETE, { t: challenge.token, recovery: typed });
    expect(recovered.errors).toBeUndefined();
    expect((await farmiq.as(recovered.data!.completeMfaLogin.accessToken)(MFA)).data!.me.user.mfa.recoveryCodesLeft).toBe(9);
    expect(errorCode(await farmiq.graphql(COMPLETE, { t: challengeOf(await passwordStep(person))!.token, recovery: recoveryCodes[3] }))).toBe(
      'UNAUTHENTICATED',
    );
    const audit = (await farmiq.as(admin.accessToken)(AUDIT)).data!.auditLog.nodes as Array<{ action: string; targetId: string; actorId: string }>;
    expect(audit.filter((row) => row.action === 'MFA_RECOVERY_CODE_USED' && row.targetId === person.userId)).toEqual([
      expect.objectContaining({ actorId: person.userId }),
    ]);

    // One failure was counted above; four more reach the limit of five, and then even the right code is refused.
    for (let attempt = 0; attempt < 4; attempt++) {
      expect(
        errorCode(
          await farmiq.graphql(COMPLETE, {
            t: challengeOf(await passwordStep(person))!.token,
            code: '000000' === totpCode(secret, totpStepAt(new Date())) ? '111111' : '000000',
          }),
        ),
      ).toBe('UNAUTHENTICATED');
    }
    const limited = await farmiq.graphql(COMPLETE, { t: challengeOf(await passwordStep(person))!.token, code: freshCode(secret, used) });
    expect(errorCode(limited)).toBe('RATE_LIMITED');
  });

  it('makes a member of a tenant that requires MFA enrol at its next login, and completes that login with the enrolment', async () => {
    const { tenantId, admin } = await tenantWithAdmin(farmiq, 'Strict Farm');
    const person = await inviteAndLogIn(farmiq, admin.accessToken, tenantId, 'VIEWER');
    expect(errorCode(await farmiq.as(person.accessToken)('mutation { setTenantMfaRequired(required: true) { requireMfa } }'))).toBe('FORBIDDEN');
    const set = await farmiq.as(admin.accessToken)('mutation { setTenantMfaRequired(required: true) { id requireMfa } }');
    expect(set.data!.setTenantMfaRequired).toEqual({ id: tenantId, requireMfa: true });

    const refused = await passwordStep(person);
    expect(errorCode(refused)).toBe('MFA_ENROLMENT_REQUIRED');
    const challenge = challengeOf(refused)!;
    expect(challenge.methods).toEqual(['TOTP']);
    // The enrolment challenge is not a login challenge: no code completes it.
    expect(errorCode(await farmiq.graphql(COMPLETE, { t: challenge.token, code: '123456' }))).toBe('UNAUTHENTICATED');
    const started = await farmiq.graphql(START_TOTP, { t: challenge.token });
    const secret = started.data!.startTotpEnrolment.secret as string;
    const used = new Set<number>();
    const enrolled = await farmiq.graphql(CONFIRM_TOTP, { code: freshCode(secret, used), t: challenge.token });
    expect(enrolled.errors).toBeUndefined();
    expect(enrolled.data!.confirmTotpEnrolment.recoveryCodes).toHaveLength(10);
    const token = enrolled.data!.confirmTotpEnrolment.session.accessToken as string;
    expect((await farmiq.as(token)('{ me { tenant { id } } }')).data!.me.tenant.id).toBe(tenantId);
    // From now on the login asks for the code.
    expect(errorCode(await passwordStep(person))).toBe('MFA_REQUIRED');
    // Without a token nobody can enrol anybody.
    expect(errorCode(await farmiq.graphql(START_TOTP))).toBe('UNAUTHENTICATED');
    const audit = (await farmiq.as(admin.accessToken)(AUDIT)).data!.auditLog.nodes as Array<{ action: string; targetId: string }>;
    expect(audit.filter((row) => row.action === 'TENANT_MFA_REQUIREMENT_CHANGED' && row.targetId === tenantId)).toHaveLength(1);
  });

  it('disables the authenticator only with the password and a current code', async () => {
    const { tenantId, admin } = await tenantWithAdmin(farmiq, 'Disable Farm');
    const person = await inviteAndLogIn(farmiq, admin.accessToken, tenantId, 'OPERATOR');
    const { secret, used } = await enrolTotp(person);
    const DISABLE = 'mutation ($p: String!, $c: String!) { disableTotp(password: $p, code: $c) }';
    expect(errorCode(await farmiq.as(person.accessToken)(DISABLE, { p: 'not my password at all', c: totpCode(secret, totpStepAt(new Date())) }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(errorCode(await farmiq.as(person.accessToken)(DISABLE, { p: person.password, c: totpCode(secret, [...used][0]!) }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await passwordStep(person))).toBe('MFA_REQUIRED');
    const disabled = await farmiq.as(person.accessToken)(DISABLE, { p: person.password, c: freshCode(secret, used) });
    expect(disabled.data).toEqual({ disableTotp: true });
    expect((await farmiq.as(person.accessToken)(MFA)).data!.me.user.mfa).toEqual({ totpEnabled: false, recoveryCodesLeft: 0 });
    await login(farmiq, { email: person.email, password: person.password });
    const audit = (await farmiq.as(admin.accessToken)(AUDIT)).data!.auditLog.nodes as Array<{ action: string; targetId: string }>;
    expect(audit.filter((row) => row.action === 'MFA_DISABLED' && row.targetId === person.userId)).toHaveLength(1);
  });
});
