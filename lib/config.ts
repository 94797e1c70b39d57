import net from 'node:net';
import os from 'node:os';
import type { OutboundPolicy } from './net/publicAddress';
import path from 'node:path';
import { z } from 'zod';
import { MAX_BATCH_MESSAGES } from './edge/signedBatch';
import { OUTBOX_RETENTION_DAYS } from './events/retention';

/** The components `farmiq start --target` can run; `all` runs every one in one process. */
export const TARGETS = ['all', 'gateway', 'identity', 'devices', 'telemetry', 'kpi', 'billing', 'ingestor'] as const;
export type Target = (typeof TARGETS)[number];

export const SUBGRAPH_NAMES = ['identity', 'devices', 'telemetry', 'kpi', 'billing'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** Default port per subgraph; each is configurable as `<NAME>_PORT`. */
export const DEFAULT_SUBGRAPH_PORTS: Record<SubgraphName, number> = {
  identity: 4001,
  devices: 4002,
  telemetry: 4003,
  kpi: 4004,
  billing: 4005,
};

/** A configuration value that is wrong: the message names the variable and what it expected. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const port = z.coerce.number().int().min(0).max(65535);
const url = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    `a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
  );

const positiveInt = z.coerce.number().int().min(1);

/** An IP address or a DNS host name (RFC 1123 labels): what a server can be told to listen on. */
const bindAddress = z
  .string()
  .refine(
    (value) =>
      net.isIP(value) !== 0 || /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/.test(value),
    'an IP address or a host name',
  );

/** Traffic to these never leaves the machine. */
export const isLoopbackAddress = (host: string): boolean => host === 'localhost' || host === '::1' || (net.isIPv4(host) && host.startsWith('127.'));

/** Production's internal metrics port when METRICS_PORT is unset (the Prometheus exporter convention). */
export const DEFAULT_PRODUCTION_METRICS_PORT = 9464;

/** MQTT over TLS's registered port; the embedded broker's default when MQTT_TLS_CERT_FILE is set. */
const MQTTS_PORT = 8883;

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(4000),
  HOST: z.string().min(1).optional(),
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  MQTT_URL: url(['mqtt:', 'mqtts:', 'ws:', 'wss:', 'tcp:', 'ssl:']).optional(),
  MQTT_PORT: port.default(1883),
  MQTT_PASSWORD_FILE: z.string().min(1).optional(),
  MQTT_HOST: bindAddress.default('127.0.0.1'),
  MQTT_TLS_CERT_FILE: z.string().min(1).optional(),
  MQTT_TLS_KEY_FILE: z.string().min(1).optional(),
  MQTT_TLS_CA_FILE: z.string().min(1).optional(),
  MQTT_ALLOW_PLAINTEXT: z.enum(['true', 'false']).default('false'),
  REDIS_URL: url(['redis:', 'rediss:']).optional(),
  FARMIQ_DATA_DIR: z.string().min(1).default('.data'),
  ALLOWED_ORIGINS: z.string().default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  IDENTITY_PORT: port.default(DEFAULT_SUBGRAPH_PORTS.identity),
  DEVICES_PORT: port.default(DEFAULT_SUBGRAPH_PORTS.devices),
  TELEMETRY_PORT: port.default(DEFAULT_SUBGRAPH_PORTS.telemetry),
  KPI_PORT: port.default(DEFAULT_SUBGRAPH_PORTS.kpi),
  BILLING_PORT: port.default(DEFAULT_SUBGRAPH_PORTS.billing),
  IDENTITY_URL: url(['http:', 'https:']).optional(),
  DEVICES_URL: url(['http:', 'https:']).optional(),
  TELEMETRY_URL: url(['http:', 'https:']).optional(),
  KPI_URL: url(['http:', 'https:']).optional(),
  BILLING_URL: url(['http:', 'https:']).optional(),
  INGESTOR_PORT: port.default(4010),
  METRICS_PORT: port.optional(),
  METRICS_HOST: bindAddress.optional(),
  INGESTOR_CLIENT_ID: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, '1 to 64 letters, digits or _ . -')
    .optional(),
  INGESTOR_SHARE_GROUP: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, '1 to 64 letters, digits, _ or -')
    .optional(),
  INGEST_URL: url(['http:', 'https:']).optional(),
  EDGE_KEY_ID: z.string().min(1).max(128).optional(),
  EDGE_KEY_SECRET: z.string().min(16).optional(),
  BUFFER_MAX_BYTES: positiveInt.default(1024 * 1024 * 1024),
  BUFFER_MAX_MESSAGES: positiveInt.default(5_000_000),
  FORWARD_BATCH_MAX_MESSAGES: positiveInt.max(MAX_BATCH_MESSAGES).default(1_000),
  FORWARD_BATCH_MAX_WAIT_MS: positiveInt.max(600_000).default(1_000),
  FORWARD_LINGER: z.enum(['adaptive', 'fixed']).default('adaptive'),
  FORWARD_MAX_MESSAGES_PER_SECOND: z.coerce.number().int().min(0).default(0),
  FORWARD_CONCURRENCY: positiveInt.max(32).default(4),
  FORWARD_RETRY_MAX_MS: positiveInt.max(3_600_000).default(30_000),
  QUARANTINE_RETENTION_DAYS: positiveInt.max(3_650).default(30),
  /** Audit records older than this many days are deleted (identity); a year by default, at least 30 days. */
  AUDIT_RETENTION_DAYS: positiveInt.min(30).max(36_500).default(365),
  EVENTS_RETENTION_DAYS: positiveInt.max(3_650).default(OUTBOX_RETENTION_DAYS),
  SIMULATOR: z.enum(['on', 'off']).optional(),
  VISION: z.enum(['on', 'off']).default('off'),
  VISION_PORT: port.default(4011),
  /** Unset: one worker thread per core (a frame's inference takes one core). */
  VISION_WORKERS: positiveInt.max(32).optional(),
  VISION_TIMEOUT_MS: positiveInt.max(60_000).default(2_000),
  VISION_QUEUE_MAX: positiveInt.max(1_000).default(8),
  /** How often vision asks the cloud for each camera's latest platform-scale session (and once at start). */
  VISION_CALIBRATION_INTERVAL_MS: positiveInt
    .min(1_000)
    .max(7 * 86_400_000)
    .default(3_600_000),
  QUERY_MAX_DEPTH: positiveInt.max(50).default(10),
  QUERY_MAX_COST: positiveInt.max(100_000).default(5_000),
  QUERY_MAX_ALIASES: positiveInt.max(100).default(15),
  QUERY_MAX_TOKENS: positiveInt.max(100_000).default(2_000),
  QUERY_MAX_DIRECTIVES: positiveInt.max(100).default(10),
  SHUTDOWN_GRACE_MS: positiveInt.default(10_000),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  FARMIQ_JWT_ISSUER: z.string().min(1).default('farmiq'),
  FARMIQ_JWT_AUDIENCE: z.string().min(1).default('farmiq-api'),
  FARMIQ_JWT_PRIVATE_JWKS: z.string().optional(),
  FARMIQ_JWKS_URL: url(['http:', 'https:']).optional(),
  FARMIQ_ADMIN_EMAIL: z.email().optional(),
  FARMIQ_ADMIN_PASSWORD: z.string().optional(),
  FARMIQ_SECRETS_KEY: z.string().optional(),
  FARMIQ_INTERNAL_KEY: z.string().optional(),
  BILLING_WEBHOOK_SECRET: z.string().min(32, 'a secret of at least 32 characters').optional(),
  /** Alert email and account links; unset, development writes .eml files into the data folder's mail/. */
  SMTP_URL: url(['smtp:', 'smtps:']).optional(),
  MAIL_FROM: z.string().min(3).default('FarmIQ <no-reply@farmiq.local>'),
  FARMIQ_PUBLIC_URL: url(['http:', 'https:']).optional(),
  /** Web Push to dashboards: on by default outside production, and in production when VAPID keys are given. */
  WEB_PUSH: z.enum(['on', 'off']).optional(),
  /** The VAPID key pair push services know this server by (base64url: 65-byte public point, 32-byte private scalar). */
  VAPID_PUBLIC_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{87}$/, 'base64url of a 65-byte P-256 public key (npx web-push generate-vapid-keys)')
    .optional(),
  VAPID_PRIVATE_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, 'base64url of a 32-byte P-256 private key (npx web-push generate-vapid-keys)')
    .optional(),
  /** Who push services contact about this server: a mailto: or https: URL. */
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, 'a mailto: or https: URL')
    .optional(),
  /** Webhook hosts called whatever they resolve to (comma-separated names or IPs): development, tests, an operator's own receivers. */
  WEBHOOK_ALLOWED_HOSTS: z.string().default(''),
  /** Quotas of each partner API client, charged at the gateway (lib/quotas/clientQuotas.ts). */
  PARTNER_REQUESTS_PER_MINUTE: positiveInt.max(1_000_000).default(600),
  PARTNER_COST_POINTS_PER_DAY: positiveInt.max(1_000_000_000).default(1_000_000),
  /** Billing plans' API limits over the defaults (subgraphs/billing/money/planApiLimits.ts): `PLAN=<requests per minute>/<cost points per day>`, comma-separated. */
  PLAN_API_LIMITS: z
    .string()
    .default('')
    .refine(
      (value) => value.trim() === '' || value.split(',').every((item) => /^\s*[A-Z_]+=\d{1,7}\/\d{1,10}\s*$/.test(item)),
      'PLAN=<requests per minute>/<cost points per day>, comma-separated (STARTER=60/50000)',
    )
    .transform((value) =>
      Object.fromEntries(
        value
          .split(',')
          .filter((item) => item.trim() !== '')
          .map((item) => {
            const [plan, limits] = item.trim().split('=') as [string, string];
            const [requestsPerMinute, costPointsPerDay] = limits.split('/').map(Number) as [number, number];
            return [plan, { requestsPerMinute: Math.max(1, requestsPerMinute), costPointsPerDay: Math.max(1, costPointsPerDay) }];
          }),
      ),
    ),
});

