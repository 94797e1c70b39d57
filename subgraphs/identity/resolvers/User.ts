import type { UserResolvers } from '../__generated__/resolvers-types';
import { ErrorCode, userError } from '../../../lib/errors';
import { mfaStatus } from '../mfa/factors';

export const User: UserResolvers = {
  // A user is visible to itself only, until user administration brings tenant-wide lists.
  __resolveReference: ({ id }, { db, principal }) =>
    principal?.kind === 'user' && principal.subject === id ? db.userAccount.findUnique({ where: { id } }) : null,
  // Tenant admins reach other users through `members`: what factors someone has (`Member.mfaEnabled`) yes, their passkeys no.
  mfa: (user, _args, { db, principal }) => {
    if (principal?.kind !== 'user' || principal.subject !== user.id) throw userError(ErrorCode.Forbidden, 'Only the user sees its own second factors');
    return mfaStatus(db, user.id);
  },
};
