import type { TenantResolvers } from '../__generated__/resolvers-types';
import { isUuid } from '../../../lib/validation';

export const Tenant: TenantResolvers = {
  __resolveReference: ({ id }, { db }) => (isUuid(id) ? db.tenant.findUnique({ where: { id } }) : null),
};
