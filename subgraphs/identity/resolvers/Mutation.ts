import type { MutationResolvers } from '../__generated__/resolvers-types';
import { checkPasswordPolicy, hashPassword, verifyPassword } from '../../../lib/auth/password';
import { cookieNames } from '../../../lib/auth/cookiesAndBearer';
import { ErrorCode, badInput, userError } from '../../../lib/errors';
import { requireText } from '../../../lib/validation';
import { createApiClient, issueClientToken, revokeApiClient, rotateApiClientSecret } from '../apiClients';
import { grantPartnerAccess, revokePartnerAccess } from '../partnerGrants';
import { createPartnerWebhook, deletePartnerWebhook } from '../partnerWebhooks/webhookApi';
import { recordAudit } from '../audit/auditLog';
import { inviteUser } from '../invitations';
import { requestPasswordReset, requireLinkToken, sendInvitation, setPasswordWithLink } from '../accountLinks';
import { changeMemberRole, removeMember, setMemberDisabled } from '../members';
import { reinstateTenant, suspendTenant } from '../tenants';
import { login } from '../login';
import { completeMfaLogin, startPasskeyLogin } from '../mfa/mfaLogin';
import * as mfa from '../mfa/mfaSettings';
import { assertNotRateLimited, recordFailure } from '../../../lib/rateLimit/slidingWindow';
import { addressKey, MAX_FAILURES_PER_ADDRESS } from '../rateLimit';
import { familyOf, spendRefreshToken } from '../refreshTokens';
import { endSession, endUserSessions } from '../sessionRevocation';
import { clearSessionCookies, rolesFor, startSession, tenantIsActive, type IdentityDependencies } from '../sessions';

export const TENANT_NAME_MAX_LENGTH = 120;

const invalidRefresh = () => userError(ErrorCode.Unauthenticated, 'The refresh token is invalid, expired or already used; log in again');

