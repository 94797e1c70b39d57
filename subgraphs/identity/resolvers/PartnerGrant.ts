import type { PartnerGrantResolvers } from '../__generated__/resolvers-types';

export const PartnerGrant: PartnerGrantResolvers = {
  // The granting tenant's name is what a partner picks it by; the grant itself is the permission to see it.
  tenant: async (grant, _args, { db }) => db.tenant.findUniqueOrThrow({ where: { id: grant.tenantId } }),
  scopes: (grant) => grant.scopes as never,
};
