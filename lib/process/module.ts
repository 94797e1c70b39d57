import type { Express } from 'express';
import type { TokenAudience } from '../auth/accessToken';
import type { KeyRing } from '../auth/keyRing';
import type { RevocationList } from '../auth/revocation';
import type { Config } from '../config';
import type { SecretBox } from '../crypto/secretBox';
import type { Database } from '../db/database';
import type { DeviceKindName } from '../deviceKinds';
import type { PrismaClient } from '../db/generated/client';
import type { Topic } from '../events/topic';
import type { SubgraphDefinition } from '../graphql/subgraphServer';
import type { Logger } from '../logger';
import type { PubSub } from '../pubsub/pubsub';
import type { ClientQuotas } from '../quotas/clientQuotas';
import type { FailureTable, RateLimitStore } from '../rateLimit/store';

/**
 * What a subgraph plugs into a process, declared in `subgraphs/<name>/module.ts`. The process
 * (`bin/system.ts`) and the gateway read these declarations and name no subgraph: a new subgraph
 * is one folder plus one line in `subgraphs/modules.ts`. A module.ts holds declarations and
 * loads its implementation (`require`) only in `plugIn`, a worker's `start` or a device-authority
 * call, so a process that only reads the list (the gateway, `farmiq broker-files`) stays small.
 */
export interface SubgraphModule {
  name: string;
  /** Where it listens unless `<NAME>_PORT` says otherwise (a module lib/config.ts does not know yet uses this alone). */
  defaultPort: number;
  /** Its config section: the environment variables it reads besides the common ones (documentation and deploy checks). */
  env: readonly string[];
  /** HTTP routes besides `/graphql`, served on the subgraph's port. */
  routes: readonly RouteDeclaration[];
  /** Long-running work that starts and stops with the process that runs the subgraph. */
  workers: readonly WorkerDeclaration[];
  /** Durable topics (lib/events) it writes to the outbox and reads from it. */
  events: { publishes: readonly Topic<unknown>[]; consumes: readonly Topic<unknown>[] };
  /** It publishes live frames on the process's pub/sub (the gateway's subscriptions read them). */
  publishesLive?: boolean;
  /** It shows partners' quota use (the gateway charges it): the process hands it the shared quotas. */
  usesClientQuotas?: boolean;
  /** Set by the module that owns devices: how the farm's broker checks a device and what the demo farm is. */
  deviceAuthority?: DeviceAuthority;
  /** Builds the GraphQL part and the route handlers once the process is up. */
  plugIn(host: ModuleHost): Promise<PluggedModule>;
}

export interface RouteDeclaration {
  method: 'GET' | 'POST';
  path: string;
  /** The gateway forwards this route from its public port, raw body and these headers untouched. */
  passThrough?: PassThrough;
}

export interface PassThrough {
  headers: readonly string[];
  /** Body size limit (express `raw` syntax or bytes). */
  limit: number | string;
  /** The route's own error shape when the gateway cannot pass a call on; else the gateway's generic one. */
  refusal?: (status: 400 | 413 | 503) => unknown;
}

/** A pass-through route of some module, resolved to the URL of the subgraph that serves it. */
export interface PassThroughTarget extends PassThrough {
  path: string;
  /** The serving subgraph's `/graphql` URL; the route's path is resolved against it. */
  subgraphUrl: string;
}

export interface WorkerDeclaration {
  name: string;
  start(host: ModuleHost): Promise<Worker> | Worker;
}

export interface Worker {
  stop(): Promise<void>;
}

export interface PluggedModule {
  definition: SubgraphDefinition;
  /** Mounts the declared routes (the module walk test checks each declared route answers). */
  mount?: (app: Express) => void;
}

/** What the process hands every module: shared infrastructure, never another module's code. */
export interface ModuleHost {
  config: Config;
  log: Logger;
  db: Database;
  pubsub: PubSub;
  now: () => Date;
  secretBox(): SecretBox;
  /** Failures counted in Redis when REDIS_URL is set, else in `table` of the database. */
  rateLimitStore(namespace: string, table: (prisma: PrismaClient) => FailureTable): Promise<RateLimitStore>;
  auth: {
    /** Only where the identity keys live (the process that signs tokens). */
    keyRing: KeyRing | undefined;
    tokenAudience: TokenAudience;
    publicJwks: () => Promise<{ keys: unknown[] }>;
  };
  revocations: RevocationList | undefined;
  /** Partners' request quotas, where the process keeps them (a module with `usesClientQuotas`, and the gateway). */
  quotas: ClientQuotas | undefined;
}

/** The device side of the farm's broker (all-in-one mode and `farmiq broker-files`). */
export interface DeviceAuthority {
  authenticate(prisma: PrismaClient, username: string, password: string): Promise<boolean>;
  brokerAuthFiles(prisma: PrismaClient): Promise<{ passwordFile: string; aclFile: string; deviceCount: number }>;
  /** Creates (once) and returns the demo farm the all-in-one simulator publishes for. */
  ensureDemoFarm(prisma: PrismaClient, secretBox: SecretBox, dataDir: string, log: Logger): Promise<{ devices: DemoDevice[] } | undefined>;
}

export interface DemoDevice {
  id: string;
  password: string;
  kind: DeviceKindName;
}

/** The module list's sanity: names unique, routes unique across modules (the gateway mounts them side by side). */
export function checkModules(modules: readonly SubgraphModule[]): void {
  const names = new Set<string>();
  const routes = new Map<string, string>();
  for (const module of modules) {
    if (names.has(module.name)) throw new Error(`two modules are named ${module.name}`);
    names.add(module.name);
    for (const route of module.routes) {
      const key = `${route.method} ${route.path}`;
      const other = routes.get(key);
      if (other) throw new Error(`${key}: declared by both ${other} and ${module.name}`);
      routes.set(key, module.name);
    }
  }
  if (modules.filter((module) => module.deviceAuthority).length > 1) throw new Error('more than one module is the device authority');
}
