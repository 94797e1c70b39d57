import type { UserResolvers } from '../__generated__/resolvers-types';

export const User: UserResolvers = {
  // A user is visible to itself only, until user administration brings tenant-wide lists.
  __resolveReference: ({ id }, { db, principal }) =>
    principal?.kind === 'user' && principal.subject === id ? db.userAccount.findUnique({ where: { id } }) : null,
};
