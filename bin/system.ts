import path from 'node:path';
import { ConfigError, SUBGRAPH_NAMES, type Config, type SubgraphName, type Target } from '../lib/config';
import { openDatabase, type Database, type DatabaseLocation } from '../lib/db/database';
import { applyMigrations } from '../lib/db/migrate';
import { createSubgraphServer, type SubgraphDefinition } from '../lib/graphql/subgraphServer';
import type { ReadinessCheck } from '../lib/http/health';
import type { Logger } from '../lib/logger';
import { mountJwks } from '../lib/http/publicEndpoints';
import { startMetricsServer } from '../lib/http/metricsServer';
import { startEdge } from './edge';
import { startIngestor } from '../edge-ingestor/ingestor';
import { INGEST_PATH } from '../lib/edge/signedBatch';
import { startSimulator } from '../edge-ingestor/simulator/Simulator';
import { ensureDemoFarm } from './demoFarm';
import { verifyDeviceCredentials } from '../subgraphs/devices/credentials/deviceCredentials';
import { ensureFirstAdmin, INITIAL_ADMIN_FILE } from '../subgraphs/identity/bootstrap';
import { databaseRateLimitStore, openRedis, redisRateLimitStore, type FailureTable, type RateLimitStore } from '../lib/rateLimit/store';
import { loadSecretBox } from '../lib/crypto/secretsKey';
import { relyingPartyOf } from '../subgraphs/identity/mfa/passkeys';
import { startAuditLog } from '../subgraphs/identity/audit/auditConsumer';
import { startAuditRetention } from '../subgraphs/identity/audit/auditRetention';
import { mountIngest } from '../subgraphs/telemetry/ingest/endpoint';
import type { Express } from 'express';
import { openPubSub } from '../lib/pubsub/openPubSub';
import { AUTH_FAILURES_NAMESPACE } from '../subgraphs/identity/rateLimit';
import { CLAIM_FAILURES_NAMESPACE } from '../subgraphs/devices/provisioning/claimDevice';
import { setUpAuth } from './auth';
import { openRevocationList } from '../lib/auth/openRevocations';
import { createClientQuotas } from '../lib/quotas/clientQuotas';
import { startPartnerWebhooks } from '../subgraphs/identity/partnerWebhooks/startPartnerWebhooks';
import { createMailer } from '../lib/mail/mailer';
import { createGateway } from '../supergraph/gateway';
import { subgraphUrlOnLoopback } from '../supergraph/compose';
import { billingSubgraph, mountPaymentWebhook } from '../subgraphs/billing/server';
import { devicesSubgraph } from '../subgraphs/devices/server';
import { identitySubgraph } from '../subgraphs/identity/server';
import { kpiSubgraph } from '../subgraphs/kpi/server';
import { telemetrySubgraph } from '../subgraphs/telemetry/server';
import { startAlertEvaluator } from '../subgraphs/telemetry/alerts/evaluator';
import { startLiveRelay } from '../subgraphs/telemetry/live/liveRelay';
import { startNotifications } from '../subgraphs/telemetry/notifications/startNotifications';
import { startUsageMeter } from '../subgraphs/billing/usage/usageMeter';
import { startScaleWeighIn } from '../subgraphs/kpi/records/scaleWeights';
import { startRenewals } from '../subgraphs/billing/subscriptions/renewalScheduler';
import { createMemoryPubSub, type PubSub } from '../lib/pubsub/pubsub';

const SUBGRAPHS: Record<Exclude<SubgraphName, 'identity' | 'devices' | 'telemetry'>, SubgraphDefinition> = {
  kpi: kpiSubgraph,
  billing: billingSubgraph(),
};

/** A running system (or one component of it). */
export interface RunningSystem {
  target: Target;
  /** Bound ports by component: `gateway`, each subgraph, `mqtt`, `ingestor`. */
  ports: Partial<Record<'gateway' | SubgraphName | 'mqtt' | 'ingestor' | 'metrics', number>>;
  database: Database | undefined;
  /** The process's event bus: ingest publishes stored readings, the gateway's subscriptions, alert evaluation and usage metering listen. */
  pubsub: PubSub;
  /** Stops accepting work, lets in-flight requests finish, closes the database. Idempotent. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Overrides where the data lives (tests use a database of their own). */
  database?: DatabaseLocation;
}

/** The database a target uses: PostgreSQL when configured, else PGlite in the data folder. */
export function databaseLocationFor(target: Target, config: Config): DatabaseLocation {
  if (config.databaseUrl) return { kind: 'postgres', url: config.databaseUrl };
  if (config.isProduction) {
    throw new ConfigError('DATABASE_URL: required in production; the embedded PGlite is a development default');
  }
  // One process owns a PGlite folder, so a single-subgraph process gets a folder of its own.
  return { kind: 'pglite', dir: target === 'all' ? config.dataDir : path.join(config.dataDir, target) };
}

const needsDatabase = (target: Target) => target === 'all' || (SUBGRAPH_NAMES as readonly string[]).includes(target);

