import type { FarmResolvers } from '../__generated__/resolvers-types';
import { isUuid, MAX_PAGE_SIZE } from '../../../lib/validation';

export const Farm: FarmResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  batches: (farm, _args, { db }) =>
    isUuid(farm.id)
      ? db.batch.findMany({ where: { farmId: farm.id }, orderBy: [{ placedOn: 'desc' }, { id: 'asc' }], take: MAX_PAGE_SIZE })
      : [],
};
