import type { QueryResolvers } from '../__generated__/resolvers-types';
import { isUuid } from '../../../lib/validation';

export const Query: QueryResolvers = {
  batch: (_parent, { id }, { db }) => (isUuid(id) ? db.batch.findUnique({ where: { id } }) : null),
};