export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
}

/** The edge ingestor: MQTT subscription, disk buffer and forwarder. */
export interface IngestorConfig {
  /** Status server (`/healthz`, `/readyz`, `/metrics`) when run as `--target ingestor`. */
  port: number;
  /** Fixed MQTT client id, so the broker keeps the persistent session across restarts. */
  clientId: string;
  /** Subscribe through `$share/<group>/...` so several ingestors split one broker's load. */
  shareGroup: string | undefined;
  /** Where signed batches are POSTed; `all` mode defaults to the local telemetry subgraph. */
  ingestUrl: string | undefined;
  /** The edge gateway's HMAC key (registerEdgeGateway); required in production. */
  edgeKey: { keyId: string; secret: string } | undefined;
  bufferMaxBytes: number;
  bufferMaxMessages: number;
  batchMaxMessages: number;
  batchMaxWaitMs: number;
  /** FORWARD_BATCH_MAX_WAIT_MS was set (else the all-in-one mode, on loopback, waits less than a farm box). */
  batchMaxWaitMsExplicit: boolean;
  /** FORWARD_LINGER: `adaptive` sends at once while the link is idle, `fixed` always waits batchMaxWaitMs unless full. */
  linger: 'adaptive' | 'fixed';
  /** 0: no limit. Caps what is forwarded (live first, then the backlog) so a drain does not flood the cloud. */
  maxMessagesPerSecond: number;
  /** Batches on their way to the cloud at once. */
  concurrency: number;
  /** Longest pause between retries of a failed forward. */
  retryMaxMs: number;
  /** Messages the cloud refused for good wait this long in the quarantine for an operator, then go. */
  quarantineRetentionDays: number;
  /** `all` mode in development: a demo farm on a fresh system, its devices simulated (SIMULATOR=off to skip). */
  simulator: boolean;
  /** Bird weights from barn cameras (edge-ingestor/vision): off unless VISION=on. */
  vision: VisionConfig;
}

