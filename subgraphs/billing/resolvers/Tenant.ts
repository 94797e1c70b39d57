import type { TenantResolvers } from '../__generated__/resolvers-types';
import { isUuid } from '../../../lib/validation';

export const Tenant: TenantResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  activeSubscription: (tenant, _args, { db }) =>
    isUuid(tenant.id) ? db.planSubscription.findFirst({ where: { tenantId: tenant.id, status: 'ACTIVE' } }) : null,
};
