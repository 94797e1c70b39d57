import type { TenantResolvers } from '../__generated__/resolvers-types';
import { tenantOrNull } from '../../../lib/auth/tenantScope';
import { activeSubscriptionOf } from '../../../lib/db/preparedReads';
import { seesBilling } from '../billingAccess';

export const Tenant: TenantResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  // Null for anyone but the tenant's admins: billing is theirs alone.
  activeSubscription: (tenant, _args, ctx) => (tenant.id === tenantOrNull(ctx) && seesBilling(ctx) ? activeSubscriptionOf(ctx.sql, tenant.id) : null),
};
