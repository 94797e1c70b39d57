import type { TenantResolvers } from '../__generated__/resolvers-types';
import { farmIdFilter } from '../../../lib/auth/farmScope';
import { tenantOrNull } from '../../../lib/auth/tenantScope';
import { requirePageSize } from '../../../lib/validation';

export const Tenant: TenantResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  farms: (tenant, { first }, ctx) =>
    tenant.id === tenantOrNull(ctx)
      ? ctx.db.farm.findMany({
          where: { tenantId: tenant.id, ...farmIdFilter(ctx) },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          take: requirePageSize(first),
        })
      : [],
};
