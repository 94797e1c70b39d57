import { defineSubgraph } from '../../lib/graphql/subgraphServer';
import { permissions } from './permissions';
import { resolvers } from './resolvers';

/** People, tenants and their roles: who may do what. */
export const identitySubgraph = defineSubgraph('identity', __dirname, resolvers, permissions);
