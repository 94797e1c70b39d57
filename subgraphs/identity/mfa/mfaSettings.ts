import { verifyPassword } from '../../../lib/auth/password';
import { callerTenantId } from '../../../lib/auth/tenantScope';
import type { UserAccount } from '../../../lib/db/generated/client';
import { ErrorCode, badInput, notFound, userError } from '../../../lib/errors';
import type { SubgraphContext } from '../../../lib/graphql/context';
import { assertNotRateLimited, clearFailures, recordFailure } from '../../../lib/rateLimit/slidingWindow';
import { requireText } from '../../../lib/validation';
import { recordAudit } from '../audit/auditLog';
import { accountKey, MAX_FAILURES_PER_ACCOUNT } from '../rateLimit';
import type { IdentityDependencies } from '../sessions';
import { liveChallenge, spendChallenge, type ChallengePurpose } from './challenges';
import { dropRecoveryCodesWithoutFactor } from './factors';
import { mfaKey, resumeLogin } from './mfaLogin';
import { passkeyRegistrationOptions, registerPasskey } from './passkeys';
import { issueRecoveryCodes, recoveryCodesLeft, spendRecoveryCode } from './recoveryCodes';
import { acceptTotpCode, startTotpEnrolment as newTotpSecret } from './totpFactor';

export const PASSKEY_NAME_MAX_LENGTH = 120;

const deadChallenge = () => userError(ErrorCode.Unauthenticated, 'This login expired or was completed already; log in again');

/** The logged-in user making the call; API clients have no second factors. */
async function callingUser(ctx: SubgraphContext): Promise<UserAccount> {
  const principal = ctx.principal;
  const user = principal?.kind === 'user' ? await ctx.db.userAccount.findUnique({ where: { id: principal.subject } }) : null;
  if (!user) throw userError(principal ? ErrorCode.Forbidden : ErrorCode.Unauthenticated, 'Log in as a user to manage second factors');
  return user;
}

/** Enrolment acts for the logged-in caller, or for the user of a login the tenant sent to enrol (its challenge). */
async function enrollingUser(ctx: SubgraphContext, challengeToken: string | null | undefined) {
  if (challengeToken === null || challengeToken === undefined) return { user: await callingUser(ctx), challenge: null };
  const challenge = await liveChallenge(ctx.db, challengeToken, ['ENROL' satisfies ChallengePurpose]);
  const user = challenge ? await ctx.db.userAccount.findUnique({ where: { id: challenge.userId } }) : null;
  if (!challenge || !user) throw deadChallenge();
  return { user, challenge };
}

export async function startTotpEnrolment(ctx: SubgraphContext, deps: IdentityDependencies, challengeToken: string | null | undefined) {
  const { user } = await enrollingUser(ctx, challengeToken);
  return newTotpSecret(ctx.db, deps.secretBox, user);
}

export async function confirmTotpEnrolment(ctx: SubgraphContext, deps: IdentityDependencies, totpCode: string, challengeToken: string | null | undefined) {
  const { user, challenge } = await enrollingUser(ctx, challengeToken);
  await assertNotRateLimited(deps.rateLimits, [{ key: mfaKey(user.id), max: MAX_FAILURES_PER_ACCOUNT }]);
  if (!(await acceptTotpCode(ctx.db, deps.secretBox, user.id, totpCode, { pending: true }))) {
    await recordFailure(deps.rateLimits, [mfaKey(user.id)]);
    throw badInput("totpCode: not the code the app shows now (check the phone's clock), or no enrolment was started", 'totpCode');
  }
  const tenantId = challenge ? challenge.tenantId : (ctx.principal?.tenantId ?? null);
  const recoveryCodes = (await recoveryCodesLeft(ctx.db, user.id)) > 0 ? null : await issueRecoveryCodes(ctx.db, user.id);
  await recordAudit(ctx, { action: 'MFA_ENABLED', actorId: user.id, tenantId, targetType: 'User', targetId: user.id });
  if (!challenge) return { recoveryCodes, session: null };
  if (!(await spendChallenge(ctx.db, challenge.id))) throw deadChallenge();
  return { recoveryCodes, session: await resumeLogin(ctx, deps, challenge) };
}

/**
 * Re-authentication for turning protection down: the password (counted like a login's) and,
 * when `code` is asked, a current code of the app or a recovery code (spent).
 */
