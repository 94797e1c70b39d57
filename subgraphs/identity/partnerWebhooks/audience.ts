import type { PrismaClient } from '../../../lib/db/generated/client';
import { SCOPE_CLAIMS } from '../apiClients';
import type { ApiScope } from '../__generated__/resolvers-types';
import type { PartnerEvent } from './partnerEvents';

const scopeOfClaim = (claim: string): ApiScope | undefined => Object.entries(SCOPE_CLAIMS).find(([, value]) => value === claim)?.[0] as ApiScope | undefined;

/**
 * The API clients that may hear `event`, exactly as they may read its data: the tenant's own
 * clients holding the scope, and other tenants' clients whose active grant here carries the scope
 * and (for a farm's event) that farm. Revoked clients hear nothing.
 */
export async function clientsToTell(db: PrismaClient, event: Pick<PartnerEvent, 'tenantId' | 'farmId' | 'scope'>): Promise<string[]> {
  const scope = scopeOfClaim(event.scope);
  if (!scope) return [];
  const [own, grants] = await Promise.all([
    db.apiClient.findMany({ where: { tenantId: event.tenantId, revokedAt: null, scopes: { has: scope } }, select: { id: true } }),
    db.partnerGrant.findMany({
      where: { tenantId: event.tenantId, revokedAt: null, scopes: { has: scope }, ...(event.farmId ? { farmIds: { has: event.farmId } } : {}) },
      select: { clientId: true },
    }),
  ]);
  const granted =
    grants.length === 0
      ? []
      : await db.apiClient.findMany({
          where: { id: { in: grants.map((grant) => grant.clientId) }, revokedAt: null, scopes: { has: scope } },
          select: { id: true },
        });
  return [...new Set([...own, ...granted].map((client) => client.id))];
}