/** The farm box's optional vision component (VISION=on). */
export interface VisionConfig {
  enabled: boolean;
  /** Where cameras upload frames (`POST /vision/frames`) and calibrations; VISION_PORT. */
  port: number;
  /** Worker threads estimating frames at once. */
  workers: number;
  /** Longest inference of one frame before it fails (TimeoutError). */
  timeoutMs: number;
  /** Frames waiting for a worker; more drop the oldest waiting. */
  maxQueued: number;
  /** Between two asks for each camera's barn's latest platform-scale session (the first at start). */
  calibrationIntervalMs: number;
}

export interface Config {
  env: 'development' | 'production' | 'test';
  isProduction: boolean;
  /** `trustedProxyHops`: reverse proxies in front of the gateway whose X-Forwarded-For is believed. */
  gateway: { port: number; host: string | undefined; trustedProxyHops: number };
  subgraphs: Record<SubgraphName, { port: number; url: string | undefined }>;
  databaseUrl: string | undefined;
  /** `passwordFile`: the embedded broker's device credentials (a Mosquitto password file, watched). */
  mqtt: {
    url: string | undefined;
    embeddedPort: number;
    embeddedPortExplicit: boolean;
    passwordFile: string | undefined;
    /** Where the embedded broker listens for devices; loopback unless an operator opens it to the farm network. */
    embeddedHost: string;
    /** PEM files (absolute paths) when the embedded broker serves MQTT over TLS; `caFile` also requires a client certificate it signed. */
    tls: { certFile: string; keyFile: string; caFile: string | undefined } | undefined;
    /** MQTT_ALLOW_PLAINTEXT: the operator's explicit opt-in to plain MQTT on a non-loopback address in production. */
    allowPlaintext: boolean;
  };
  ingestor: IngestorConfig;
  /**
   * `/metrics` on a port of its own (METRICS_PORT, reachable from the pod network, never
   * published). Undefined: on the public port, development only; production always has one.
   */
  metrics: { port: number | undefined; host: string | undefined };
  redisUrl: string | undefined;
  dataDir: string;
  allowedOrigins: string[];
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  queryLimits: QueryLimits;
  /** Each partner API client's requests per minute and query-cost points per day (query cost as the gateway's limits compute it). */
  partnerQuotas: { requestsPerMinute: number; costPointsPerDay: number };
  shutdownGraceMs: number;
  auth: {
    issuer: string;
    audience: string;
    /** Private signing keys (identity only); development generates one into the data folder. */
    privateJwks: string | undefined;
    /** Where processes without the keys fetch the public ones (split deployments). */
    jwksUrl: string | undefined;
    /** The first platform admin, when the environment names one (else one is generated). */
    initialAdmin: { email: string; password: string | undefined } | undefined;
  };
  /** Encrypts secrets the cloud must read back (edge gateway HMAC keys); base64 of 32 bytes. */
  secretsKey: string | undefined;
  /** Signs what the gateway forwards to subgraphs (request id, client address); base64 of 32 bytes. */
  internalKey: string | undefined;
  billing: {
    /** Shared secret the payment provider signs webhooks with; unset, the webhook endpoint refuses every call (503). */
    webhookSecret: string | undefined;
    /** PLAN_API_LIMITS: plans' partner API limits that replace the defaults. */
    planApiLimits: Record<string, { requestsPerMinute: number; costPointsPerDay: number }>;
  };
  /** Audit records are kept this many days, then deleted by identity's retention job. */
  auditRetentionDays: number;
  /** Events every consumer applied stay in the outbox this many days (how far back a replay reaches). */
  eventsRetentionDays: number;
  mail: {
    /** SMTP_URL; unset, development writes mail into the data folder and production sends none. */
    smtpUrl: string | undefined;
    from: string;
    /** Where people open the dashboard: account links in emails point here. */
    publicUrl: string;
  };
  /** Where tenants' webhooks may point: public addresses only (https only in production), and the operator's allowed hosts. */
  outbound: OutboundPolicy;
  /** Web Push (lib/notifications/vapidKeys.ts); keys unset outside production are generated into the data folder. */
  webPush: { enabled: boolean; publicKey: string | undefined; privateKey: string | undefined; subject: string };
}

