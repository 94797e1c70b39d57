import type { MutationResolvers } from '../__generated__/resolvers-types';
import { requireText } from '../../../lib/validation';

export const TENANT_NAME_MAX_LENGTH = 120;

export const Mutation: MutationResolvers = {
  createTenant: async (_parent, { input }, { db, log }) => {
    const tenant = await db.tenant.create({ data: { name: requireText(input.name, 'name', TENANT_NAME_MAX_LENGTH) } });
    log.info({ tenantId: tenant.id }, 'tenant created');
    return tenant;
  },
};
