import path from 'node:path';
import { DEFAULT_SUBGRAPH_PORTS } from '../../lib/config';
import { AUDIT_ACTIONS, TENANT_PLAN_CHANGED, TOPOLOGY_CHANGED } from '../../lib/events/topics';
import type { SubgraphModule } from '../../lib/process/module';

/** People and tenants; the one holder of the token signing keys, whose public half it serves. */
export const identityModule: SubgraphModule = {
  name: 'identity',
  defaultPort: DEFAULT_SUBGRAPH_PORTS.identity,
  env: [
    'FARMIQ_JWT_PRIVATE_JWKS',
    'FARMIQ_ADMIN_EMAIL',
    'FARMIQ_ADMIN_PASSWORD',
    'SMTP_URL',
    'MAIL_FROM',
    'FARMIQ_PUBLIC_URL',
    'WEBHOOK_ALLOWED_HOSTS',
    'FARMIQ_SECRETS_KEY',
    'AUDIT_RETENTION_DAYS',
  ],
  // Every other process verifies tokens with these keys (FARMIQ_JWKS_URL).
  routes: [{ method: 'GET', path: '/.well-known/jwks.json' }],
  // Partners' webhooks: outbox events become deliveries, a worker sends them.
  workers: [
    {
      // Its copy of devices' topology (farms, barns, devices) for id checks, time zones and metering.
      name: 'topology',
      start: (host) =>
        (require('../../lib/topology/startTopologyReadModel') as typeof import('../../lib/topology/startTopologyReadModel')).startTopologyReadModel({
          sql: host.db.sql,
          log: host.log,
          schema: 'identity',
        }),
    },
    {
      // Audited actions of devices and billing arrive as events; identity owns the log.
      name: 'audit-log',
      start: (host) => (require('./audit/auditConsumer') as typeof import('./audit/auditConsumer')).startAuditLog({ db: host.db, log: host.log }),
    },
    {
      // Tenants' plan limits from billing's plan-changed events: what the gateway meters partner clients by.
      name: 'plan-limits',
      start: (host) => {
        if (!host.quotas) throw new Error('identity runs only in the process that holds the quotas');
        return (require('./planLimits/planLimitsConsumer') as typeof import('./planLimits/planLimitsConsumer')).startPlanLimits({
          db: host.db,
          plans: host.quotas.plans,
          log: host.log,
        });
      },
    },
    {
      name: 'audit-retention',
      start: async (host) => {
        const retention = (require('./audit/auditRetention') as typeof import('./audit/auditRetention')).startAuditRetention({
          sql: host.db.sql,
          retentionDays: host.config.auditRetentionDays,
          log: host.log,
        });
        return { stop: async () => retention.stop() };
      },
    },
    {
      name: 'partner-webhooks',
      start: (host) =>
        (require('./partnerWebhooks/startPartnerWebhooks') as typeof import('./partnerWebhooks/startPartnerWebhooks')).startPartnerWebhooks({
          db: host.db,
          log: host.log,
          secretBox: host.secretBox(),
          outbound: host.config.outbound,
        }),
    },
  ],
  usesClientQuotas: true,
  events: { publishes: [], consumes: [AUDIT_ACTIONS, TENANT_PLAN_CHANGED, TOPOLOGY_CHANGED] },
  async plugIn(host) {
    const { config, db, log } = host;
    if (!host.auth.keyRing || !host.revocations || !host.quotas)
      throw new Error('identity runs only in the process that holds the signing keys, the revocation list and the quotas');
    const { mountJwks } = require('../../lib/http/publicEndpoints') as typeof import('../../lib/http/publicEndpoints');
    const { createMailer } = require('../../lib/mail/mailer') as typeof import('../../lib/mail/mailer');
    const { ensureFirstAdmin, INITIAL_ADMIN_FILE } = require('./bootstrap') as typeof import('./bootstrap');
    const { AUTH_FAILURES_NAMESPACE } = require('./rateLimit') as typeof import('./rateLimit');
    const { identitySubgraph } = require('./server') as typeof import('./server');
    await ensureFirstAdmin(db.prisma, config, log);
    return {
      definition: identitySubgraph({
        keyRing: host.auth.keyRing,
        tokenAudience: host.auth.tokenAudience,
        rateLimits: await host.rateLimitStore(AUTH_FAILURES_NAMESPACE, (prisma) => prisma.authFailure),
        initialAdminFile: path.join(config.dataDir, INITIAL_ADMIN_FILE),
        revocations: host.revocations,
        quotas: host.quotas,
        secretBox: host.secretBox(),
        production: config.isProduction,
        mailer: createMailer({ ...config.mail, dataDir: config.dataDir, production: config.isProduction, log }),
        publicUrl: config.mail.publicUrl,
        relyingParty: (require('./mfa/passkeys') as typeof import('./mfa/passkeys')).relyingPartyOf(config.mail.publicUrl),
      }),
      mount: (app) => mountJwks(app, host.auth.publicJwks),
    };
  },
};
