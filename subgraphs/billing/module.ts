import { DEFAULT_SUBGRAPH_PORTS } from '../../lib/config';
import { READINGS_STORED, AUDIT_ACTIONS, TENANT_PLAN_CHANGED, TOPOLOGY_CHANGED } from '../../lib/events/topics';
import type { SubgraphModule } from '../../lib/process/module';
import { SIGNATURE_HEADER } from './payments/webhookSignature';
import { WEBHOOK_PATH } from './payments/webhookPath';

/** Money: usage is metered from telemetry's stored-readings events and billing's read model of devices' topology. */
export const billingModule: SubgraphModule = {
  name: 'billing',
  defaultPort: DEFAULT_SUBGRAPH_PORTS.billing,
  env: ['BILLING_WEBHOOK_SECRET', 'PLAN_API_LIMITS'],
  routes: [
    // The payment provider's signed webhooks; verified here, passed through the gateway untouched.
    { method: 'POST', path: WEBHOOK_PATH, passThrough: { headers: [SIGNATURE_HEADER], limit: '64kb' } },
  ],
  workers: [
    {
      // Its copy of devices' topology (farms, barns, devices) for id checks, time zones and metering.
      name: 'topology',
      start: (host) =>
        (require('../../lib/topology/startTopologyReadModel') as typeof import('../../lib/topology/startTopologyReadModel')).startTopologyReadModel({
          sql: host.db.sql,
          log: host.log,
          schema: 'billing',
        }),
    },
    {
      name: 'usage-meter',
      start: (host) => (require('./usage/usageMeter') as typeof import('./usage/usageMeter')).startUsageMeter({ db: host.db, log: host.log, now: host.now }),
    },
    // Plans that predate the plan-changed events (or whose API limits were redefined) are announced once at start.
    {
      name: 'plan-announcements',
      start: (host) =>
        (require('./subscriptions/planAnnouncements') as typeof import('./subscriptions/planAnnouncements')).startPlanAnnouncements({
          db: host.db.prisma,
          log: host.log,
          now: host.now,
        }),
    },
    {
      name: 'renewals',
      start: (host) =>
        (require('./subscriptions/renewalScheduler') as typeof import('./subscriptions/renewalScheduler')).startRenewals({
          db: host.db.prisma,
          log: host.log,
          now: host.now,
        }),
    },
  ],
  events: { publishes: [AUDIT_ACTIONS, TENANT_PLAN_CHANGED], consumes: [READINGS_STORED, TOPOLOGY_CHANGED] },
  async plugIn(host) {
    const secret = host.config.billing.webhookSecret;
    (require('./money/planApiLimits') as typeof import('./money/planApiLimits')).usePlanApiLimits(host.config.billing.planApiLimits);
    if (!secret) host.log.warn(`BILLING_WEBHOOK_SECRET is not set: the payment webhook (${WEBHOOK_PATH}) refuses every call`);
    const { billingSubgraph } = require('./server') as typeof import('./server');
    const { mountPaymentWebhook } = require('./payments/webhook') as typeof import('./payments/webhook');
    return {
      definition: billingSubgraph(),
      mount: (app) => mountPaymentWebhook(app, { db: host.db.prisma, log: host.log, secret, now: host.now }),
    };
  },
};
