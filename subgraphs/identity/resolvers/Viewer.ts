import type { ViewerResolvers } from '../__generated__/resolvers-types';

export const Viewer: ViewerResolvers = {
  user: (viewer, _args, { db }) => (viewer.userId ? db.userAccount.findUnique({ where: { id: viewer.userId } }) : null),
  tenant: (viewer, _args, { db }) => (viewer.tenantId ? db.tenant.findUnique({ where: { id: viewer.tenantId } }) : null),
};
