import { defineSubgraph } from '../../lib/graphql/subgraphServer';
import type { DevicesDependencies } from './dependencies';
import { idArguments } from './idArguments';
import { permissions } from './permissions';
import { createResolvers } from './resolvers';

/** Farm topology, devices and edge gateways: what exists, whose it is, where it stands. */
export const devicesSubgraph = (deps: DevicesDependencies) => defineSubgraph('devices', __dirname, createResolvers(deps), permissions, idArguments);
