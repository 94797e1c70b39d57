/**
 * Tenant consent for partners, the way Shopify apps and Stripe Connect do it: the partner has
 * one API client (made in its own tenant, its developer account), each farm tenant installs it by
 * granting chosen farms and scopes, and the partner asks for a token per tenant
 * (`issueClientToken(tenantId)`, like Shopify's per-shop token, Stripe's `Stripe-Account`). A
 * token reads exactly one tenant, so no query can mix tenants, and it carries the grant's farms
 * (`farms` claim) that every subgraph narrows to (lib/auth/farmScope.ts).
 *
 * The grant's id is the token's session (`sid`): revoking the grant, or replacing it with a new
 * one, puts the session on the revocation list every verifier reads at most once a second.
 */
import type { Principal } from '../../lib/auth/principal';
import type { RevocationList } from '../../lib/auth/revocation';
import type { PartnerGrant, PrismaClient } from '../../lib/db/generated/client';
import { badInput, notFound } from '../../lib/errors';
import { isUuid, MAX_PAGE_SIZE } from '../../lib/validation';
import type { ApiScope, GrantPartnerAccessInput } from './__generated__/resolvers-types';

/** At most this many farms per grant (each token carries them). */
export const MAX_FARMS_PER_GRANT = 100;

/** A grant as the API shows it (`PartnerGrant`), with its client's name. */
export type PartnerGrantModel = PartnerGrant & { clientName: string };

const withClientName = async (db: PrismaClient, grants: PartnerGrant[]): Promise<PartnerGrantModel[]> => {
  const clients = await db.apiClient.findMany({ where: { id: { in: [...new Set(grants.map((grant) => grant.clientId))] } }, select: { id: true, name: true } });
  const names = new Map(clients.map((client) => [client.id, client.name]));
  return grants.map((grant) => ({ ...grant, clientName: names.get(grant.clientId) ?? '' }));
};

/**
 * The tenant admin's grant: replaces the client's active grant in this tenant (its tokens end).
 * The farms were checked as the tenant's by the id floor (idArguments.ts).
 */
export async function grantPartnerAccess(
  db: PrismaClient,
  revocations: RevocationList,
  granter: Principal,
  input: GrantPartnerAccessInput,
): Promise<PartnerGrantModel> {
  const tenantId = granter.tenantId!;
  const farmIds = [...new Set(input.farmIds.map((id) => id.toLowerCase()))];
  if (farmIds.length === 0 || farmIds.length > MAX_FARMS_PER_GRANT)
    throw badInput(`farmIds: expected 1 to ${MAX_FARMS_PER_GRANT} farms, got ${farmIds.length}`, 'farmIds');
  const scopes = [...new Set(input.scopes)];
  if (scopes.length === 0) throw badInput('scopes: name at least one', 'scopes');
  const client = isUuid(input.clientId) ? await db.apiClient.findUnique({ where: { id: input.clientId.toLowerCase() } }) : null;
  if (!client || client.revokedAt) throw notFound('API client');
  if (client.tenantId === tenantId) throw badInput('clientId: this is one of your own clients; it reads your tenant already', 'clientId');
  const beyond = scopes.filter((scope) => !client.scopes.includes(scope));
  if (beyond.length > 0) throw badInput(`scopes: the client does not ask for ${beyond.join(', ')} (it asks for ${client.scopes.join(', ')})`, 'scopes');

  const now = new Date();
  const { replaced, grant } = await db.$transaction(async (tx) => {
    const active = await tx.partnerGrant.findMany({ where: { tenantId, clientId: client.id, revokedAt: null }, select: { id: true } });
    await tx.partnerGrant.updateMany({ where: { id: { in: active.map((row) => row.id) } }, data: { revokedAt: now } });
    const created = await tx.partnerGrant.create({
      data: { tenantId, clientId: client.id, farmIds, scopes, grantedBy: granter.kind === 'user' ? granter.subject : null },
    });
    return { replaced: active.map((row) => row.id), grant: created };
  });
  if (replaced.length > 0) await revocations.revokeSessions(replaced);
  return { ...grant, clientName: client.name };
}

/** Ends a grant of the caller's tenant; its tokens stop working within a second. */
/** Revokes the grant; `revoked` is false when it already was (a repeat, or a concurrent revocation that got there first). */
export async function revokePartnerAccess(
  db: PrismaClient,
  revocations: RevocationList,
  revoker: Principal,
  id: string,
): Promise<{ grant: PartnerGrantModel; revoked: boolean }> {
  const grant = isUuid(id) ? await db.partnerGrant.findFirst({ where: { id: id.toLowerCase(), tenantId: revoker.tenantId! } }) : null;
  if (!grant) throw notFound('Partner grant');
  const { count } = await db.partnerGrant.updateMany({ where: { id: grant.id, revokedAt: null }, data: { revokedAt: new Date() } });
  await revocations.revokeSessions([grant.id]);
  const revoked = await db.partnerGrant.findUniqueOrThrow({ where: { id: grant.id } });
  return { grant: (await withClientName(db, [revoked]))[0]!, revoked: count === 1 };
}

/**
 * A tenant admin sees the grants its tenant gave; a partner client the active grants it holds
 * in other tenants (where it may ask for a token). Nobody else sees any.
 */
export async function visibleGrants(db: PrismaClient, principal: Principal): Promise<PartnerGrantModel[]> {
  const where = principal.kind === 'client' ? { clientId: principal.subject, revokedAt: null } : { tenantId: principal.tenantId! };
  const grants = await db.partnerGrant.findMany({ where, orderBy: [{ grantedAt: 'desc' }, { id: 'asc' }], take: MAX_PAGE_SIZE });
  return withClientName(db, grants);
}

/** The client's active grant in `tenantId`, or null. */
export const activeGrant = (db: PrismaClient, clientId: string, tenantId: string) =>
  db.partnerGrant.findFirst({ where: { clientId, tenantId, revokedAt: null }, orderBy: { grantedAt: 'desc' } });

/** The token scopes of a grant: those it names that the client still asks for. */
export const grantedScopes = (grant: PartnerGrant, clientScopes: string[]): ApiScope[] =>
  grant.scopes.filter((scope) => clientScopes.includes(scope)) as ApiScope[];
