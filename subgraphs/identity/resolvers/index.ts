import type { Resolvers } from '../__generated__/resolvers-types';
import { DateTimeScalar } from '../../../lib/graphql/scalars';
import type { IdentityDependencies } from '../sessions';
import { createApiClient } from './ApiClient';
import { createMutation } from './Mutation';
import { Member } from './Member';
import { PartnerGrant } from './PartnerGrant';
import { Query } from './Query';
import { createRegisteredDocumentMutations, RegisteredDocument, registeredDocumentQueries } from './RegisteredDocument';
import { Tenant } from './Tenant';
import { User } from './User';
import { Viewer } from './Viewer';

export const createResolvers = (deps: IdentityDependencies): Resolvers => ({
  DateTime: DateTimeScalar,
  Member,
  Query: { ...Query, ...registeredDocumentQueries },
  ApiClient: createApiClient(deps),
  Mutation: { ...createMutation(deps), ...createRegisteredDocumentMutations(deps) },
  PartnerGrant,
  RegisteredDocument,
  Tenant,
  User,
  Viewer,
});
