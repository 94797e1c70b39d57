import { ofCallerTenant, ownedBy, unscoped, type IdArgumentChecks } from '../../lib/graphql/idArguments';
import { farmsOfTenant } from './topology';
import { existingTenants } from './registry';
import { loadTenants } from './tenantAccess';
import type { SubgraphContext } from '../../lib/graphql/context';

/** The ids of `ids` the caller may name: its own tenant; any for a platform admin (it acts for every tenant). */
const namedTenants = (ctx: SubgraphContext, ids: readonly string[]) => {
  const principal = ctx.principal;
  if (!principal) return [];
  return principal.roles.includes('PLATFORM_ADMIN') ? ids : ids.filter((id) => id === principal.tenantId);
};

/** The caller's own tenant; any existing one for a platform admin. */
const visibleTenant = ownedBy('Tenant', (ctx, ids) => existingTenants(ctx.db, namedTenants(ctx, ids)));

/** The same check for a read: through the request's tenant loader, so the resolver's read of the row is no second query. */
const readableTenant = ownedBy('Tenant', async (ctx, ids) => {
  const rows = await loadTenants(ctx, namedTenants(ctx, ids));
  return new Set(rows.flatMap((row) => (row ? [row.id] : [])));
});

const apiClient = ofCallerTenant('API client', async (db, tenantId, ids) => {
  const rows = await db.apiClient.findMany({ where: { id: { in: [...ids] }, tenantId }, select: { id: true } });
  return new Set(rows.map((row) => row.id));
});

/** A member of the caller's tenant, by user id. */
const member = ofCallerTenant('Member', async (db, tenantId, ids) => {
  const rows = await db.membership.findMany({ where: { userId: { in: [...ids] }, tenantId }, select: { userId: true } });
  return new Set(rows.map((row) => row.userId));
});

/** One of the caller's own passkeys (a user's factors are its own, whatever tenant it acts for). */
const ownPasskey = ownedBy('Passkey', async (ctx, ids) => {
  const principal = ctx.principal;
  if (principal?.kind !== 'user') return new Set();
  const rows = await ctx.db.passkey.findMany({ where: { id: { in: [...ids] }, userId: principal.subject }, select: { id: true } });
  return new Set(rows.map((row) => row.id));
});

const partnerGrant = ofCallerTenant('Partner grant', async (db, tenantId, ids) => {
  const rows = await db.partnerGrant.findMany({ where: { id: { in: [...ids] }, tenantId }, select: { id: true } });
  return new Set(rows.map((row) => row.id));
});

/** Farms are the devices subgraph's: checked in identity's read model of them (topology.ts). */
const farm = ofCallerTenant('Farm', farmsOfTenant);

/** Whose ids identity's operations take (lib/graphql/idArguments.ts). */
export const idArguments: IdArgumentChecks = {
  'Query.tenant': { id: readableTenant },
  'Mutation.inviteUser': { 'input.tenantId': visibleTenant },
  'Mutation.revokeApiClient': { id: apiClient },
  'Mutation.rotateApiClientSecret': { id: apiClient },
  'Mutation.setApiClientDocumentPolicy': { id: apiClient },
  'Mutation.sendInvitation': { 'input.tenantId': visibleTenant },
  'Mutation.changeMemberRole': { userId: member },
  'Mutation.disableMember': { userId: member },
  'Mutation.enableMember': { userId: member },
  'Mutation.removeMember': { userId: member },
  'Mutation.suspendTenant': { id: visibleTenant },
  'Mutation.reinstateTenant': { id: visibleTenant },
  'Mutation.removePasskey': { id: ownPasskey },
  'Mutation.login': {
    'input.tenantId': unscoped('no one is logged in yet: any tenant the credentials are no member of, existing or not, is FORBIDDEN after the password check'),
  },
  'Mutation.issueClientToken': {
    clientId: unscoped('the client secret proves the caller: a wrong secret is UNAUTHENTICATED for any id, existing or not'),
    tenantId: unscoped('checked after the secret: a tenant that gave the client no active grant, existing or not, is FORBIDDEN'),
  },
  'Mutation.grantPartnerAccess': {
    'input.farmIds': farm,
    'input.clientId': unscoped(
      "a partner's client lives in the partner's own tenant: any active client may be granted, an unknown or revoked one is NOT_FOUND",
    ),
  },
  'Mutation.revokePartnerAccess': { id: partnerGrant },
  'Mutation.deletePartnerWebhook': {
    id: unscoped("a partner client's own webhook, not a tenant's: the resolver finds it among the calling client's only (NOT_FOUND otherwise)"),
  },
};
