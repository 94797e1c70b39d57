import path from 'node:path';
import { ConfigError, type Config, type Target } from '../lib/config';
import type { SecretBox } from '../lib/crypto/secretBox';
import { openDatabase, type Database, type DatabaseLocation } from '../lib/db/database';
import { applyMigrations } from '../lib/db/migrate';
import { startOutboxPruning } from '../lib/events/retention';
import { INGEST_PATH } from '../lib/edge/signedBatch';
import { SCALE_SESSION_PATH } from '../lib/edge/scaleSessionLink';
import { createSubgraphServer } from '../lib/graphql/subgraphServer';
import type { InProcessSubgraph } from '../lib/graphql/inProcessSubgraph';
import type { ReadinessCheck } from '../lib/http/health';
import { startMetricsServer } from '../lib/http/metricsServer';
import type { Logger } from '../lib/logger';
import { checkModules, type ModuleHost, type PassThroughTarget, type SubgraphModule } from '../lib/process/module';
import { openPubSub } from '../lib/pubsub/openPubSub';
import { createMemoryPubSub, type PubSub } from '../lib/pubsub/pubsub';
import { databaseRateLimitStore, openRedis, redisRateLimitStore } from '../lib/rateLimit/store';
import { loadSecretBox } from '../lib/crypto/secretsKey';
import { openRevocationList } from '../lib/auth/openRevocations';
import { createClientQuotas } from '../lib/quotas/clientQuotas';
import { startIngestor } from '../edge-ingestor/ingestor';
import { startSimulator } from '../edge-ingestor/simulator/Simulator';
import { MODULES } from '../subgraphs/modules';
import { createGateway } from '../supergraph/gateway';
import { subgraphUrlOnLoopback } from '../supergraph/compose';
import { setUpAuth } from './auth';
import { startEdge } from './edge';

