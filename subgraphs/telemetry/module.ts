import { DEFAULT_SUBGRAPH_PORTS } from '../../lib/config';
import { BatchRefusal, batchRefusalBody } from '../../lib/edge/ingestCodes';
import { INGEST_PATH, MAX_BATCH_BYTES, SIGNATURE_HEADERS } from '../../lib/edge/signedBatch';
import { AUDIT_ACTIONS, READINGS_STORED, TOPOLOGY_CHANGED } from '../../lib/events/topics';
import type { ModuleHost, PassThrough, SubgraphModule } from '../../lib/process/module';
import type { TelemetryDependencies } from './dependencies';

/** The ingest endpoint's refusals (lib/edge/ingestCodes.ts), also when the gateway answers for it. */
const ingestRefusal: NonNullable<PassThrough['refusal']> = (status) =>
  status === 413
    ? batchRefusalBody(BatchRefusal.BatchTooLarge, `A batch body is at most ${MAX_BATCH_BYTES} bytes`)
    : status === 400
      ? batchRefusalBody(BatchRefusal.BatchMalformed, 'The batch body could not be read')
      : batchRefusalBody(BatchRefusal.IngestUnavailable, 'The ingest endpoint is unavailable; nothing was stored, send the batch again');

const dependencies = (host: ModuleHost): TelemetryDependencies => ({
  pubsub: host.pubsub,
  secretBox: host.secretBox(),
  now: host.now,
  sql: host.db.sql,
  outbound: host.config.outbound,
  vapidPublicKey: (require('../../lib/notifications/vapidKeys') as typeof import('../../lib/notifications/vapidKeys')).loadVapidKeys({
    webPush: host.config.webPush,
    dataDir: host.config.dataDir,
    production: host.config.isProduction,
  })?.publicKey,
});

/** Readings and alerts: the farm edges' signed batches come in here and leave as events. */
export const telemetryModule: SubgraphModule = {
  name: 'telemetry',
  defaultPort: DEFAULT_SUBGRAPH_PORTS.telemetry,
  env: [
    'SMTP_URL',
    'MAIL_FROM',
    'FARMIQ_PUBLIC_URL',
    'FARMIQ_SECRETS_KEY',
    'WEBHOOK_ALLOWED_HOSTS',
    'WEB_PUSH',
    'VAPID_PUBLIC_KEY',
    'VAPID_PRIVATE_KEY',
    'VAPID_SUBJECT',
  ],
  routes: [
    // Edge ingestors' signed batches; verified here, passed through the gateway untouched.
    { method: 'POST', path: INGEST_PATH, passThrough: { headers: Object.values(SIGNATURE_HEADERS), limit: MAX_BATCH_BYTES, refusal: ingestRefusal } },
  ],
  workers: [
    {
      // Its copy of devices' topology (farms, barns, devices) for id checks, time zones and metering.
      name: 'topology',
      start: (host) =>
        (require('../../lib/topology/startTopologyReadModel') as typeof import('../../lib/topology/startTopologyReadModel')).startTopologyReadModel({
          sql: host.db.sql,
          log: host.log,
          schema: 'telemetry',
        }),
    },
    {
      name: 'alert-evaluator',
      start: (host) =>
        (require('./alerts/evaluator') as typeof import('./alerts/evaluator')).startAlertEvaluator({ db: host.db, pubsub: host.pubsub, log: host.log }),
    },
    {
      name: 'live-relay',
      start: (host) =>
        (require('./live/liveRelay') as typeof import('./live/liveRelay')).startLiveRelay({ db: host.db, pubsub: host.pubsub, log: host.log, now: host.now }),
    },
    {
      name: 'live-topology-relay',
      start: (host) =>
        (require('./live/liveRelay') as typeof import('./live/liveRelay')).startTopologyRelay({
          db: host.db,
          pubsub: host.pubsub,
          log: host.log,
          now: host.now,
        }),
    },
    {
      name: 'notifier',
      start: (host) => (require('./notifications/notifier') as typeof import('./notifications/notifier')).startNotifier({ db: host.db, log: host.log }),
    },
    {
      name: 'notifications',
      start: (host) => {
        const { createMailer } = require('../../lib/mail/mailer') as typeof import('../../lib/mail/mailer');
        const mailer = createMailer({ ...host.config.mail, dataDir: host.config.dataDir, production: host.config.isProduction, log: host.log });
        return (require('./notifications/startNotifications') as typeof import('./notifications/startNotifications')).startNotifications({
          db: host.db.prisma,
          config: host.config,
          secretBox: host.secretBox(),
          mailer,
          log: host.log,
        });
      },
    },
    {
      name: 'device-presence',
      start: (host) =>
        (require('./presence/presenceRecorder') as typeof import('./presence/presenceRecorder')).startPresenceRecorder({
          db: host.db,
          pubsub: host.pubsub,
          log: host.log,
        }),
    },
    {
      name: 'silence-watcher',
      start: (host) => {
        const watcher = require('./presence/silenceWatcher') as typeof import('./presence/silenceWatcher');
        return watcher.startSilenceWatcher({ db: host.db.prisma, pubsub: host.pubsub, log: host.log, pollIntervalMs: watcher.SILENCE_POLL_MS });
      },
    },
  ],
  events: { publishes: [READINGS_STORED, AUDIT_ACTIONS], consumes: [READINGS_STORED, TOPOLOGY_CHANGED] },
  publishesLive: true,
  async plugIn(host) {
    const deps = dependencies(host);
    const { telemetrySubgraph } = require('./server') as typeof import('./server');
    const { mountIngest } = require('./ingest/endpoint') as typeof import('./ingest/endpoint');
    const { mountAlertAckLink } = require('./notifications/ackEndpoint') as typeof import('./notifications/ackEndpoint');
    return {
      definition: telemetrySubgraph(deps),
      mount: (app) => {
        mountIngest(app, { db: host.db, log: host.log, deps });
        mountAlertAckLink(app, { db: host.db.prisma, log: host.log, deps });
      },
    };
  },
};
