import type { QueryResolvers } from '../__generated__/resolvers-types';
import { callerTenantId } from '../../../lib/auth/tenantScope';
import { notFound } from '../../../lib/errors';
import { isUuid } from '../../../lib/validation';

export const Query: QueryResolvers = {
  alertRule: async (_parent, { id }, ctx) => {
    const tenantId = callerTenantId(ctx);
    const rule = isUuid(id) ? await ctx.db.alertRule.findFirst({ where: { id, tenantId } }) : null;
    return rule ?? Promise.reject(notFound('Alert rule'));
  },
};
