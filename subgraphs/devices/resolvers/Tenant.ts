import type { TenantResolvers } from '../__generated__/resolvers-types';
import { tenantOrNull } from '../../../lib/auth/tenantScope';
import { requirePageSize } from '../../../lib/validation';

export const Tenant: TenantResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  farms: (tenant, { first }, ctx) =>
    tenant.id === tenantOrNull(ctx)
      ? ctx.db.farm.findMany({ where: { tenantId: tenant.id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: requirePageSize(first) })
      : [],
};
