import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decoded, linkToken, startMailbox } from './support/mailbox';
import { backends } from './support/postgres';
import { inviteAndLogIn, login, ownPassword, tenantWithAdmin } from './support/sessions';
import { errorCode, startTestSystem, type TestSystem } from './support/testSystem';
import { waitFor } from './support/waitFor';

/** Waits until `condition` holds (waitFor retries until its check stops throwing). */
const until = (condition: () => boolean, what: string) =>
  waitFor(() => {
    if (!condition()) throw new Error(`still waiting: ${what}`);
  }, 20_000);

const REQUEST_RESET = 'mutation ($email: String!) { requestPasswordReset(email: $email) }';
const RESET = 'mutation ($token: String!, $password: String!) { resetPassword(token: $token, newPassword: $password) }';
const ACCEPT = 'mutation ($token: String!, $password: String!) { acceptInvitation(token: $token, newPassword: $password) }';
const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }';

describe.each(backends())('account emails over SMTP on %s', (backend) => {
  let farmiq: TestSystem;
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;

  beforeAll(async () => {
    mailbox = await startMailbox();
    farmiq = await startTestSystem(backend, { SMTP_URL: mailbox.url, FARMIQ_PUBLIC_URL: 'https://farm.example.test' });
  });
  afterAll(async () => {
    await farmiq?.stop();
    await mailbox?.close();
  });

  const mailTo = async (email: string) => {
    await until(() => mailbox.received.some((mail) => mail.to.includes(email)), `mail to ${email}`);
    return mailbox.received.filter((mail) => mail.to.includes(email)).at(-1)!;
  };

  it('sends a reset link that works once, after which the new password logs in and the old one does not', async () => {
    const { tenantId, admin } = await tenantWithAdmin(farmiq, 'Reset Farm');
    const user = await inviteAndLogIn(farmiq, admin.accessToken, tenantId, 'OPERATOR');
    expect(await farmiq.graphql(REQUEST_RESET, { email: user.email.toUpperCase() })).toEqual({ data: { requestPasswordReset: true } });
    const mail = await mailTo(user.email);
    expect(decoded(mail.raw)).toContain('https://farm.example.test/reset-password?token=');
    const token = linkToken(mail, 'reset-password')!;
    // The database keeps only the token's hash.
    expect(await farmiq.system.database!.prisma.accountLink.count({ where: { tokenHash: token } })).toBe(0);
    // A weak password does not burn the link.
    expect(errorCode(await farmiq.graphql(RESET, { token, password: 'short' }))).toBe('BAD_USER_INPUT');
    const next = ownPassword();
    expect(await farmiq.graphql(RESET, { token, password: next })).toEqual({ data: { resetPassword: true } });
    // Every session of the user ended with the reset.
    expect(errorCode(await farmiq.as(user.accessToken)('{ me { roles } }'))).toBe('UNAUTHENTICATED');
    await login(farmiq, { email: user.email, password: next });
    expect(errorCode(await farmiq.graphql(LOGIN, { input: { email: user.email, password: user.password } }))).toBe('UNAUTHENTICATED');
    const again = await farmiq.graphql(RESET, { token, password: ownPassword() });
    expect(again.errors?.[0]).toMatchObject({ message: expect.stringMatching(/invalid, expired or already used/), extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('refuses a reset link once expired, and once the password changed after it was sent', async () => {
    const { tenantId, admin } = await tenantWithAdmin(farmiq, 'Stale Link Farm');
    const user = await inviteAndLogIn(farmiq, admin.accessToken, tenantId, 'VIEWER');
    await farmiq.graphql(REQUEST_RESET, { email: user.email });
    const token = linkToken(await mailTo(user.email), 'reset-password')!;
    const next = ownPassword();
    await farmiq.as(user.accessToken)('mutation ($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }', {
      c: user.password,
      n: next,
    });
    expect(errorCode(await farmiq.graphql(RESET, { token, password: ownPassword() }))).toBe('BAD_USER_INPUT');

    const sent = mailbox.received.length;
    await farmiq.graphql(REQUEST_RESET, { email: user.email });
    await until(() => mailbox.received.length > sent, 'a second reset mail');
    const fresh = linkToken(mailbox.received.at(-1)!, 'reset-password')!;
    const db = farmiq.system.database!.prisma;
    await db.accountLink.updateMany({ where: { userId: user.userId, usedAt: null }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect(errorCode(await farmiq.graphql(RESET, { token: fresh, password: ownPassword() }))).toBe('BAD_USER_INPUT');
    await login(farmiq, { email: user.email, password: next });
  });

  it('answers an unknown address exactly like a known one, in the same time band, and mails nobody', async () => {
    const { tenantId, admin } = await tenantWithAdmin(farmiq, 'Timing Farm');
    const known = await inviteAndLogIn(farmiq, admin.accessToken, tenantId, 'VIEWER');
    const unknown = `nobody-${Date.now()}@timing.test`;
    const timings: Record<'known' | 'unknown', number[]> = { known: [], unknown: [] };
    for (let round = 0; round < 3; round += 1) {
      for (const [kind, email] of [
        ['known', known.email],
        ['unknown', unknown],
      ] as const) {
        const started = performance.now();
        const answer = await farmiq.graphql(REQUEST_RESET, { email });
        timings[kind].push(performance.now() - started);
        expect(answer).toEqual({ data: { requestPasswordReset: true } });
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[1]!;
    // The account lookup and the sending happen after the answer, so both answer in the same band.
    expect(Math.abs(median(timings.known) - median(timings.unknown))).toBeLessThan(100);
    await mailTo(known.email);
    expect(mailbox.received.some((mail) => mail.to.includes(unknown))).toBe(false);
    // Three requests for one address in 15 minutes, known or not; the fourth is refused alike.
    for (const email of [known.email, unknown]) {
      const limited = await farmiq.graphql(REQUEST_RESET, { email });
      expect(errorCode(limited)).toBe('RATE_LIMITED');
    }
  });

  it('invites by an emailed link that sets the first password, once', async () => {
    const { tenantId, admin } = await tenantWithAdmin(farmiq, 'Invitation Farm');
    const email = `invited-${Date.now()}@invitation.test`;
    const sent = await farmiq.as(admin.accessToken)('mutation ($input: InviteUserInput!) { sendInvitation(input: $input) { email mustChangePassword } }', {
      input: { email, role: 'FARM_MANAGER', tenantId },
    });
    expect(sent).toEqual({ data: { sendInvitation: { email, mustChangePassword: true } } });
    const mail = await mailTo(email);
    expect(decoded(mail.raw)).toContain('Invitation Farm');
    const token = linkToken(mail, 'accept-invitation')!;
    const password = ownPassword();
    expect(errorCode(await farmiq.graphql(RESET, { token, password }))).toBe('BAD_USER_INPUT'); // not a reset link
    expect(await farmiq.graphql(ACCEPT, { token, password })).toEqual({ data: { acceptInvitation: true } });
    const session = await login(farmiq, { email, password });
    expect((await farmiq.as(session.accessToken)('{ me { roles tenant { id } } }')).data!.me).toEqual({ roles: ['FARM_MANAGER'], tenant: { id: tenantId } });
    expect(errorCode(await farmiq.graphql(ACCEPT, { token, password: ownPassword() }))).toBe('BAD_USER_INPUT');
    // A farm manager sends no invitations.
    expect(errorCode(await farmiq.as(session.accessToken)('mutation { sendInvitation(input: { email: "z@invitation.test", role: VIEWER }) { id } }'))).toBe(
      'FORBIDDEN',
    );
  });
});

describe('account emails in development without SMTP_URL', () => {
  it('are written to the data folder as .eml files, with a working link', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-mail-'));
    const farmiq = await startTestSystem('pglite', { FARMIQ_DATA_DIR: dataDir });
    try {
      const { tenantId, admin } = await tenantWithAdmin(farmiq, 'Folder Mail Farm');
      const user = await inviteAndLogIn(farmiq, admin.accessToken, tenantId, 'VIEWER');
      await farmiq.graphql(REQUEST_RESET, { email: user.email });
      const folder = path.join(dataDir, 'mail');
      await until(() => fs.existsSync(folder) && fs.readdirSync(folder).some((name) => name.endsWith('.eml')), 'a mail file');
      const [file] = fs.readdirSync(folder);
      const raw = fs.readFileSync(path.join(folder, file!), 'utf8');
      expect(raw).toContain(`To: ${user.email}`);
      const token = linkToken({ to: [user.email], raw }, 'reset-password')!;
      expect(await farmiq.graphql(RESET, { token, password: ownPassword() })).toEqual({ data: { resetPassword: true } });
    } finally {
      await farmiq.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
