import { randomUUID } from 'node:crypto';
import type { RevocationList } from '../../lib/auth/revocation';
import type { ClientQuotas } from '../../lib/quotas/clientQuotas';
import type { Mailer } from '../../lib/mail/mailer';
import { signAccessToken, ACCESS_TOKEN_TTL_SECONDS, type TokenAudience } from '../../lib/auth/accessToken';
import { cookieNames, sessionCookie } from '../../lib/auth/cookiesAndBearer';
import type { KeyRing } from '../../lib/auth/keyRing';
import type { Role } from '../../lib/auth/principal';
import type { PrismaClient } from '../../lib/db/database';
import type { SubgraphContext } from '../../lib/graphql/context';
import type { RateLimitStore } from '../../lib/rateLimit/store';
import { issueRefreshToken, REFRESH_TOKEN_TTL_MS } from './refreshTokens';
import { recordAudit } from './audit/auditLog';
import type { SecretBox } from '../../lib/crypto/secretBox';
import type { RelyingParty } from './mfa/passkeys';

/** What identity needs besides the database: the signing keys and who tokens are for. */
export interface IdentityDependencies {
  keyRing: KeyRing;
  tokenAudience: TokenAudience;
  rateLimits: RateLimitStore;
  /** Where the first admin's one-time password was written; removed once it is replaced. */
  initialAdminFile: string;
  /** Revoked access tokens: written here, checked by every verifier. */
  revocations: RevocationList;
  /** Partner API clients' quota counters, charged by the gateway; read here for usage. */
  quotas: ClientQuotas;
  /** Seals partner webhook secrets and TOTP secrets (FARMIQ_SECRETS_KEY). */
  secretBox: SecretBox;
  /** Production: partner webhooks must be https. */
  production: boolean;
  /** Sends password reset and invitation links. */
  mailer: Mailer;
  /** Where people open the dashboard: emailed links point here. */
  publicUrl: string;
  /** The WebAuthn relying party: the dashboard's host and origin. */
  relyingParty: RelyingParty;
}

/** The caller as a session describes it (GraphQL `Viewer`). */
export interface ViewerModel {
  userId: string | null;
  tenantId: string | null;
  roles: Role[];
}

/** A session as returned by login and refresh (GraphQL `Session`). */
export interface SessionModel {
  accessToken: string | null;
  accessTokenExpiresAt: Date;
  refreshToken: string | null;
  refreshTokenExpiresAt: Date;
  viewer: ViewerModel;
}

/**
 * The roles a user holds when acting for `tenantId`, or null when it may not act for it (a
 * disabled member holds none).
 * A platform admin may act for any existing tenant (and outside any, with tenantId null).
 */
export async function rolesFor(db: PrismaClient, user: { id: string; platformAdmin: boolean }, tenantId: string | null): Promise<Role[] | null> {
  if (tenantId === null) return user.platformAdmin ? ['PLATFORM_ADMIN'] : null;
  const membership = await db.membership.findUnique({ where: { userId_tenantId: { userId: user.id, tenantId } } });
  const roles: Role[] = membership && !membership.disabledAt ? [membership.role] : [];
  if (user.platformAdmin && (await db.tenant.count({ where: { id: tenantId } })) === 1) roles.unshift('PLATFORM_ADMIN');
  return roles.length > 0 ? roles : null;
}

/** False for a suspended (or missing) tenant: nobody acts for it until it is reinstated. */
export async function tenantIsActive(db: PrismaClient, tenantId: string | null): Promise<boolean> {
  if (tenantId === null) return true;
  return (await db.tenant.count({ where: { id: tenantId, suspendedAt: null } })) === 1;
}

/**
 * Issues an access token and a refresh token (in `familyId` when rotating). With cookies the
 * tokens go into HttpOnly cookies and the answer carries none, so script on the page never
 * sees them.
 */
export async function startSession(
  ctx: SubgraphContext,
  deps: IdentityDependencies,
  session: { userId: string; tenantId: string | null; roles: Role[]; familyId?: string; useCookies: boolean },
): Promise<SessionModel> {
  // The access token names its family (`sid`), so ending the session reaches it too.
  const familyId = session.familyId ?? randomUUID();
  const access = await signAccessToken(deps.keyRing, deps.tokenAudience, {
    subject: session.userId,
    kind: 'user',
    tenantId: session.tenantId,
    roles: session.roles,
    scopes: [],
    sessionId: familyId,
  });
  const refresh = await issueRefreshToken(ctx.db, { userId: session.userId, tenantId: session.tenantId }, familyId);
  if (session.useCookies) {
    const names = cookieNames(ctx.secureCookies);
    ctx.setCookie(sessionCookie(names.access, access.token, ACCESS_TOKEN_TTL_SECONDS, ctx.secureCookies));
    ctx.setCookie(sessionCookie(names.refresh, refresh.token, REFRESH_TOKEN_TTL_MS / 1000, ctx.secureCookies));
  }
  return {
    accessToken: session.useCookies ? null : access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken: session.useCookies ? null : refresh.token,
    refreshTokenExpiresAt: refresh.expiresAt,
    viewer: { userId: session.userId, tenantId: session.tenantId, roles: session.roles },
  };
}

export function clearSessionCookies(ctx: SubgraphContext): void {
  const names = cookieNames(ctx.secureCookies);
  for (const name of [names.access, names.refresh]) ctx.setCookie(sessionCookie(name, '', 0, ctx.secureCookies));
}

/** The last step of every login (with or without a second factor): records it and starts the session. */
export async function finishLogin(
  ctx: SubgraphContext,
  deps: IdentityDependencies,
  login: { userId: string; tenantId: string | null; roles: Role[]; useCookies: boolean },
): Promise<SessionModel> {
  await ctx.db.userAccount.update({ where: { id: login.userId }, data: { lastLoginAt: new Date() } });
  ctx.log.info({ userId: login.userId, tenantId: login.tenantId }, 'logged in');
  await recordAudit(ctx, { action: 'LOGIN_SUCCEEDED', actorId: login.userId, tenantId: login.tenantId, targetType: 'User', targetId: login.userId });
  return startSession(ctx, deps, login);
}
