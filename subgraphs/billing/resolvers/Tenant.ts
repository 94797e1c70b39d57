import type { TenantResolvers } from '../__generated__/resolvers-types';
import { tenantOrNull } from '../../../lib/auth/tenantScope';
import { seesBilling } from '../billingAccess';

export const Tenant: TenantResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  // Null for anyone but the tenant's admins: billing is theirs alone.
  activeSubscription: (tenant, _args, ctx) =>
    tenant.id === tenantOrNull(ctx) && seesBilling(ctx) ? ctx.db.planSubscription.findFirst({ where: { tenantId: tenant.id, status: 'ACTIVE' } }) : null,
};
