import { DEFAULT_SUBGRAPH_PORTS } from '../../lib/config';
import { READINGS_STORED, WEIGH_SESSION_EVENTS, TOPOLOGY_CHANGED } from '../../lib/events/topics';
import type { PassThrough, SubgraphModule } from '../../lib/process/module';
import { MAX_SCALE_SESSION_REQUEST_BYTES, SCALE_SESSION_PATH } from '../../lib/edge/scaleSessionLink';
import { BatchRefusal } from '../../lib/edge/ingestCodes';
import { SIGNATURE_HEADERS } from '../../lib/edge/signedBatch';

/** The scale-session route's refusals when the gateway answers for it (lib/edge/scaleSessionLink.ts). */
const scaleSessionRefusal: NonNullable<PassThrough['refusal']> = (status) =>
  status === 503
    ? { error: { code: BatchRefusal.IngestUnavailable, message: 'The weigh-session service is unavailable; ask again later' } }
    : { error: { code: 'BAD_REQUEST', message: `Expected JSON {"cameraId": "<device id>"} of at most ${MAX_SCALE_SESSION_REQUEST_BYTES} bytes` } };

/**
 * Batch performance and weigh sessions: scale weights stored by telemetry become weigh samples
 * of the barn's batch; camera weights become weigh-session events, which the projection applies
 * with the API's own (subgraphs/kpi/README.md).
 */
export const kpiModule: SubgraphModule = {
  name: 'kpi',
  defaultPort: DEFAULT_SUBGRAPH_PORTS.kpi,
  env: ['FARMIQ_SECRETS_KEY'],
  routes: [
    // Farm boxes ask for their cameras' barns' scale sessions (vision calibration), signed with their edge key; verified here.
    {
      method: 'POST',
      path: SCALE_SESSION_PATH,
      passThrough: { headers: Object.values(SIGNATURE_HEADERS), limit: MAX_SCALE_SESSION_REQUEST_BYTES, refusal: scaleSessionRefusal },
    },
  ],
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
    mount: (app) =>
      (require('./weighSessions/scaleSessionEndpoint') as typeof import('./weighSessions/scaleSessionEndpoint')).mountScaleSessionEndpoint(app, {
        db: host.db,
        secretBox: () => host.secretBox(),
        now: host.now,
        log: host.log,
      }),
  }),
};
