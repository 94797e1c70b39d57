import type { QueryResolvers } from '../__generated__/resolvers-types';
import { callerTenantId } from '../../../lib/auth/tenantScope';
import { notFound } from '../../../lib/errors';
import { isUuid } from '../../../lib/validation';

export const Query: QueryResolvers = {
  billingSubscription: async (_parent, { id }, ctx) => {
    const tenantId = callerTenantId(ctx);
    const subscription = isUuid(id) ? await ctx.db.planSubscription.findFirst({ where: { id, tenantId } }) : null;
    return subscription ?? Promise.reject(notFound('Subscription'));
  },
};
