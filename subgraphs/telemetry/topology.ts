import { topologyReadModel } from '../../lib/topology/readModel';

/**
 * Telemetry's own copy of devices' topology (lib/topology): kept by its `topology` worker from
 * `devices.topology-changed` events, in the `telemetry.topology_*` tables. Telemetry never reads devices' tables.
 */
export const topology = topologyReadModel('telemetry');
/** The same model for event consumers: a read still behind after the wait throws, so the event is retried rather than skipped. */
export const consumerTopology = topologyReadModel('telemetry', { whenBehind: 'throw' });

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
