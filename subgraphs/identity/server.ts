import { defineSubgraph } from '../../lib/graphql/subgraphServer';
import { idArguments } from './idArguments';
import { permissions } from './permissions';
import { createResolvers } from './resolvers';
import type { IdentityDependencies } from './sessions';

/** People, tenants and their roles: who may do what. Identity alone holds the signing keys. */
export const identitySubgraph = (deps: IdentityDependencies) => defineSubgraph('identity', __dirname, createResolvers(deps), permissions, idArguments);