function parseOrigins(raw: string): string[] {
  const origins = raw
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin.length > 0);
  for (const origin of origins) {
    if (origin === '*') throw new ConfigError('ALLOWED_ORIGINS: a wildcard is not allowed; list each origin');
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      throw new ConfigError(`ALLOWED_ORIGINS: expected origins like https://farm.example.com, got "${origin}"`);
    }
    if (parsed.origin !== origin) {
      throw new ConfigError(`ALLOWED_ORIGINS: expected a bare origin (scheme://host[:port]), got "${origin}"`);
    }
  }
  return origins;
}

/**
 * Reads and validates the whole configuration once. Any missing or malformed value throws a
 * ConfigError whose message names the variable, so the process can stop with one clear line.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "unset" (a common result of `FOO= npm start` or compose templating).
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'configuration');
    const got = present[name];
    const secret = name.endsWith('_URL') || name.includes('PASSWORD') || name.includes('JWKS') || name.includes('KEY') || name.includes('SECRET');
    const shown = secret ? '(value hidden: it may hold a secret)' : JSON.stringify(got ?? null);
    throw new ConfigError(`${name}: expected ${describeIssue(issue)}, got ${shown}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  const allowedOrigins = parseOrigins(e.ALLOWED_ORIGINS);
  if (e.FARMIQ_ADMIN_PASSWORD && !e.FARMIQ_ADMIN_EMAIL) {
    throw new ConfigError('FARMIQ_ADMIN_EMAIL: required when FARMIQ_ADMIN_PASSWORD is set');
  }
  if ((e.EDGE_KEY_ID === undefined) !== (e.EDGE_KEY_SECRET === undefined)) {
    throw new ConfigError(
      `${e.EDGE_KEY_ID ? 'EDGE_KEY_SECRET' : 'EDGE_KEY_ID'}: required with ${e.EDGE_KEY_ID ? 'EDGE_KEY_ID' : 'EDGE_KEY_SECRET'} (the edge gateway key from registerEdgeGateway)`,
    );
  }
  if (e.MQTT_PASSWORD_FILE && e.MQTT_URL) {
    throw new ConfigError('MQTT_PASSWORD_FILE: only for the embedded broker; with MQTT_URL the broker checks devices (give it the file as its password_file)');
  }
  const mqtt = embeddedBrokerSettings(e, present, isProduction);
  const webPush = webPushSettings(e, isProduction);
  if (isProduction) {
    for (const origin of allowedOrigins) {
      if (origin.startsWith('http://') && !/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(origin)) {
        throw new ConfigError(`ALLOWED_ORIGINS: production allows only https origins, got "${origin}"`);
      }
    }
  }
  return {
    env: e.NODE_ENV,
    isProduction,
    gateway: { port: e.PORT, host: e.HOST, trustedProxyHops: e.TRUSTED_PROXY_HOPS },
    subgraphs: {
      identity: { port: e.IDENTITY_PORT, url: e.IDENTITY_URL },
      devices: { port: e.DEVICES_PORT, url: e.DEVICES_URL },
      telemetry: { port: e.TELEMETRY_PORT, url: e.TELEMETRY_URL },
      kpi: { port: e.KPI_PORT, url: e.KPI_URL },
      billing: { port: e.BILLING_PORT, url: e.BILLING_URL },
    },
    databaseUrl: e.DATABASE_URL,
    mqtt,
    ingestor: {
      port: e.INGESTOR_PORT,
      clientId:
        e.INGESTOR_CLIENT_ID ??
        `farmiq-ingestor-${os
          .hostname()
          .replace(/[^A-Za-z0-9_.-]/g, '-')
          .slice(0, 40)}`,
      shareGroup: e.INGESTOR_SHARE_GROUP,
      ingestUrl: e.INGEST_URL,
      edgeKey: e.EDGE_KEY_ID && e.EDGE_KEY_SECRET ? { keyId: e.EDGE_KEY_ID, secret: e.EDGE_KEY_SECRET } : undefined,
      bufferMaxBytes: e.BUFFER_MAX_BYTES,
      bufferMaxMessages: e.BUFFER_MAX_MESSAGES,
      batchMaxMessages: e.FORWARD_BATCH_MAX_MESSAGES,
      batchMaxWaitMs: e.FORWARD_BATCH_MAX_WAIT_MS,
      batchMaxWaitMsExplicit: present.FORWARD_BATCH_MAX_WAIT_MS !== undefined,
      linger: e.FORWARD_LINGER,
      maxMessagesPerSecond: e.FORWARD_MAX_MESSAGES_PER_SECOND,
      concurrency: e.FORWARD_CONCURRENCY,
      retryMaxMs: e.FORWARD_RETRY_MAX_MS,
      quarantineRetentionDays: e.QUARANTINE_RETENTION_DAYS,
      // Demo readings are for a developer's `npm start`, never a default elsewhere.
      simulator: (e.SIMULATOR ?? (e.NODE_ENV === 'development' ? 'on' : 'off')) === 'on' && !isProduction,
      vision: {
        enabled: e.VISION === 'on',
        port: e.VISION_PORT,
        workers: e.VISION_WORKERS ?? defaultVisionWorkers(),
        timeoutMs: e.VISION_TIMEOUT_MS,
        maxQueued: e.VISION_QUEUE_MAX,
        calibrationIntervalMs: e.VISION_CALIBRATION_INTERVAL_MS,
      },
    },
    metrics: { port: e.METRICS_PORT ?? (isProduction ? DEFAULT_PRODUCTION_METRICS_PORT : undefined), host: e.METRICS_HOST },
    redisUrl: e.REDIS_URL,
    dataDir: path.resolve(e.FARMIQ_DATA_DIR),
    allowedOrigins,
    logLevel: e.LOG_LEVEL,
    queryLimits: {
      maxDepth: e.QUERY_MAX_DEPTH,
      maxCost: e.QUERY_MAX_COST,
      maxAliases: e.QUERY_MAX_ALIASES,
      maxTokens: e.QUERY_MAX_TOKENS,
      maxDirectives: e.QUERY_MAX_DIRECTIVES,
    },
    partnerQuotas: { requestsPerMinute: e.PARTNER_REQUESTS_PER_MINUTE, costPointsPerDay: e.PARTNER_COST_POINTS_PER_DAY },
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    auth: {
      issuer: e.FARMIQ_JWT_ISSUER,
      audience: e.FARMIQ_JWT_AUDIENCE,
      privateJwks: e.FARMIQ_JWT_PRIVATE_JWKS,
      jwksUrl: e.FARMIQ_JWKS_URL,
      initialAdmin: e.FARMIQ_ADMIN_EMAIL ? { email: e.FARMIQ_ADMIN_EMAIL.toLowerCase(), password: e.FARMIQ_ADMIN_PASSWORD } : undefined,
    },
    secretsKey: e.FARMIQ_SECRETS_KEY,
    internalKey: e.FARMIQ_INTERNAL_KEY,
    billing: { webhookSecret: e.BILLING_WEBHOOK_SECRET, planApiLimits: e.PLAN_API_LIMITS },
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
    eventsRetentionDays: e.EVENTS_RETENTION_DAYS,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, publicUrl: (e.FARMIQ_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '') },
    outbound: {
      allowedHosts: e.WEBHOOK_ALLOWED_HOSTS.split(',')
        .map((host) =>
          host
            .trim()
            .toLowerCase()
            .replace(/^\[(.*)\]$/, '$1'),
        )
        .filter((host) => host.length > 0),
      httpsOnly: isProduction,
    },
    webPush,
  };
}

/**
 * Web Push needs the server's VAPID key pair. A developer's run generates one (vapidKeys.ts);
 * production has it from the environment, since browsers' subscriptions are bound to the public
 * key: a new key silently orphans every phone that subscribed.
 */
