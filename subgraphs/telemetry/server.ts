import { defineSubgraph } from '../../lib/graphql/subgraphServer';
import { permissions } from './permissions';
import { resolvers } from './resolvers';

/** Readings and alerts: what the farm's sensors say, now and over time. */
export const telemetrySubgraph = defineSubgraph('telemetry', __dirname, resolvers, permissions);
