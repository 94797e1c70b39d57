import type { FarmResolvers } from '../__generated__/resolvers-types';
import { isUuid, MAX_PAGE_SIZE } from '../../../lib/validation';

export const Farm: FarmResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  alertRules: (farm, _args, { db }) =>
    isUuid(farm.id)
      ? db.alertRule.findMany({ where: { farmId: farm.id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: MAX_PAGE_SIZE })
      : [],
};
