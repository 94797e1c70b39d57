import { DEFAULT_SUBGRAPH_PORTS } from '../../lib/config';
import { READINGS_STORED } from '../../lib/events/topics';
import type { SubgraphModule } from '../../lib/process/module';
import { SIGNATURE_HEADER } from './payments/webhookSignature';
import { mountPaymentWebhook, WEBHOOK_PATH } from './payments/webhook';
import { billingSubgraph } from './server';
import { startRenewals } from './subscriptions/renewalScheduler';
import { startUsageMeter } from './usage/usageMeter';

/** Money: usage is metered from telemetry's stored-readings events and devices' registry. */
export const billingModule: SubgraphModule = {
  name: 'billing',
  defaultPort: DEFAULT_SUBGRAPH_PORTS.billing,
  env: ['BILLING_WEBHOOK_SECRET'],
  routes: [
    // The payment provider's signed webhooks; verified here, passed through the gateway untouched.
    { method: 'POST', path: WEBHOOK_PATH, passThrough: { headers: [SIGNATURE_HEADER], limit: '64kb' } },
  ],
  workers: [
    { name: 'usage-meter', start: (host) => startUsageMeter({ db: host.db, log: host.log, now: host.now }) },
    { name: 'renewals', start: (host) => startRenewals({ db: host.db.prisma, log: host.log, now: host.now }) },
  ],
  events: { publishes: [], consumes: [READINGS_STORED] },
  async plugIn(host) {
    const secret = host.config.billing.webhookSecret;
    if (!secret) host.log.warn(`BILLING_WEBHOOK_SECRET is not set: the payment webhook (${WEBHOOK_PATH}) refuses every call`);
    return {
      definition: billingSubgraph(),
      mount: (app) => mountPaymentWebhook(app, { db: host.db.prisma, log: host.log, secret, now: host.now }),
    };
  },
};
