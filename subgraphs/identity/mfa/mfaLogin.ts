import { ErrorCode, badInput, userError } from '../../../lib/errors';
import type { SubgraphContext } from '../../../lib/graphql/context';
import { assertNotRateLimited, clearFailures, recordFailure } from '../../../lib/rateLimit/slidingWindow';
import { recordAudit } from '../audit/auditLog';
import { addressKey, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from '../rateLimit';
import { finishLogin, rolesFor, tenantIsActive, type IdentityDependencies, type SessionModel } from '../sessions';
import { liveChallenge, openChallenge, spendChallenge, type ChallengePurpose } from './challenges';
import { methodsOf, type SecondFactorMethod } from './factors';
import { acceptPasskeyAssertion, passkeyLoginOptions } from './passkeys';
import { spendRecoveryCode } from './recoveryCodes';
import { acceptTotpCode } from './totpFactor';

/** Wrong second factors are counted per account like wrong passwords: 5 in 15 minutes, then RATE_LIMITED. */
export const mfaKey = (userId: string) => `mfa:${userId}`;

const deadChallenge = () => userError(ErrorCode.Unauthenticated, 'This login expired or was completed already; log in again');

async function tenantRequiresMfa(ctx: SubgraphContext, tenantId: string | null): Promise<boolean> {
  if (tenantId === null) return false;
  return (await ctx.db.tenant.count({ where: { id: tenantId, requireMfa: true } })) === 1;
}

/**
 * After a right password: a user with a second factor is answered MFA_REQUIRED, one whose tenant
 * requires a factor it lacks MFA_ENROLMENT_REQUIRED, each with a challenge to carry on with.
 * Returns when neither applies.
 */
export async function requireSecondStep(ctx: SubgraphContext, login: { userId: string; tenantId: string | null; useCookies: boolean }): Promise<void> {
  const methods = await methodsOf(ctx.db, login.userId);
  const enrolled = methods.includes('TOTP') || methods.includes('PASSKEY');
  const purpose: ChallengePurpose | null = enrolled ? 'LOGIN' : (await tenantRequiresMfa(ctx, login.tenantId)) ? 'ENROL' : null;
  if (purpose === null) return;
  const challenge = await openChallenge(ctx.db, { purpose, ...login });
  const mfaChallenge = { token: challenge.token, expiresAt: challenge.expiresAt.toISOString(), methods: enrolled ? methods : ['TOTP'] };
  if (enrolled) throw userError(ErrorCode.MfaRequired, 'Enter a code from your authenticator app or a recovery code, or use your passkey', { mfaChallenge });
  throw userError(ErrorCode.MfaEnrolmentRequired, 'Your organisation requires a second factor: set up an authenticator app to finish logging in', {
    mfaChallenge,
  });
}

/** The session a challenge stood for, after re-checking what may have changed since its password step. */
export async function resumeLogin(
  ctx: SubgraphContext,
  deps: IdentityDependencies,
  challenge: { userId: string; tenantId: string | null; useCookies: boolean; createdAt: Date },
): Promise<SessionModel> {
  const user = await ctx.db.userAccount.findUnique({ where: { id: challenge.userId } });
  // A password changed (or reset) since the password step voids it.
  if (!user || user.passwordChangedAt > challenge.createdAt) throw deadChallenge();
  const roles = await rolesFor(ctx.db, user, challenge.tenantId);
  if (!roles) throw userError(ErrorCode.Forbidden, 'You are no longer a member of that tenant, or were disabled there');
  if (!(await tenantIsActive(ctx.db, challenge.tenantId))) throw userError(ErrorCode.Forbidden, 'This tenant is suspended; ask the platform operator');
  return finishLogin(ctx, deps, { userId: user.id, tenantId: challenge.tenantId, roles, useCookies: challenge.useCookies });
}

export interface SecondFactorAnswer {
  challengeToken: string;
  totpCode?: string | null;
  recoveryCode?: string | null;
  passkeyResponse?: string | null;
}

export async function completeMfaLogin(ctx: SubgraphContext, deps: IdentityDependencies, answer: SecondFactorAnswer): Promise<SessionModel> {
  const given = [answer.totpCode, answer.recoveryCode, answer.passkeyResponse].filter((value) => value !== null && value !== undefined);
  if (given.length !== 1) throw badInput('expected exactly one of totpCode, recoveryCode and passkeyResponse');
  const address = addressKey(ctx.clientAddress);
  await assertNotRateLimited(deps.rateLimits, [{ key: address, max: MAX_FAILURES_PER_ADDRESS }]);
  const challenge = await liveChallenge(ctx.db, answer.challengeToken, ['LOGIN']);
  if (!challenge) {
    await recordFailure(deps.rateLimits, [address]);
    throw deadChallenge();
  }
  const account = mfaKey(challenge.userId);
  await assertNotRateLimited(deps.rateLimits, [{ key: account, max: MAX_FAILURES_PER_ACCOUNT }]);
  let method: SecondFactorMethod | null = null;
  if (answer.totpCode) method = (await acceptTotpCode(ctx.db, deps.secretBox, challenge.userId, answer.totpCode, { pending: false })) ? 'TOTP' : null;
  else if (answer.recoveryCode) method = (await spendRecoveryCode(ctx.db, challenge.userId, answer.recoveryCode)) ? 'RECOVERY_CODE' : null;
  else if (answer.passkeyResponse) method = (await acceptPasskeyAssertion(ctx.db, deps.relyingParty, challenge, answer.passkeyResponse)) ? 'PASSKEY' : null;
  if (!method) {
    await recordFailure(deps.rateLimits, [account, address]);
    await recordAudit(ctx, { action: 'MFA_FAILED', actorId: challenge.userId, tenantId: challenge.tenantId, targetType: 'User', targetId: challenge.userId });
    throw userError(ErrorCode.Unauthenticated, 'Wrong or already used code');
  }
  if (!(await spendChallenge(ctx.db, challenge.id))) throw deadChallenge();
  await clearFailures(deps.rateLimits, account);
  if (method === 'RECOVERY_CODE') {
    await recordAudit(ctx, {
      action: 'MFA_RECOVERY_CODE_USED',
      actorId: challenge.userId,
      tenantId: challenge.tenantId,
      targetType: 'User',
      targetId: challenge.userId,
    });
  }
  return resumeLogin(ctx, deps, challenge);
}

/** WebAuthn options for a login's challenge (its user's passkeys). */
export async function startPasskeyLogin(ctx: SubgraphContext, deps: IdentityDependencies, challengeToken: string): Promise<string> {
  const challenge = await liveChallenge(ctx.db, challengeToken, ['LOGIN']);
  if (!challenge) throw deadChallenge();
  const options = await passkeyLoginOptions(ctx.db, deps.relyingParty, challenge);
  if (!options) throw badInput('challengeToken: this account has no passkey; use a code', 'challengeToken');
  return options;
}
