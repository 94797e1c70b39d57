/**
 * One-time links by email: a password reset and an invitation to set a first password. The
 * token (256 bits) travels only in the email; the database keeps its SHA-256. A link is spent
 * once (an atomic conditional update), expires, and dies with any password change made after it
 * was sent. Asking for a reset answers the same, equally fast, whether or not the address has an
 * account: the lookup and the sending happen after the answer.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Principal } from '../../lib/auth/principal';
import { checkPasswordPolicy, hashPassword } from '../../lib/auth/password';
import type { AccountLinkPurpose, PrismaClient, UserAccount } from '../../lib/db/generated/client';
import { ErrorCode, badInput, userError } from '../../lib/errors';
import type { SubgraphContext } from '../../lib/graphql/context';
import { assertNotRateLimited, recordFailure } from '../../lib/rateLimit/slidingWindow';
import type { InviteUserInput } from './__generated__/resolvers-types';
import { normalizeEmail } from './email';
import { inviteUser } from './invitations';
import { addressKey } from './rateLimit';
import { endUserSessions } from './sessionRevocation';
import type { IdentityDependencies } from './sessions';
import { recordAudit } from './audit/auditLog';

export const PASSWORD_RESET_TTL_MS = 30 * 60 * 1000;
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** Reset requests per address (email) and per client address in the limiter's 15-minute window. */
export const MAX_RESET_REQUESTS_PER_ACCOUNT = 3;
export const MAX_RESET_REQUESTS_PER_ADDRESS = 20;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const resetKey = (email: string) => `reset:${email}`;

async function createLink(db: PrismaClient, userId: string, purpose: AccountLinkPurpose, ttlMs: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.accountLink.create({ data: { userId, purpose, tokenHash: hashOf(token), expiresAt: new Date(Date.now() + ttlMs) } });
  return token;
}

const linkUrl = (publicUrl: string, page: string, token: string) => `${publicUrl}/${page}?token=${token}`;

/**
 * Always answers true after the rate limits: every request counts toward them, for known and
 * unknown addresses alike, so neither the answer nor the limit tells which exist.
 */
export async function requestPasswordReset(ctx: SubgraphContext, deps: IdentityDependencies, rawEmail: string): Promise<boolean> {
  const email = normalizeEmail(rawEmail);
  const keys = [resetKey(email), `reset-${addressKey(ctx.clientAddress)}`];
  await assertNotRateLimited(deps.rateLimits, [
    { key: keys[0]!, max: MAX_RESET_REQUESTS_PER_ACCOUNT },
    { key: keys[1]!, max: MAX_RESET_REQUESTS_PER_ADDRESS },
  ]);
  await recordFailure(deps.rateLimits, keys);
  const log = ctx.log;
  // After the answer: its time must not depend on whether the account exists.
  setImmediate(() => {
    sendResetLink(ctx.db, deps, email).catch((error: unknown) => log.error({ err: error }, 'password reset email failed'));
  });
  return true;
}

async function sendResetLink(db: PrismaClient, deps: IdentityDependencies, email: string): Promise<void> {
  const user = await db.userAccount.findUnique({ where: { email } });
  if (!user) return;
  const token = await createLink(db, user.id, 'PASSWORD_RESET', PASSWORD_RESET_TTL_MS);
  await deps.mailer.send({
    to: user.email,
    subject: 'Reset your FarmIQ password',
    text: [
      'Someone (we hope you) asked to reset the password of your FarmIQ account.',
      '',
      `Choose a new password here within 30 minutes: ${linkUrl(deps.publicUrl, 'reset-password', token)}`,
      '',
      'The link works once. If you did not ask for it, ignore this email: your password stays as it is.',
    ].join('\n'),
  });
}

/**
 * Creates the user (as inviteUser does, without a password anyone knows) and emails a link to
 * set one. The temporary-password invitation stays for systems without email.
 */
export async function sendInvitation(ctx: SubgraphContext, deps: IdentityDependencies, inviter: Principal, input: InviteUserInput): Promise<UserAccount> {
  if (deps.mailer.mode === 'none')
    throw userError(ErrorCode.BadRequest, 'Email is not configured (SMTP_URL): use inviteUser and hand over the temporary password');
  const { user } = await inviteUser(ctx.db, inviter, input);
  const tenant = await ctx.db.tenant.findUnique({ where: { id: input.tenantId ?? inviter.tenantId! }, select: { name: true } });
  const token = await createLink(ctx.db, user.id, 'INVITATION', INVITATION_TTL_MS);
  await recordAudit(ctx, { action: 'USER_INVITED', tenantId: input.tenantId ?? inviter.tenantId, targetType: 'User', targetId: user.id });
  await deps.mailer.send({
    to: user.email,
    subject: `You are invited to ${tenant?.name ?? 'a tenant'} on FarmIQ`,
    text: [
      `You have been invited to ${tenant?.name ?? 'a tenant'} on FarmIQ as ${input.role}.`,
      '',
      `Set your password here within 7 days: ${linkUrl(deps.publicUrl, 'accept-invitation', token)}`,
      '',
      'The link works once.',
    ].join('\n'),
  });
  return user;
}

const deadLink = () => userError(ErrorCode.BadUserInput, 'token: the link is invalid, expired or already used; ask for a new one', { field: 'token' });

/**
 * Spends a link of `purpose` and sets the password: the policy is checked before the link is
 * spent (a weak password does not burn it); every session of the user ends.
 */
export async function setPasswordWithLink(
  ctx: SubgraphContext,
  deps: IdentityDependencies,
  purpose: AccountLinkPurpose,
  token: string,
  newPassword: string,
): Promise<boolean> {
  const now = new Date();
  const link = await ctx.db.accountLink.findUnique({ where: { tokenHash: hashOf(token) }, include: { user: true } });
  // A password change after the link was made (by the user, or another link) kills it.
  if (!link || link.purpose !== purpose || link.usedAt || link.expiresAt <= now || link.user.passwordChangedAt > link.createdAt) throw deadLink();
  checkPasswordPolicy(newPassword, link.user.email, 'newPassword');
  const { count } = await ctx.db.accountLink.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: now } });
  if (count !== 1) throw deadLink();
  await ctx.db.userAccount.update({
    where: { id: link.userId },
    data: { passwordHash: await hashPassword(newPassword), mustChangePassword: false, passwordChangedAt: now },
  });
  await endUserSessions(ctx.db, deps.revocations, link.userId);
  ctx.log.info({ userId: link.userId, purpose }, purpose === 'PASSWORD_RESET' ? 'password reset by email link' : 'invitation accepted');
  const membership = await ctx.db.membership.findFirst({ where: { userId: link.userId }, orderBy: { createdAt: 'asc' }, select: { tenantId: true } });
  await recordAudit(ctx, {
    action: purpose === 'PASSWORD_RESET' ? 'PASSWORD_RESET' : 'INVITATION_ACCEPTED',
    actorId: link.userId,
    tenantId: membership?.tenantId ?? null,
    targetType: 'User',
    targetId: link.userId,
  });
  return true;
}

export const requireLinkToken = (token: string): string => {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw badInput('token: expected the token from the emailed link', 'token');
  return token;
};