export function createMutation(deps: IdentityDependencies): MutationResolvers {
  return {
    login: (_parent, { input }, ctx) => login(ctx, deps, input),

    refreshSession: async (_parent, { refreshToken }, ctx) => {
      const fromCookie = refreshToken ? undefined : ctx.cookie(cookieNames(ctx.secureCookies).refresh);
      const token = refreshToken ?? fromCookie;
      const address = addressKey(ctx.clientAddress);
      await assertNotRateLimited(deps.rateLimits, [{ key: address, max: MAX_FAILURES_PER_ADDRESS }]);
      const spent = token ? await spendRefreshToken(ctx.db, token) : ({ outcome: 'invalid' } as const);
      if (spent.outcome !== 'spent') {
        if (spent.outcome === 'reused') ctx.log.warn({ familyId: spent.familyId }, 'refresh token reused: session family revoked');
        await recordFailure(deps.rateLimits, [address]);
        throw invalidRefresh();
      }
      const user = await ctx.db.userAccount.findUnique({ where: { id: spent.userId } });
      const roles = user ? await rolesFor(ctx.db, user, spent.tenantId) : null;
      if (!user || !roles || !(await tenantIsActive(ctx.db, spent.tenantId))) throw invalidRefresh();
      return startSession(ctx, deps, { userId: user.id, tenantId: spent.tenantId, roles, familyId: spent.familyId, useCookies: fromCookie !== undefined });
    },

    logout: async (_parent, { refreshToken }, ctx) => {
      const token = refreshToken ?? ctx.cookie(cookieNames(ctx.secureCookies).refresh);
      const familyId = token ? await familyOf(ctx.db, token) : undefined;
      if (familyId) await endSession(ctx.db, deps.revocations, familyId);
      // A caller that logs out with its access token ends that token's session as well.
      const ownSession = ctx.principal?.sessionId;
      if (ownSession && ownSession !== familyId) await endSession(ctx.db, deps.revocations, ownSession);
      clearSessionCookies(ctx);
      return true;
    },

    changePassword: async (_parent, { currentPassword, newPassword }, ctx) => {
      const principal = ctx.principal!;
      const user = principal.kind === 'user' ? await ctx.db.userAccount.findUnique({ where: { id: principal.subject } }) : null;
      if (!user) throw userError(ErrorCode.Forbidden, 'Only a user can change a password');
      if (!(await verifyPassword(user.passwordHash, currentPassword))) throw badInput('currentPassword: is not your current password', 'currentPassword');
      checkPasswordPolicy(newPassword, user.email, 'newPassword');
      if (newPassword === currentPassword) throw badInput('newPassword: must differ from the current password', 'newPassword');
      await ctx.db.userAccount.update({
        where: { id: user.id },
        data: { passwordHash: await hashPassword(newPassword), mustChangePassword: false, passwordChangedAt: new Date() },
      });
      await endUserSessions(ctx.db, deps.revocations, user.id);
      await recordAudit(ctx, { action: 'PASSWORD_CHANGED', tenantId: principal.tenantId, targetType: 'User', targetId: user.id });
      return true;
    },

    createTenant: async (_parent, { input }, ctx) => {
      const tenant = await ctx.db.tenant.create({ data: { name: requireText(input.name, 'name', TENANT_NAME_MAX_LENGTH) } });
      ctx.log.info({ tenantId: tenant.id }, 'tenant created');
      await recordAudit(ctx, { action: 'TENANT_CREATED', tenantId: tenant.id, targetType: 'Tenant', targetId: tenant.id });
      return tenant;
    },

    createApiClient: async (_parent, { input }, ctx) => {
      const credentials = await createApiClient(ctx.db, ctx.principal!, input);
      ctx.log.info({ apiClientId: credentials.client.id, scopes: credentials.client.scopes }, 'API client created');
      await recordAudit(ctx, { action: 'API_CLIENT_CREATED', tenantId: credentials.client.tenantId, targetType: 'ApiClient', targetId: credentials.client.id });
      return credentials;
    },

    revokeApiClient: async (_parent, { id }, ctx) => {
      const { client, revoked } = await revokeApiClient(ctx.db, ctx.principal!, id);
      await deps.revocations.revokeSubject(client.id);
      ctx.log.info({ apiClientId: client.id }, 'API client revoked');
      // A repeated revocation changed nothing: the first one's record stands alone.
      if (revoked) await recordAudit(ctx, { action: 'API_CLIENT_REVOKED', tenantId: client.tenantId, targetType: 'ApiClient', targetId: client.id });
      return client;
    },

    rotateApiClientSecret: async (_parent, { id }, ctx) => {
      const credentials = await rotateApiClientSecret(ctx.db, ctx.principal!, id);
      ctx.log.info({ apiClientId: credentials.client.id }, 'API client secret rotated');
      await recordAudit(ctx, {
        action: 'API_CLIENT_SECRET_ROTATED',
        tenantId: credentials.client.tenantId,
        targetType: 'ApiClient',
        targetId: credentials.client.id,
      });
      return credentials;
    },

    issueClientToken: (_parent, { clientId, clientSecret, tenantId }, ctx) => issueClientToken(ctx, deps, clientId, clientSecret, tenantId),

    grantPartnerAccess: async (_parent, { input }, ctx) => {
      const grant = await grantPartnerAccess(ctx.db, deps.revocations, ctx.principal!, input);
      ctx.log.info({ partnerGrantId: grant.id, apiClientId: grant.clientId, farmIds: grant.farmIds, scopes: grant.scopes }, 'partner access granted');
      await recordAudit(ctx, { action: 'PARTNER_ACCESS_GRANTED', tenantId: grant.tenantId, targetType: 'PartnerGrant', targetId: grant.id });
      return grant;
    },

    createPartnerWebhook: (_parent, { input }, ctx) => createPartnerWebhook(ctx, deps.secretBox, input, deps.production),
    deletePartnerWebhook: (_parent, { id }, ctx) => deletePartnerWebhook(ctx, id),

    revokePartnerAccess: async (_parent, { id }, ctx) => {
      const { grant, revoked } = await revokePartnerAccess(ctx.db, deps.revocations, ctx.principal!, id);
      ctx.log.info({ partnerGrantId: grant.id, apiClientId: grant.clientId }, 'partner access revoked');
      if (revoked) await recordAudit(ctx, { action: 'PARTNER_ACCESS_REVOKED', tenantId: grant.tenantId, targetType: 'PartnerGrant', targetId: grant.id });
      return grant;
    },

    changeMemberRole: (_parent, { userId, role }, ctx) => changeMemberRole(ctx, deps, userId, role),
    disableMember: (_parent, { userId }, ctx) => setMemberDisabled(ctx, deps, userId, true),
    enableMember: (_parent, { userId }, ctx) => setMemberDisabled(ctx, deps, userId, false),
    removeMember: (_parent, { userId }, ctx) => removeMember(ctx, deps, userId),
    requestPasswordReset: (_parent, { email }, ctx) => requestPasswordReset(ctx, deps, email),
    resetPassword: (_parent, { token, newPassword }, ctx) => setPasswordWithLink(ctx, deps, 'PASSWORD_RESET', requireLinkToken(token), newPassword),
    sendInvitation: (_parent, { input }, ctx) => sendInvitation(ctx, deps, ctx.principal!, input),
    acceptInvitation: (_parent, { token, newPassword }, ctx) => setPasswordWithLink(ctx, deps, 'INVITATION', requireLinkToken(token), newPassword),
    suspendTenant: (_parent, { id }, ctx) => suspendTenant(ctx, deps, id),
    reinstateTenant: (_parent, { id }, ctx) => reinstateTenant(ctx, deps, id),
    completeMfaLogin: (_parent, answer, ctx) => completeMfaLogin(ctx, deps, answer),
    startPasskeyLogin: (_parent, { challengeToken }, ctx) => startPasskeyLogin(ctx, deps, challengeToken),
    startTotpEnrolment: (_parent, { challengeToken }, ctx) => mfa.startTotpEnrolment(ctx, deps, challengeToken),
    confirmTotpEnrolment: (_parent, { totpCode, challengeToken }, ctx) => mfa.confirmTotpEnrolment(ctx, deps, totpCode, challengeToken),
    disableTotp: (_parent, { password, code }, ctx) => mfa.disableTotp(ctx, deps, password, code),
    regenerateRecoveryCodes: (_parent, { password, code }, ctx) => mfa.regenerateRecoveryCodes(ctx, deps, password, code),
    startPasskeyRegistration: (_parent, { challengeToken }, ctx) => mfa.startPasskeyRegistration(ctx, deps, challengeToken),
    finishPasskeyRegistration: (_parent, { name, response, challengeToken }, ctx) => mfa.finishPasskeyRegistration(ctx, deps, name, response, challengeToken),
    removePasskey: (_parent, { id, password }, ctx) => mfa.removePasskey(ctx, deps, id, password),
    setTenantMfaRequired: (_parent, { required }, ctx) => mfa.setTenantMfaRequired(ctx, required),

    inviteUser: async (_parent, { input }, ctx) => {
      const invitation = await inviteUser(ctx.db, ctx.principal!, input);
      ctx.log.info({ userId: invitation.user.id, role: input.role }, 'user invited');
      await recordAudit(ctx, { action: 'USER_INVITED', tenantId: input.tenantId ?? ctx.principal!.tenantId, targetType: 'User', targetId: invitation.user.id });
      return invitation;
    },
  };
}
