import type { MemberResolvers } from '../__generated__/resolvers-types';
import { hasSecondFactor } from '../mfa/factors';

export const Member: MemberResolvers = {
  mfaEnabled: (member, _args, { db }) => hasSecondFactor(db, member.user.id),
};
