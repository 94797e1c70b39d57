import type { QueryResolvers } from '../__generated__/resolvers-types';
import { isUuid } from '../../../lib/validation';

export const Query: QueryResolvers = {
  alertRule: (_parent, { id }, { db }) => (isUuid(id) ? db.alertRule.findUnique({ where: { id } }) : null),
};
