import type { QueryResolvers } from '../__generated__/resolvers-types';
import { notFound } from '../../../lib/errors';
import { visibleTenant } from '../tenantAccess';

export const Query: QueryResolvers = {
  me: (_parent, _args, { principal }) => ({
    userId: principal!.kind === 'user' ? principal!.subject : null,
    tenantId: principal!.tenantId,
    roles: principal!.roles,
  }),
  tenant: async (_parent, { id }, ctx) => (await visibleTenant(ctx, id)) ?? Promise.reject(notFound('Tenant')),
};