async function reauthenticate(ctx: SubgraphContext, deps: IdentityDependencies, user: UserAccount, password: string, code?: string): Promise<void> {
  const keys = [accountKey(user.email), mfaKey(user.id)];
  await assertNotRateLimited(
    deps.rateLimits,
    keys.map((key) => ({ key, max: MAX_FAILURES_PER_ACCOUNT })),
  );
  if (!(await verifyPassword(user.passwordHash, password))) {
    await recordFailure(deps.rateLimits, [keys[0]!]);
    throw badInput('password: is not your password', 'password');
  }
  if (code === undefined) return;
  const codeOk = (await acceptTotpCode(ctx.db, deps.secretBox, user.id, code, { pending: false })) || (await spendRecoveryCode(ctx.db, user.id, code));
  if (!codeOk) {
    await recordFailure(deps.rateLimits, [keys[1]!]);
    throw badInput('code: not a current code of your authenticator app, nor an unused recovery code', 'code');
  }
  await clearFailures(deps.rateLimits, keys[1]!);
}

export async function disableTotp(ctx: SubgraphContext, deps: IdentityDependencies, password: string, code: string): Promise<boolean> {
  const user = await callingUser(ctx);
  if ((await ctx.db.totpFactor.count({ where: { userId: user.id, confirmedAt: { not: null } } })) === 0)
    throw userError(ErrorCode.Conflict, 'No authenticator app is enrolled');
  await reauthenticate(ctx, deps, user, password, code);
  await ctx.db.totpFactor.delete({ where: { userId: user.id } });
  await dropRecoveryCodesWithoutFactor(ctx.db, user.id);
  await recordAudit(ctx, { action: 'MFA_DISABLED', tenantId: ctx.principal!.tenantId, targetType: 'User', targetId: user.id });
  return true;
}

export async function regenerateRecoveryCodes(ctx: SubgraphContext, deps: IdentityDependencies, password: string, code: string): Promise<string[]> {
  const user = await callingUser(ctx);
  await reauthenticate(ctx, deps, user, password, code);
  const codes = await issueRecoveryCodes(ctx.db, user.id);
  await recordAudit(ctx, { action: 'MFA_RECOVERY_CODES_REGENERATED', tenantId: ctx.principal!.tenantId, targetType: 'User', targetId: user.id });
  return codes;
}

export async function startPasskeyRegistration(ctx: SubgraphContext, deps: IdentityDependencies, challengeToken: string | null | undefined): Promise<string> {
  const { user } = await enrollingUser(ctx, challengeToken);
  return passkeyRegistrationOptions(ctx.db, deps.relyingParty, user);
}

/** Like confirmTotpEnrolment: a passkey is the other second factor a login sent to enrol may choose. */
export async function finishPasskeyRegistration(
  ctx: SubgraphContext,
  deps: IdentityDependencies,
  name: string,
  response: string,
  challengeToken: string | null | undefined,
) {
  const { user, challenge } = await enrollingUser(ctx, challengeToken);
  const passkey = await registerPasskey(ctx.db, deps.relyingParty, user.id, requireText(name, 'name', PASSKEY_NAME_MAX_LENGTH), response);
  const recoveryCodes = (await recoveryCodesLeft(ctx.db, user.id)) > 0 ? null : await issueRecoveryCodes(ctx.db, user.id);
  const tenantId = challenge ? challenge.tenantId : (ctx.principal?.tenantId ?? null);
  await recordAudit(ctx, { action: 'PASSKEY_ADDED', actorId: user.id, tenantId, targetType: 'Passkey', targetId: passkey.id });
  if (!challenge) return { passkey, recoveryCodes, session: null };
  if (!(await spendChallenge(ctx.db, challenge.id))) throw deadChallenge();
  return { passkey, recoveryCodes, session: await resumeLogin(ctx, deps, challenge) };
}

export async function removePasskey(ctx: SubgraphContext, deps: IdentityDependencies, id: string, password: string): Promise<boolean> {
  const user = await callingUser(ctx);
  await reauthenticate(ctx, deps, user, password);
  const { count } = await ctx.db.passkey.deleteMany({ where: { id, userId: user.id } });
  if (count !== 1) throw notFound('Passkey');
  await dropRecoveryCodesWithoutFactor(ctx.db, user.id);
  await recordAudit(ctx, { action: 'PASSKEY_REMOVED', tenantId: ctx.principal!.tenantId, targetType: 'Passkey', targetId: id });
  return true;
}

/** The caller's tenant's requirement; members without a factor meet it at their next login. */
export async function setTenantMfaRequired(ctx: SubgraphContext, required: boolean) {
  const tenantId = callerTenantId(ctx);
  const { count } = await ctx.db.tenant.updateMany({ where: { id: tenantId, requireMfa: !required }, data: { requireMfa: required } });
  const tenant = await ctx.db.tenant.findUniqueOrThrow({ where: { id: tenantId } });
  // Setting the value it already had changed nothing: no record.
  if (count === 1) await recordAudit(ctx, { action: 'TENANT_MFA_REQUIREMENT_CHANGED', tenantId, targetType: 'Tenant', targetId: tenantId });
  return tenant;
}
