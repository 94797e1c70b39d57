import type { QueryResolvers } from '../__generated__/resolvers-types';
import { isUuid } from '../../../lib/validation';

export const Query: QueryResolvers = {
  billingSubscription: (_parent, { id }, { db }) => (isUuid(id) ? db.planSubscription.findUnique({ where: { id } }) : null),
};
