import type { QueryResolvers } from '../__generated__/resolvers-types';
import { callerTenantId } from '../../../lib/auth/tenantScope';
import { notFound } from '../../../lib/errors';
import { isUuid } from '../../../lib/validation';

export const Query: QueryResolvers = {
  farm: async (_parent, { id }, ctx) => {
    const tenantId = callerTenantId(ctx);
    const farm = isUuid(id) ? await ctx.db.farm.findFirst({ where: { id, tenantId } }) : null;
    return farm ?? Promise.reject(notFound('Farm'));
  },
};
