import { topologyReadModel } from '../../lib/topology/readModel';

/**
 * Kpi's own copy of devices' topology (lib/topology): kept by its `topology` worker from
 * `devices.topology-changed` events, in the `kpi.topology_*` tables. Kpi never reads devices' tables.
 */
export const topology = topologyReadModel('kpi');
/** The same model for event consumers: a read still behind after the wait throws, so the event is retried rather than skipped. */
export const consumerTopology = topologyReadModel('kpi', { whenBehind: 'throw' });

export const {
  lookupDevices,
  lookupBarns,
  barnOfTenant,
  devicesInBarn,
  farmTimeZone,
  farmsOfTenant,
  barnsOfTenant,
  devicesOfTenant,
  farmOfFarms,
  farmOfBarns,
  farmOfDevices,
  activeDevices,
} = topology;
export type { TopologyBarn, TopologyDevice } from '../../lib/topology/readModel';
