import type { TenantResolvers } from '../__generated__/resolvers-types';
import { visibleTenant } from '../tenantAccess';

export const Tenant: TenantResolvers = {
  __resolveReference: ({ id }, ctx) => visibleTenant(ctx, id),
};
