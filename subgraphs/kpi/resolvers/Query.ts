import type { QueryResolvers } from '../__generated__/resolvers-types';
import { callerTenantId } from '../../../lib/auth/tenantScope';
import { notFound } from '../../../lib/errors';
import { isUuid } from '../../../lib/validation';

export const Query: QueryResolvers = {
  batch: async (_parent, { id }, ctx) => {
    const tenantId = callerTenantId(ctx);
    const batch = isUuid(id) ? await ctx.db.batch.findFirst({ where: { id, tenantId } }) : null;
    return batch ?? Promise.reject(notFound('Batch'));
  },
};