function webPushSettings(e: z.infer<typeof envSchema>, isProduction: boolean): Config['webPush'] {
  const given = (['VAPID_PUBLIC_KEY', 'VAPID_PRIVATE_KEY', 'VAPID_SUBJECT'] as const).filter((name) => e[name] !== undefined);
  const enabled = (e.WEB_PUSH ?? (!isProduction || given.length > 0 ? 'on' : 'off')) === 'on';
  if ((e.VAPID_PUBLIC_KEY === undefined) !== (e.VAPID_PRIVATE_KEY === undefined)) {
    const [missing, with_] = e.VAPID_PUBLIC_KEY ? ['VAPID_PRIVATE_KEY', 'VAPID_PUBLIC_KEY'] : ['VAPID_PUBLIC_KEY', 'VAPID_PRIVATE_KEY'];
    throw new ConfigError(`${missing}: required with ${with_} (the VAPID key pair, npx web-push generate-vapid-keys)`);
  }
  if (enabled && isProduction) {
    const missing = (['VAPID_PUBLIC_KEY', 'VAPID_PRIVATE_KEY', 'VAPID_SUBJECT'] as const).find((name) => e[name] === undefined);
    if (missing) throw new ConfigError(`${missing}: required in production while Web Push is on (WEB_PUSH=off turns it off)`);
  }
  return { enabled, publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY, subject: e.VAPID_SUBJECT ?? 'mailto:admin@farmiq.local' };
}