/**
 * Starts `target` in this process: `all` runs the five subgraphs (on loopback), the gateway and
 * the ingestor with its broker. On any start-up failure what already started is stopped again.
 */
export async function startSystem(target: Target, config: Config, log: Logger, options: StartOptions = {}): Promise<RunningSystem> {
  // The farm's edge process has no database and serves no GraphQL.
  if (target === 'ingestor') return startEdge(config, log);
  const stack: Array<() => Promise<void>> = [];
  const ports: RunningSystem['ports'] = {};
  let database: Database | undefined;
  let pubsub: PubSub = createMemoryPubSub();
  const stopAll = async () => {
    while (stack.length > 0) await stack.pop()!().catch((error) => log.error({ err: error }, 'error while stopping'));
  };
  try {
    if (needsDatabase(target)) {
      const location = options.database ?? databaseLocationFor(target, config);
      const db = await openDatabase(location);
      database = db;
      stack.push(() => db.close());
      const applied = await applyMigrations(db.sql);
      log.info({ database: db.kind, applied }, applied.length ? 'database migrated' : 'database schema is current');
    }
    // One event bus per process: Redis when REDIS_URL is set (every gateway replica gets every
    // event), else in memory (the all-in-one mode). Ingest (telemetry) publishes, the gateway listens.
    // Billing (usage metering) and kpi (scale weights) listen too; other targets keep an unused in-memory bus.
    if (target === 'all' || target === 'gateway' || target === 'telemetry' || target === 'billing' || target === 'kpi') pubsub = await openPubSub(config.redisUrl, log);
    const bus = pubsub;
    stack.push(() => bus.close());
    const readiness: ReadinessCheck[] = database ? [{ name: 'database', check: () => database!.ping() }] : [];
    // Revoked access tokens: identity writes the list, every verifier here reads it.
    const revocations = await openRevocationList(config.redisUrl, database?.sql);
    stack.push(() => revocations.close());
    const auth = await setUpAuth(target, config, revocations.list);
    // Failed logins and claims are counted in Redis when REDIS_URL is set, else in the database.
    let redis: Awaited<ReturnType<typeof openRedis>> | undefined;
    const sharedRedis = async (url: string) => {
      if (!redis) {
        redis = await openRedis(url);
        const opened = redis;
        stack.push(() => opened.close());
      }
      return redis.redis;
    };
    const rateLimitStore = async (namespace: string, table: () => FailureTable): Promise<RateLimitStore> => {
      if (!config.redisUrl) return databaseRateLimitStore(table());
      return redisRateLimitStore(await sharedRedis(config.redisUrl), namespace);
    };
    // Partner quotas: the gateway charges them, identity shows them (Redis, else the database, else memory).
    const quotas =
      target === 'all' || target === 'gateway' || target === 'identity'
        ? createClientQuotas(config.partnerQuotas, config.redisUrl ? { redis: await sharedRedis(config.redisUrl) } : { sql: database?.sql })
        : undefined;

    const secretBox = () => loadSecretBox({ secretsKey: config.secretsKey, dataDir: config.dataDir, production: config.isProduction });

    const subgraphUrls: Partial<Record<SubgraphName, string>> = {};
    const subgraphTargets = target === 'all' ? SUBGRAPH_NAMES : SUBGRAPH_NAMES.filter((name) => name === target);
    for (const name of subgraphTargets) {
      const isIdentity = name === 'identity';
      let definition: SubgraphDefinition;
      let mount: ((app: Express) => void) | undefined;
      if (name === 'telemetry') {
        const deps = { pubsub, secretBox: secretBox(), now: () => new Date(), sql: database!.sql };
        definition = telemetrySubgraph(deps);
        mount = (app) => mountIngest(app, { db: database!, log, deps });
        const evaluator = await startAlertEvaluator({ db: database!, pubsub, log });
        stack.push(() => evaluator.stop());
        const relay = await startLiveRelay({ db: database!, pubsub, log, now: () => new Date() });
        stack.push(() => relay.stop());
        const notifications = startNotifications({ db: database!.prisma, config, secretBox: deps.secretBox, log });
        stack.push(() => notifications.stop());
      } else if (name === 'devices') {
        definition = devicesSubgraph({
          claimLimits: await rateLimitStore(CLAIM_FAILURES_NAMESPACE, () => database!.prisma.claimFailure),
          secretBox: secretBox(),
          now: () => new Date(),
        });
      } else if (isIdentity) {
        await ensureFirstAdmin(database!.prisma, config, log);
        // Audited actions of devices and billing arrive as events; identity owns the log.
        const auditLog = await startAuditLog({ db: database!, log });
        stack.push(() => auditLog.stop());
        const retention = startAuditRetention({ sql: database!.sql, retentionDays: config.auditRetentionDays, log });
        stack.push(async () => retention.stop());
        // Partners' webhooks: outbox events become deliveries, a worker sends them.
        const partnerWebhooks = await startPartnerWebhooks({ db: database!, log, secretBox: secretBox() });
        stack.push(() => partnerWebhooks.stop());
        definition = identitySubgraph({
          keyRing: auth.keyRing!,
          tokenAudience: auth.tokenAudience,
          rateLimits: await rateLimitStore(AUTH_FAILURES_NAMESPACE, () => database!.prisma.authFailure),
          initialAdminFile: path.join(config.dataDir, INITIAL_ADMIN_FILE),
          revocations: revocations.list!,
          quotas: quotas!,
          secretBox: secretBox(),
          production: config.isProduction,
          mailer: createMailer({ ...config.mail, dataDir: config.dataDir, production: config.isProduction, log }),
          publicUrl: config.mail.publicUrl,
          relyingParty: relyingPartyOf(config.mail.publicUrl),
        });
      } else {
        definition = SUBGRAPHS[name];
      }
      if (name === 'kpi') {
        // Scale weights stored by telemetry become weigh samples of the barn's batch.
        const weighIn = await startScaleWeighIn({ db: database!, log });
        stack.push(() => weighIn.stop());
      }
      if (name === 'billing') {
        // Usage comes from the other subgraphs' interfaces: stored-readings events and the devices registry.
        const meter = await startUsageMeter({ db: database!, log, now: () => new Date() });
        stack.push(() => meter.stop());
        const renewals = startRenewals({ db: database!.prisma, log, now: () => new Date() });
        stack.push(() => renewals.stop());
      }
      const service = await createSubgraphServer(definition, {
        db: database!,
        log,
        production: config.isProduction,
        verifyToken: auth.verifyToken,
        forwardingKey: auth.forwardingKey,
        // Identity publishes the public keys every other process verifies tokens with.
        // Billing receives the payment provider's signed webhooks; telemetry the edge's signed batches.
        mount: isIdentity
          ? (app) => mountJwks(app, auth.publicJwks)
          : name === 'billing'
            ? (app) => mountPaymentWebhook(app, { db: database!.prisma, log, secret: config.billing.webhookSecret, now: () => new Date() })
            : mount,
      });
      stack.push(() => service.stop());
      if (name === 'billing' && !config.billing.webhookSecret) {
        log.warn('BILLING_WEBHOOK_SECRET is not set: the payment webhook (/webhooks/payments) refuses every call');
      }
      // In one process the subgraphs are internal: loopback only. Alone, each is its own container.
      const host = target === 'all' ? '127.0.0.1' : config.gateway.host;
      ports[name] = await service.listen(config.subgraphs[name].port, host, `${name.toUpperCase()}_PORT`);
      subgraphUrls[name] = subgraphUrlOnLoopback(ports[name]!);
    }

    if (target === 'all') {
      // All in one process, the embedded broker checks devices against the devices subgraph's data.
      const db = database?.prisma;
      const demo = config.ingestor.simulator && db ? await ensureDemoFarm(db, secretBox(), config.dataDir, log) : undefined;
      const ingestor = await startIngestor(
        config,
        log,
        db
          ? {
              authenticateDevice: (username, password) => verifyDeviceCredentials(db, username, password),
              // All in one process, batches go to this process's telemetry subgraph.
              defaultIngestUrl: `http://127.0.0.1:${ports.telemetry}${INGEST_PATH}`,
              inProcessWithCloud: true,
            }
          : {},
      );
      stack.push(() => ingestor.stop());
      readiness.push(ingestor.readiness);
      ports.mqtt = Number(new URL(ingestor.brokerUrl).port) || undefined;
      if (demo && !config.mqtt.url) {
        // One reading a second per demo device, through the embedded broker like real devices.
        const simulator = await startSimulator({ brokerUrl: ingestor.localBrokerUrl, devices: demo.devices, ratePerSecond: demo.devices.length, log: log.child({ component: 'simulator' }) });
        stack.push(() => simulator.stop());
      }
    }

    if (target === 'all' || target === 'gateway') {
      const urls = target === 'all' ? subgraphUrls : configuredSubgraphUrls(config);
      const gateway = await createGateway({
        config,
        log,
        subgraphUrls: urls,
        readinessChecks: readiness,
        verifyToken: auth.verifyToken,
        forwardingKey: auth.forwardingKey,
        publicJwks: auth.publicJwks,
        pubsub,
        ...(quotas ? { quotas } : {}),
      });
      stack.push(() => gateway.stop());
      ports.gateway = await gateway.listen(config.gateway.port, config.gateway.host, 'PORT');
    }
    const metrics = await startMetricsServer(config.metrics, log);
    if (metrics) {
      stack.push(() => metrics.service.stop());
      ports.metrics = metrics.port;
    }
  } catch (error) {
    await stopAll();
    throw error;
  }
  let stopped: Promise<void> | undefined;
  return {
    target,
    ports,
    database,
    pubsub,
    stop: () => (stopped ??= stopAll()),
  };
}

function configuredSubgraphUrls(config: Config): Partial<Record<SubgraphName, string>> {
  return Object.fromEntries(SUBGRAPH_NAMES.flatMap((name) => (config.subgraphs[name].url ? [[name, config.subgraphs[name].url]] : [])));
}
