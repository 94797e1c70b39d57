import type { FarmResolvers } from '../__generated__/resolvers-types';
import { tenantOrNull } from '../../../lib/auth/tenantScope';
import { isUuid, MAX_PAGE_SIZE } from '../../../lib/validation';

export const Farm: FarmResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  batches: (farm, _args, ctx) => {
    const tenantId = tenantOrNull(ctx);
    return tenantId && isUuid(farm.id)
      ? ctx.db.batch.findMany({ where: { farmId: farm.id, tenantId }, orderBy: [{ placedOn: 'desc' }, { id: 'asc' }], take: MAX_PAGE_SIZE })
      : [];
  },
};
