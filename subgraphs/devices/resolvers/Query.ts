import type { QueryResolvers } from '../__generated__/resolvers-types';
import { isUuid } from '../../../lib/validation';

export const Query: QueryResolvers = {
  farm: (_parent, { id }, { db }) => (isUuid(id) ? db.farm.findUnique({ where: { id } }) : null),
};
