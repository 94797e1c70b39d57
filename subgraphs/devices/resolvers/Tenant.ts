import type { TenantResolvers } from '../__generated__/resolvers-types';
import { grantedFarmIds } from '../../../lib/auth/farmScope';
import { tenantOrNull } from '../../../lib/auth/tenantScope';
import { farmsOfTenant } from '../../../lib/db/preparedReads';
import { requirePageSize } from '../../../lib/validation';

export const Tenant: TenantResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  farms: (tenant, { first }, ctx) => (tenant.id === tenantOrNull(ctx) ? farmsOfTenant(ctx.sql, tenant.id, grantedFarmIds(ctx), requirePageSize(first)) : []),
};
