import type { FarmResolvers } from '../__generated__/resolvers-types';
import { tenantOrNull } from '../../../lib/auth/tenantScope';
import { isUuid, MAX_PAGE_SIZE } from '../../../lib/validation';

export const Farm: FarmResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  alertRules: (farm, _args, ctx) => {
    const tenantId = tenantOrNull(ctx);
    return tenantId && isUuid(farm.id)
      ? ctx.db.alertRule.findMany({ where: { farmId: farm.id, tenantId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: MAX_PAGE_SIZE })
      : [];
  },
};
