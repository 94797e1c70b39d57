import type { TenantResolvers } from '../__generated__/resolvers-types';
import { isUuid, requirePageSize } from '../../../lib/validation';

export const Tenant: TenantResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  farms: (tenant, { first }, { db }) =>
    isUuid(tenant.id)
      ? db.farm.findMany({ where: { tenantId: tenant.id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: requirePageSize(first) })
      : [],
};
