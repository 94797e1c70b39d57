import { recordAudit } from './audit/auditLog';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { signAccessToken } from '../../lib/auth/accessToken';
import type { Principal } from '../../lib/auth/principal';
import type { ApiClient, PrismaClient } from '../../lib/db/generated/client';
import { ErrorCode, badInput, notFound, userError } from '../../lib/errors';
import type { SubgraphContext } from '../../lib/graphql/context';
import { isUuid, requireText } from '../../lib/validation';
import type { ApiScope, CreateApiClientInput } from './__generated__/resolvers-types';
import { assertNotRateLimited, recordFailure } from '../../lib/rateLimit/slidingWindow';
import { addressKey, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from './rateLimit';
import { activeGrant, grantedScopes } from './partnerGrants';
import { tenantIsActive, type IdentityDependencies } from './sessions';

/** GraphQL scope names and the token `scope` values other subgraphs check. */
export const SCOPE_CLAIMS: Record<ApiScope, string> = {
  FARMS_READ: 'farms:read',
  KPI_READ: 'kpi:read',
  TELEMETRY_READ: 'telemetry:read',
  BILLING_READ: 'billing:read',
};

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest();
const clientKey = (clientId: string) => `client:${clientId}`;

export async function createApiClient(db: PrismaClient, creator: Principal, input: CreateApiClientInput): Promise<{ client: ApiClient; clientSecret: string }> {
  const scopes = [...new Set(input.scopes)];
  if (scopes.length === 0) throw badInput('scopes: name at least one', 'scopes');
  const clientSecret = randomBytes(32).toString('base64url');
  const client = await db.apiClient.create({
    data: { tenantId: creator.tenantId!, name: requireText(input.name, 'name', 120), secretHash: hashSecret(clientSecret).toString('hex'), scopes },
  });
  return { client, clientSecret };
}

/** Revokes the client; `revoked` is false when it already was (a repeat, or a concurrent revocation that got there first). */
export async function revokeApiClient(db: PrismaClient, revoker: Principal, id: string): Promise<{ client: ApiClient; revoked: boolean }> {
  const client = isUuid(id) ? await db.apiClient.findFirst({ where: { id, tenantId: revoker.tenantId! } }) : null;
  if (!client) throw notFound('API client');
  const { count } = await db.apiClient.updateMany({ where: { id: client.id, revokedAt: null }, data: { revokedAt: new Date() } });
  return { client: await db.apiClient.findUniqueOrThrow({ where: { id: client.id } }), revoked: count === 1 };
}

/**
 * A new secret for a live client: the old secret stops working at once (no new token from it).
 * Tokens already issued keep their at most 15 minutes; revoking the client ends them at once.
 */
export async function rotateApiClientSecret(db: PrismaClient, rotator: Principal, id: string): Promise<{ client: ApiClient; clientSecret: string }> {
  const found = isUuid(id) ? await db.apiClient.findFirst({ where: { id, tenantId: rotator.tenantId! } }) : null;
  if (!found) throw notFound('API client');
  if (found.revokedAt) throw userError(ErrorCode.Conflict, 'The API client is revoked: create a new one');
  const clientSecret = randomBytes(32).toString('base64url');
  // Conditional on not revoked meanwhile: a revocation racing the rotation wins.
  const { count } = await db.apiClient.updateMany({ where: { id, revokedAt: null }, data: { secretHash: hashSecret(clientSecret).toString('hex') } });
  if (count !== 1) throw userError(ErrorCode.Conflict, 'The API client is revoked: create a new one');
  return { client: (await db.apiClient.findUnique({ where: { id } }))!, clientSecret };
}

/**
 * The client credentials exchange: a wrong or revoked id or secret are answered alike. With
 * `tenantId` of another tenant the token reads what that tenant granted (partnerGrants.ts).
 */
export async function issueClientToken(ctx: SubgraphContext, deps: IdentityDependencies, clientId: string, clientSecret: string, tenantId?: string | null) {
  const keys = [clientKey(clientId), addressKey(ctx.clientAddress)];
  await assertNotRateLimited(deps.rateLimits, [
    { key: keys[0]!, max: MAX_FAILURES_PER_ACCOUNT },
    { key: keys[1]!, max: MAX_FAILURES_PER_ADDRESS },
  ]);
  const client = isUuid(clientId) ? await ctx.db.apiClient.findUnique({ where: { id: clientId } }) : null;
  const expected = Buffer.from(client?.secretHash ?? '0'.repeat(64), 'hex');
  const secretOk =
    timingSafeEqual(expected, hashSecret(clientSecret)) && client !== null && client.revokedAt === null && (await tenantIsActive(ctx.db, client.tenantId));
  if (!client || !secretOk) {
    await recordFailure(deps.rateLimits, keys);
    await recordAudit(ctx, {
      action: 'CLIENT_TOKEN_REFUSED',
      actorId: client?.id ?? null,
      actorKind: 'client',
      tenantId: client?.tenantId ?? null,
      targetType: 'ApiClient',
      ...(client ? { targetId: client.id } : {}),
    });
    throw userError(ErrorCode.Unauthenticated, 'Wrong client id or secret, or the client was revoked');
  }
  const issued = (tenant: string) =>
    recordAudit(ctx, {
      action: 'CLIENT_TOKEN_ISSUED',
      actorId: client.id,
      actorKind: 'client',
      tenantId: tenant,
      targetType: 'ApiClient',
      targetId: client.id,
    });
  const target = tenantId?.toLowerCase() ?? client.tenantId;
  if (target === client.tenantId) {
    await issued(client.tenantId);
    return signClientToken(deps, client, { tenantId: client.tenantId, scopes: client.scopes as ApiScope[] });
  }
  // The credentials are proven: the client may learn that it holds no grant there (existing tenant or not).
  const grant = isUuid(target) ? await activeGrant(ctx.db, client.id, target) : null;
  const scopes = grant ? grantedScopes(grant, client.scopes) : [];
  if (!grant || scopes.length === 0 || !(await tenantIsActive(ctx.db, target))) {
    throw userError(ErrorCode.Forbidden, 'This tenant has not granted your client access (see partnerGrants), or revoked it');
  }
  await issued(target);
  return signClientToken(deps, client, { tenantId: target, scopes, farmIds: grant.farmIds, sessionId: grant.id });
}

async function signClientToken(
  deps: IdentityDependencies,
  client: ApiClient,
  grant: { tenantId: string; scopes: ApiScope[]; farmIds?: string[]; sessionId?: string },
) {
  const { token, expiresAt } = await signAccessToken(deps.keyRing, deps.tokenAudience, {
    subject: client.id,
    kind: 'client',
    tenantId: grant.tenantId,
    roles: ['PARTNER'],
    scopes: grant.scopes.map((scope) => SCOPE_CLAIMS[scope]),
    ...(grant.farmIds ? { farmIds: grant.farmIds } : {}),
    ...(grant.sessionId ? { sessionId: grant.sessionId } : {}),
    registeredDocumentsOnly: client.requireRegisteredDocuments,
    clientTenantId: client.tenantId,
  });
  return { accessToken: token, accessTokenExpiresAt: expiresAt, scopes: grant.scopes, tenantId: grant.tenantId, farmIds: grant.farmIds ?? null };
}
