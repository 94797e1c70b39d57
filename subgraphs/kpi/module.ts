import { DEFAULT_SUBGRAPH_PORTS } from '../../lib/config';
import { READINGS_STORED, WEIGH_SESSION_EVENTS, TOPOLOGY_CHANGED } from '../../lib/events/topics';
import type { SubgraphModule } from '../../lib/process/module';

/**
 * Batch performance and weigh sessions: scale weights stored by telemetry become weigh samples
 * of the barn's batch; camera weights become weigh-session events, which the projection applies
 * with the API's own (subgraphs/kpi/README.md).
 */
export const kpiModule: SubgraphModule = {
  name: 'kpi',
  defaultPort: DEFAULT_SUBGRAPH_PORTS.kpi,
  env: [],
  routes: [],
  workers: [
    {
      // Its copy of devices' topology (farms, barns, devices) for id checks, time zones and metering.
      name: 'topology',
      start: (host) =>
        (require('../../lib/topology/startTopologyReadModel') as typeof import('../../lib/topology/startTopologyReadModel')).startTopologyReadModel({
          sql: host.db.sql,
          log: host.log,
          schema: 'kpi',
        }),
    },
    {
      name: 'scale-weigh-in',
      start: (host) => (require('./records/scaleWeights') as typeof import('./records/scaleWeights')).startScaleWeighIn({ db: host.db, log: host.log }),
    },
    {
      name: 'camera-weigh-in',
      start: (host) =>
        (require('./weighSessions/cameraWeighIn') as typeof import('./weighSessions/cameraWeighIn')).startCameraWeighIn({ db: host.db, log: host.log }),
    },
    {
      name: 'weigh-session-projection',
      start: (host) =>
        (require('./weighSessions/projection') as typeof import('./weighSessions/projection')).startWeighSessionProjection({
          db: host.db,
          pubsub: host.pubsub,
          log: host.log,
        }),
    },
    {
      name: 'weigh-session-idle-finalizer',
      start: (host) =>
        (require('./weighSessions/idleFinalizer') as typeof import('./weighSessions/idleFinalizer')).startIdleFinalizer({
          sql: host.db.sql,
          pubsub: host.pubsub,
          now: host.now,
          log: host.log,
        }),
    },
  ],
  events: { publishes: [WEIGH_SESSION_EVENTS], consumes: [READINGS_STORED, WEIGH_SESSION_EVENTS, TOPOLOGY_CHANGED] },
  publishesLive: true,
  plugIn: async (host) => ({
    definition: (require('./server') as typeof import('./server')).kpiSubgraph({ sql: host.db.sql, pubsub: host.pubsub, now: host.now }),
  }),
};
