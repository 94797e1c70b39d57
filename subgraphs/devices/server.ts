import { defineSubgraph } from '../../lib/graphql/subgraphServer';
import { permissions } from './permissions';
import { resolvers } from './resolvers';

/** Farm topology, devices and edge gateways: what exists, whose it is, where it stands. */
export const devicesSubgraph = defineSubgraph('devices', __dirname, resolvers, permissions);