/** A running system (or one component of it). */
export interface RunningSystem {
  target: Target;
  /** Bound ports by component: `gateway`, each subgraph by name, `mqtt`, `ingestor`, `metrics`. */
  ports: Partial<Record<string, number>>;
  database: Database | undefined;
  /** The process's live bus: telemetry's relay publishes stored readings, the gateway's subscriptions listen. */
  pubsub: PubSub;
  /** Each declared worker of the modules this process runs (`<module>/<worker>`), and whether it is running now. */
  workers: ReadonlyMap<string, 'running' | 'stopped'>;
  /** Stops accepting work, lets in-flight requests finish, closes the database. Idempotent. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Overrides where the data lives (tests use a database of their own). */
  database?: DatabaseLocation;
  /** Overrides the subgraph modules (tests plug in a fixture module). */
  modules?: readonly SubgraphModule[];
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

/** Each module's pass-through routes, to the URL of the subgraph serving them (modules without a URL are left out). */
export function passThroughTargets(modules: readonly SubgraphModule[], subgraphUrls: Partial<Record<string, string>>): PassThroughTarget[] {
  return modules.flatMap((module) => {
    const subgraphUrl = subgraphUrls[module.name];
    if (!subgraphUrl) return [];
    return module.routes.flatMap((route) => (route.passThrough ? [{ ...route.passThrough, path: route.path, subgraphUrl }] : []));
  });
}

/**
 * Starts `target` in this process: `all` runs every subgraph module (on loopback), the gateway and
 * the ingestor with its broker. On any start-up failure what already started is stopped again.
 */
export async function startSystem(target: Target, config: Config, log: Logger, options: StartOptions = {}): Promise<RunningSystem> {
  // The farm's edge process has no database and serves no GraphQL.
  if (target === 'ingestor') return startEdge(config, log);
  const modules = options.modules ?? MODULES;
  checkModules(modules);
  const running = target === 'all' ? modules : modules.filter((module) => module.name === target);
  const stack: Array<() => Promise<void>> = [];
  const ports: RunningSystem['ports'] = {};
  const workers = new Map<string, 'running' | 'stopped'>();
  let database: Database | undefined;
  let pubsub: PubSub = createMemoryPubSub();
  const stopAll = async () => {
    while (stack.length > 0) await stack.pop()!().catch((error) => log.error({ err: error }, 'error while stopping'));
  };
  try {
    if (running.length > 0) {
      const location = options.database ?? databaseLocationFor(target, config);
      const db = await openDatabase(location);
      database = db;
      stack.push(() => db.close());
      const applied = await applyMigrations(db.sql);
      log.info({ database: db.kind, applied }, applied.length ? 'database migrated' : 'database schema is current');
      // Events every consumer applied leave the outbox after the retention (compacted topics keep each object's newest).
      const pruning = startOutboxPruning({
        sql: db.sql,
        topics: modules.flatMap((module) => module.events.publishes),
        retentionDays: config.eventsRetentionDays,
        log,
      });
      stack.push(() => pruning.stop());
    }
    // The live bus: Redis when REDIS_URL is set (every gateway replica gets every frame), else in
    // memory (all in one process). Durable events go through the outbox (lib/events), not here.
    if (target === 'all' || target === 'gateway' || running.some((module) => module.publishesLive)) pubsub = await openPubSub(config.redisUrl, log);
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
    // Partner quotas: the gateway charges them, a module that shows them reads them (Redis, else the database, else memory).
    const quotas =
      target === 'all' || target === 'gateway' || running.some((module) => module.usesClientQuotas)
        ? createClientQuotas(config.partnerQuotas, config.redisUrl ? { redis: await sharedRedis(config.redisUrl) } : { sql: database?.sql })
        : undefined;
    let secretBox: SecretBox | undefined;
    const secretBoxOnce = () => (secretBox ??= loadSecretBox({ secretsKey: config.secretsKey, dataDir: config.dataDir, production: config.isProduction }));
    const subgraphUrls: Partial<Record<string, string>> = {};
    const inProcessSubgraphs: Partial<Record<string, InProcessSubgraph>> = {};
    for (const module of running) {
      const host: ModuleHost = {
        config,
        log,
        db: database!,
        pubsub,
        now: () => new Date(),
        secretBox: secretBoxOnce,
        async rateLimitStore(namespace, table) {
          if (!config.redisUrl) return databaseRateLimitStore(table(database!.prisma));
          return redisRateLimitStore(await sharedRedis(config.redisUrl), namespace);
        },
        auth,
        revocations: revocations.list,
        quotas,
      };
      const plugged = await module.plugIn(host);
      for (const declared of module.workers) {
        const key = `${module.name}/${declared.name}`;
        const worker = await declared.start(host);
        workers.set(key, 'running');
        stack.push(async () => {
          await worker.stop();
          workers.set(key, 'stopped');
        });
      }
      const service = await createSubgraphServer(plugged.definition, {
        db: database!,
        log,
        production: config.isProduction,
        verifyToken: auth.verifyToken,
        forwardingKey: auth.forwardingKey,
        mount: plugged.mount,
      });
      stack.push(() => service.stop());
      // In one process the subgraphs are internal: loopback only. Alone, each is its own container.
      const bindHost = target === 'all' ? '127.0.0.1' : config.gateway.host;
      const port = await service.listen(configuredSubgraph(config, module.name)?.port ?? module.defaultPort, bindHost, `${module.name.toUpperCase()}_PORT`);
      ports[module.name] = port;
      subgraphUrls[module.name] = subgraphUrlOnLoopback(port);
      inProcessSubgraphs[module.name] = service.executeInProcess;
    }

    if (target === 'all') {
      // All in one process, the embedded broker checks devices against the device authority's data.
      const db = database?.prisma;
      const authority = modules.find((module) => module.deviceAuthority)?.deviceAuthority;
      const ingestServer = modules.find((module) => module.routes.some((route) => route.path === INGEST_PATH));
      const scaleSessionServer = modules.find((module) => module.routes.some((route) => route.path === SCALE_SESSION_PATH));
      const demo = config.ingestor.simulator && db && authority ? await authority.ensureDemoFarm(db, secretBoxOnce(), config.dataDir, log) : undefined;
      const ingestor = await startIngestor(config, log, {
        ...(db && authority ? { authenticateDevice: (username: string, password: string) => authority.authenticate(db, username, password) } : {}),
        // All in one process, batches go to this process's ingest endpoint.
        ...(ingestServer ? { defaultIngestUrl: `http://127.0.0.1:${ports[ingestServer.name]}${INGEST_PATH}`, inProcessWithCloud: true } : {}),
        ...(scaleSessionServer ? { defaultScaleSessionUrl: `http://127.0.0.1:${ports[scaleSessionServer.name]}${SCALE_SESSION_PATH}` } : {}),
      });
      stack.push(() => ingestor.stop());
      readiness.push(ingestor.readiness);
      ports.mqtt = Number(new URL(ingestor.brokerUrl).port) || undefined;
      if (ingestor.vision) ports.vision = ingestor.vision.port;
      if (demo && !config.mqtt.url) {
        // One reading a second per demo device, through the embedded broker like real devices.
        const simulator = await startSimulator({
          brokerUrl: ingestor.localBrokerUrl,
          devices: demo.devices,
          ratePerSecond: demo.devices.length,
          log: log.child({ component: 'simulator' }),
        });
        stack.push(() => simulator.stop());
      }
    }

    if (target === 'all' || target === 'gateway') {
      const urls = target === 'all' ? subgraphUrls : configuredSubgraphUrls(config, modules);
      const gateway = await createGateway({
        config,
        log,
        subgraphUrls: urls,
        // All in one process, the gateway calls the subgraphs directly (no loopback HTTP per hop).
        ...(target === 'all' ? { inProcessSubgraphs } : {}),
        passThroughs: passThroughTargets(modules, urls),
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
    workers,
    stop: () => (stopped ??= stopAll()),
  };
}

/** `<NAME>_PORT` and `<NAME>_URL` of a subgraph lib/config.ts knows. */
function configuredSubgraph(config: Config, name: string): { port: number; url: string | undefined } | undefined {
  return (config.subgraphs as Partial<Record<string, { port: number; url: string | undefined }>>)[name];
}

function configuredSubgraphUrls(config: Config, modules: readonly SubgraphModule[]): Partial<Record<string, string>> {
  return Object.fromEntries(
    modules.flatMap((module) => {
      const url = configuredSubgraph(config, module.name)?.url;
      return url ? [[module.name, url]] : [];
    }),
  );
}
