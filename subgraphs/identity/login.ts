import fs from 'node:fs';
import { checkPasswordPolicy, decoyPasswordHash, hashPassword, verifyPassword } from '../../lib/auth/password';
import { ErrorCode, badInput, userError } from '../../lib/errors';
import type { SubgraphContext } from '../../lib/graphql/context';
import { requireUuid } from '../../lib/validation';
import type { LoginInput } from './__generated__/resolvers-types';
import { recordAudit } from './audit/auditLog';
import { requireSecondStep } from './mfa/mfaLogin';
import { normalizeEmail } from './email';
import { assertNotRateLimited, clearFailures, recordFailure } from '../../lib/rateLimit/slidingWindow';
import { accountKey, addressKey, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from './rateLimit';
import { finishLogin, rolesFor, tenantIsActive, type IdentityDependencies, type SessionModel } from './sessions';

const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const wrongCredentials = () => userError(ErrorCode.Unauthenticated, 'Wrong email or password');

/**
 * Checks the password (in the same time whether or not the account exists), enforces the
 * rate limits and the change of a temporary password, picks the tenant and starts a session.
 */
export async function login(ctx: SubgraphContext, deps: IdentityDependencies, input: LoginInput): Promise<SessionModel> {
  const email = normalizeEmail(input.email);
  const keys = [accountKey(email), addressKey(ctx.clientAddress)];
  await assertNotRateLimited(deps.rateLimits, [
    { key: keys[0]!, max: MAX_FAILURES_PER_ACCOUNT },
    { key: keys[1]!, max: MAX_FAILURES_PER_ADDRESS },
  ]);
  const user = await ctx.db.userAccount.findUnique({ where: { email } });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), input.password);
  if (!user || !passwordOk) {
    await recordFailure(deps.rateLimits, keys);
    // The same lookup for a missing account (a nil id), so the answer's time does not tell.
    const membership = await ctx.db.membership.findFirst({
      where: { userId: user?.id ?? NIL_UUID },
      orderBy: { createdAt: 'asc' },
      select: { tenantId: true },
    });
    await recordAudit(ctx, {
      action: 'LOGIN_FAILED',
      actorId: user?.id ?? null,
      tenantId: membership?.tenantId ?? null,
      targetType: 'User',
      ...(user ? { targetId: user.id } : {}),
    });
    ctx.log.info({ email }, 'login failed');
    throw wrongCredentials();
  }
  await clearFailures(deps.rateLimits, keys[0]!);

  if (user.mustChangePassword) {
    if (!input.newPassword) {
      throw userError(ErrorCode.PasswordChangeRequired, 'This password is temporary: log in again with newPassword set to a password of your own');
    }
    checkPasswordPolicy(input.newPassword, email, 'newPassword');
    if (input.newPassword === input.password) throw badInput('newPassword: must differ from the temporary password', 'newPassword');
    await ctx.db.userAccount.update({
      where: { id: user.id },
      data: { passwordHash: await hashPassword(input.newPassword), mustChangePassword: false, passwordChangedAt: new Date() },
    });
    // The first admin's one-time password is dead now: its file goes too.
    if (user.platformAdmin) fs.rmSync(deps.initialAdminFile, { force: true });
  }

  const tenantId = await chooseTenant(ctx, user, input.tenantId ?? null);
  const roles = await rolesFor(ctx.db, user, tenantId);
  if (!roles) throw userError(ErrorCode.Forbidden, 'tenantId: you are not a member of that tenant, or were disabled there');
  if (!(await tenantIsActive(ctx.db, tenantId))) throw userError(ErrorCode.Forbidden, 'This tenant is suspended; ask the platform operator');
  // A second factor (or the enrolment the tenant requires) comes between the password and the session.
  await requireSecondStep(ctx, { userId: user.id, tenantId, useCookies: input.useCookies ?? false });
  return finishLogin(ctx, deps, { userId: user.id, tenantId, roles, useCookies: input.useCookies ?? false });
}

/** The named tenant, else the user's only one; a platform admin with none acts outside any. */
async function chooseTenant(ctx: SubgraphContext, user: { id: string; platformAdmin: boolean }, requested: string | null): Promise<string | null> {
  if (requested !== null) return requireUuid(requested, 'tenantId');
  const memberships = await ctx.db.membership.findMany({ where: { userId: user.id, disabledAt: null }, select: { tenantId: true }, take: 2 });
  if (memberships.length === 1) return memberships[0]!.tenantId;
  if (memberships.length === 0) {
    if (user.platformAdmin) return null;
    throw userError(ErrorCode.Forbidden, 'This account belongs to no tenant, or was disabled there; ask your tenant admin');
  }
  throw badInput('tenantId: you belong to several tenants; name the one to act for', 'tenantId');
}
