import type { QueryResolvers } from '../__generated__/resolvers-types';
import { isUuid } from '../../../lib/validation';

export const Query: QueryResolvers = {
  tenant: (_parent, { id }, { db }) => (isUuid(id) ? db.tenant.findUnique({ where: { id } }) : null),
};