/**
 * The embedded broker's listener. MQTT_HOST and MQTT_TLS_* only concern the embedded broker (with
 * MQTT_URL the other broker has its own). In production a non-loopback address needs TLS, or the
 * operator's explicit MQTT_ALLOW_PLAINTEXT=true (a closed barn LAN whose devices only speak plain MQTT).
 */
/** One inference worker per core, at most 8 (past that the frames' queue, not the cores, is the limit). */
export const defaultVisionWorkers = (): number => Math.max(1, Math.min(8, os.availableParallelism()));

function embeddedBrokerSettings(e: z.infer<typeof envSchema>, present: Record<string, string | undefined>, isProduction: boolean): Config['mqtt'] {
  const embeddedOnly = ['MQTT_HOST', 'MQTT_TLS_CERT_FILE', 'MQTT_TLS_KEY_FILE', 'MQTT_TLS_CA_FILE', 'MQTT_ALLOW_PLAINTEXT'].find(
    (name) => present[name] !== undefined,
  );
  if (e.MQTT_URL && embeddedOnly)
    throw new ConfigError(`${embeddedOnly}: only for the embedded broker; with MQTT_URL configure that broker's listener instead`);
  if ((e.MQTT_TLS_CERT_FILE === undefined) !== (e.MQTT_TLS_KEY_FILE === undefined)) {
    const [missing, given] = e.MQTT_TLS_CERT_FILE ? ['MQTT_TLS_KEY_FILE', 'MQTT_TLS_CERT_FILE'] : ['MQTT_TLS_CERT_FILE', 'MQTT_TLS_KEY_FILE'];
    throw new ConfigError(`${missing}: required with ${given} (the embedded broker's TLS certificate and its private key, PEM)`);
  }
  if (e.MQTT_TLS_CA_FILE && !e.MQTT_TLS_CERT_FILE)
    throw new ConfigError('MQTT_TLS_CA_FILE: requires MQTT_TLS_CERT_FILE and MQTT_TLS_KEY_FILE (client certificates are checked over TLS only)');
  const tls =
    e.MQTT_TLS_CERT_FILE && e.MQTT_TLS_KEY_FILE
      ? {
          certFile: path.resolve(e.MQTT_TLS_CERT_FILE),
          keyFile: path.resolve(e.MQTT_TLS_KEY_FILE),
          caFile: e.MQTT_TLS_CA_FILE && path.resolve(e.MQTT_TLS_CA_FILE),
        }
      : undefined;
  const allowPlaintext = e.MQTT_ALLOW_PLAINTEXT === 'true';
  if (tls && allowPlaintext)
    throw new ConfigError('MQTT_ALLOW_PLAINTEXT: only for an embedded broker without TLS; with MQTT_TLS_CERT_FILE every device connects over TLS');
  if (isProduction && !e.MQTT_URL && !tls && !isLoopbackAddress(e.MQTT_HOST) && !allowPlaintext) {
    throw new ConfigError(
      `MQTT_HOST: ${e.MQTT_HOST} is not loopback, so production needs TLS (MQTT_TLS_CERT_FILE and MQTT_TLS_KEY_FILE), or MQTT_ALLOW_PLAINTEXT=true for devices that only speak plain MQTT on a closed farm network`,
    );
  }
  const embeddedPortExplicit = present.MQTT_PORT !== undefined;
  return {
    url: e.MQTT_URL,
    embeddedPort: embeddedPortExplicit ? e.MQTT_PORT : tls ? MQTTS_PORT : e.MQTT_PORT,
    embeddedPortExplicit,
    passwordFile: e.MQTT_PASSWORD_FILE && path.resolve(e.MQTT_PASSWORD_FILE),
    embeddedHost: e.MQTT_HOST,
    tls,
    allowPlaintext,
  };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return `a value of at least ${String(issue.minimum)}`;
    case 'too_big':
      return `a value of at most ${String(issue.maximum)}`;
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`;
    default:
      return issue.message;
  }
}
