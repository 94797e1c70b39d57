import type { Resolvers } from '../__generated__/resolvers-types';
import { DateTimeScalar } from '../../../lib/graphql/scalars';
import type { IdentityDependencies } from '../sessions';
import { createMutation } from './Mutation';
import { Member } from './Member';
import { Query } from './Query';
import { createRegisteredDocumentMutations, RegisteredDocument, registeredDocumentQueries } from './RegisteredDocument';
import { Tenant } from './Tenant';
import { User } from './User';
import { Viewer } from './Viewer';

export const createResolvers = (deps: IdentityDependencies): Resolvers => ({
  DateTime: DateTimeScalar,
  Member,
  Query: { ...Query, ...registeredDocumentQueries },
  Mutation: { ...createMutation(deps), ...createRegisteredDocumentMutations(deps) },
  RegisteredDocument,
  Tenant,
  User,
  Viewer,
});
