import { defineSubgraph } from '../../lib/graphql/subgraphServer';
import type { TelemetryDependencies } from './dependencies';
import { idArguments } from './idArguments';
import { permissions } from './permissions';
import { createResolvers } from './resolvers';

/** Readings and alerts: what the farm's sensors say, now and over time. */
export const telemetrySubgraph = (deps: TelemetryDependencies) => defineSubgraph('telemetry', __dirname, createResolvers(deps), permissions, idArguments);
