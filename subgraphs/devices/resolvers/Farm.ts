import type { FarmResolvers } from '../__generated__/resolvers-types';
import { isUuid } from '../../../lib/validation';

export const Farm: FarmResolvers = {
  __resolveReference: ({ id }, { db }) => (isUuid(id) ? db.farm.findUnique({ where: { id } }) : null),
  tenant: (farm) => ({ id: farm.tenantId }),
};
