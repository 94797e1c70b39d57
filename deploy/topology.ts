/**
 * The split deployment's one source of truth: which process runs where, on which port, with
 * which environment. compose.yaml and the Kubernetes manifests are checked against it
 * (deploy/__tests__), and tests/topology.test.ts starts every process with exactly what it says,
 * so the three cannot drift apart.
 *
 * A value is not a string but what it means: a literal, the address of another service, a
 * secret, an operator's setting or a mounted file. Each renderer (compose, Kubernetes, the test's
 * processes) turns the meaning into its own syntax: `${FARMIQ_SECRETS_KEY:?…}` in compose, a
 * `secretKeyRef` in Kubernetes, a generated key in the test.
 */

import { EDGE_NODE_OPTIONS } from '../edge-ingestor/v8Limits';
import { INGESTOR_MQTT_USER } from '../lib/mqtt/mosquittoPassword';

/** A FarmIQ process of the split deployment: every `farmiq start --target` but `all`, and the broker-files job. */
export const FARMIQ_SERVICES = ['identity', 'devices', 'telemetry', 'kpi', 'billing', 'gateway', 'ingestor'] as const;
export type FarmiqService = (typeof FARMIQ_SERVICES)[number];
/** What the deployment runs beside FarmIQ. */
export type Infrastructure = 'postgres' | 'redis' | 'mosquitto';

/** Where each service listens inside its own container (its Service's port in Kubernetes). */
export const SERVICE_PORTS: Record<FarmiqService | Infrastructure, number> = {
  gateway: 4000,
  identity: 4001,
  devices: 4002,
  telemetry: 4003,
  kpi: 4004,
  billing: 4005,
  ingestor: 4010,
  postgres: 5432,
  redis: 6379,
  // MQTT over TLS only: devices and the ingestor alike (the broker has no plain listener).
  mosquitto: 8883,
};

/** Where every cloud process serves /metrics in production: an internal port Prometheus alone may reach. */
export const METRICS_PORT = 9464;
export const METRICS_PORT_VARIABLE = 'METRICS_PORT';

/** The variable each target reads its own port from (lib/config.ts). */
export const PORT_VARIABLES: Record<FarmiqService, string> = {
  gateway: 'PORT',
  identity: 'IDENTITY_PORT',
  devices: 'DEVICES_PORT',
  telemetry: 'TELEMETRY_PORT',
  kpi: 'KPI_PORT',
  billing: 'BILLING_PORT',
  ingestor: 'INGESTOR_PORT',
};

/**
 * Secrets: never in the repository. Compose reads them from the operator's .env file; Kubernetes
 * from a Secret of the same name in kebab case (`farmiq-secrets-key`, key `value`) that External
 * Secrets Operator fills from Vault. `required: false`: the service runs without it, with the
 * feature it enables refusing every call.
 */
export const SECRETS = {
  DATABASE_URL: { required: true, why: 'PostgreSQL with its password; the cluster operator (CloudNativePG) or the compose file owns the password' },
  FARMIQ_JWT_PRIVATE_JWKS: { required: true, why: 'the token signing keys (a JWKS with private keys): identity alone signs' },
  FARMIQ_INTERNAL_KEY: {
    required: true,
    why: 'the gateway signs the request id and client address it forwards; every subgraph checks it (`openssl rand -base64 32`, the same value in each)',
  },
  FARMIQ_SECRETS_KEY: {
    required: true,
    why: "encrypts edge gateway keys and webhook secrets at rest (`openssl rand -base64 32`): devices seals edge keys, telemetry opens them to verify batches and kpi to verify farm boxes' scale-session requests; telemetry and identity seal and open webhook secrets",
  },
  BILLING_WEBHOOK_SECRET: { required: false, why: "the payment provider's webhook signing secret (32+ characters)" },
  EDGE_KEY_ID: { required: true, why: 'the ingestor signs its batches with an edge gateway key (registerEdgeGateway)' },
  EDGE_KEY_SECRET: { required: true, why: 'the secret half of that key' },
  MQTT_URL: { required: true, why: "the ingestor's broker URL with its own user and password (mqtts://farmiq-ingestor:<password>@mosquitto:8883)" },
  FARMIQ_ADMIN_PASSWORD: {
    required: false,
    why: "with FARMIQ_ADMIN_EMAIL, the first platform admin's password (unset: a one-time password is printed to the log)",
  },
  FARMIQ_BACKUP_KEY: {
    required: true,
    why: 'encrypts `farmiq backup` archives (`openssl rand -base64 32`); without it no backup restores: keep it apart from the backups',
  },
  VAPID_PRIVATE_KEY: {
    required: false,
    why: 'the private half of the Web Push VAPID key pair (`npx web-push generate-vapid-keys`); telemetry signs pushes with it. Unset with VAPID_PUBLIC_KEY unset: no Web Push',
  },
  INGESTOR_MQTT_PASSWORD: { required: true, why: "the ingestor's broker password, hashed into Mosquitto's password file by the broker-files job" },
  SMTP_URL: {
    required: false,
    why: 'the mail relay with its credentials (smtps://user:password@relay:465): password resets, invitations (identity) and alert emails (telemetry); unset, production sends no mail and alert emails fail with the reason recorded',
  },
} as const;
export type SecretName = keyof typeof SECRETS;

/** Values an operator chooses per site, with the default a fresh install gets. */
export const SETTINGS = {
  ALLOWED_ORIGINS: { default: '', why: 'the dashboard origins allowed to call the API from a browser (https only in production)' },
  TRUSTED_PROXY_HOPS: { default: '1', why: 'one reverse proxy (the ingress controller) in front of the gateway: its X-Forwarded-For is believed' },
  FARMIQ_ADMIN_EMAIL: { default: '', why: 'the first platform admin of an empty system (else one with a random password is printed to the log)' },
  LOG_LEVEL: { default: 'info', why: 'pino level' },
  WEBHOOK_ALLOWED_HOSTS: {
    default: '',
    why: "hosts tenants' webhooks may reach although they resolve to private addresses (an operator's own receivers); empty: public https only",
  },
  VAPID_PUBLIC_KEY: {
    default: '',
    why: 'the public half of the Web Push VAPID key pair: dashboards subscribe browsers to it (keep it: a new key orphans every subscribed phone); empty: no Web Push',
  },
  VAPID_SUBJECT: { default: '', why: 'who push services contact about this server (mailto:ops@farm.example or an https: URL); required with the VAPID keys' },
  AUDIT_RETENTION_DAYS: { default: '365', why: 'days audit records are kept before identity deletes them (at least 30)' },
  EVENTS_RETENTION_DAYS: {
    default: '7',
    why: 'days an event every consumer applied stays in the outbox (how far back `farmiq events replay` reaches); unapplied events are kept however old',
  },
  PARTNER_REQUESTS_PER_MINUTE: { default: '600', why: "each partner API client's requests per minute (the gateway charges, identity shows usage)" },
  PARTNER_COST_POINTS_PER_DAY: { default: '1000000', why: "each partner API client's query cost points per 24 hours" },
  PLAN_API_LIMITS: {
    default: '',
    why: "billing plans' partner API limits over the defaults, PLAN=<requests per minute>/<cost points per day> comma-separated; empty: the defaults (subgraphs/billing/money/planApiLimits.ts)",
  },
  VISION: { default: 'off', why: "the farm box's camera vision (edge-ingestor/vision): `on` weighs birds from barn cameras' frames" },
  VISION_PORT: { default: '4011', why: 'with VISION=on, where cameras upload frames (POST /vision/frames) and the farm reads or sets calibrations' },
  VISION_WORKERS: {
    default: '',
    why: 'inference worker threads (1-32); empty: one per core of the farm box, at most 8 (a frame takes one core for its inference)',
  },
  VISION_TIMEOUT_MS: { default: '2000', why: 'longest inference of one frame; past it the frame fails (TimeoutError) and its worker is replaced' },
  VISION_QUEUE_MAX: { default: '8', why: 'frames waiting for a worker; more drop the oldest waiting (counted in farmiq_vision_frames_total)' },
  VISION_CALIBRATION_INTERVAL_MS: {
    default: '3600000',
    why: "how often vision asks the cloud for each camera's barn's latest platform-scale session (and once at start) to calibrate the camera",
  },
  MAIL_FROM: { default: 'FarmIQ <no-reply@farmiq.local>', why: 'the From address of every mail FarmIQ sends' },
  FARMIQ_PUBLIC_URL: {
    default: '',
    why: 'the address users reach the dashboard at (https://farmiq.example.com): links in reset, invitation and alert emails point there',
  },
  OTEL_EXPORTER_OTLP_ENDPOINT: {
    default: '',
    why: 'an OpenTelemetry collector (OTLP over HTTP, e.g. http://otel-collector:4318): traces of every request across the gateway and subgraphs; empty: no tracing',
  },
} as const;
export type SettingName = keyof typeof SETTINGS;

/** Files mounted into a container: the broker CA the ingestor trusts. */
export const FILES = {
  mqttCa: { path: '/etc/farmiq/mqtt-ca/ca.crt', why: "the CA that signed Mosquitto's server certificate (deploy/mosquitto/certs.sh)" },
} as const;
export type FileName = keyof typeof FILES;

/** Writable folders: the read-only image has none of its own. */
export const DIRECTORIES = {
  data: { path: '/var/lib/farmiq', why: 'FARMIQ_DATA_DIR: the disk buffer of the ingestor (persistent), scratch for the others' },
} as const;

export type EnvValue =
  | { kind: 'literal'; value: string }
  /** A port the process itself listens on: its service's, or the internal metrics port. */
  | { kind: 'port'; listens: 'service' | 'metrics'; port: number }
  | { kind: 'url'; scheme: 'http' | 'redis'; service: FarmiqService | Infrastructure; path: string }
  | { kind: 'secret'; name: SecretName; optional?: boolean }
  | { kind: 'setting'; name: SettingName }
  | { kind: 'file'; name: FileName }
  | { kind: 'directory'; name: keyof typeof DIRECTORIES };

const literal = (value: string): EnvValue => ({ kind: 'literal', value });
const url = (scheme: 'http' | 'redis', service: FarmiqService | Infrastructure, path = ''): EnvValue => ({ kind: 'url', scheme, service, path });
const secret = (name: SecretName): EnvValue => ({ kind: 'secret', name, ...(SECRETS[name].required ? {} : { optional: true }) });
const setting = (name: SettingName): EnvValue => ({ kind: 'setting', name });
const ownPort = (service: FarmiqService): Record<string, EnvValue> => ({
  [PORT_VARIABLES[service]]: { kind: 'port', listens: 'service', port: SERVICE_PORTS[service] },
});
const metricsPort: EnvValue = { kind: 'port', listens: 'metrics', port: METRICS_PORT };

/** Every cloud process: production mode, the shared database, the shared event bus. */
const cloudCommon: Record<string, EnvValue> = {
  NODE_ENV: literal('production'),
  LOG_LEVEL: setting('LOG_LEVEL'),
  FARMIQ_DATA_DIR: { kind: 'directory', name: 'data' },
  DATABASE_URL: secret('DATABASE_URL'),
  // One event bus for every process: ingest (telemetry) publishes stored readings; the gateway's
  // live subscriptions, alert evaluation, usage metering and scale weigh-ins receive them.
  // Without it each process would have a bus of its own and hear nothing of the others.
  REDIS_URL: url('redis', 'redis'),
  FARMIQ_INTERNAL_KEY: secret('FARMIQ_INTERNAL_KEY'),
  [METRICS_PORT_VARIABLE]: metricsPort,
  OTEL_EXPORTER_OTLP_ENDPOINT: setting('OTEL_EXPORTER_OTLP_ENDPOINT'),
  // Every process with the database prunes the outbox (lib/events/retention.ts).
  EVENTS_RETENTION_DAYS: setting('EVENTS_RETENTION_DAYS'),
};
/** Every process that verifies tokens without holding the signing keys. */
const verifiesTokens: Record<string, EnvValue> = { FARMIQ_JWKS_URL: url('http', 'identity', '/.well-known/jwks.json') };

/** Partner API clients' quotas: the gateway charges them, identity reports usage against the same limits. */
const partnerQuotas: Record<string, EnvValue> = {
  PARTNER_REQUESTS_PER_MINUTE: setting('PARTNER_REQUESTS_PER_MINUTE'),
  PARTNER_COST_POINTS_PER_DAY: setting('PARTNER_COST_POINTS_PER_DAY'),
};

/** Every process that sends mail: links in it lead to the public address. */
const sendsMail: Record<string, EnvValue> = {
  SMTP_URL: secret('SMTP_URL'),
  MAIL_FROM: setting('MAIL_FROM'),
  FARMIQ_PUBLIC_URL: setting('FARMIQ_PUBLIC_URL'),
};

/** The environment of each process, exactly. */
export const SERVICE_ENV: Record<FarmiqService, Record<string, EnvValue>> = {
  identity: {
    ...cloudCommon,
    ...ownPort('identity'),
    FARMIQ_JWT_PRIVATE_JWKS: secret('FARMIQ_JWT_PRIVATE_JWKS'),
    FARMIQ_ADMIN_EMAIL: setting('FARMIQ_ADMIN_EMAIL'),
    FARMIQ_ADMIN_PASSWORD: secret('FARMIQ_ADMIN_PASSWORD'),
    // Seals the signing secrets of partner webhooks, which identity sends.
    FARMIQ_SECRETS_KEY: secret('FARMIQ_SECRETS_KEY'),
    ...partnerQuotas,
    WEBHOOK_ALLOWED_HOSTS: setting('WEBHOOK_ALLOWED_HOSTS'),
    AUDIT_RETENTION_DAYS: setting('AUDIT_RETENTION_DAYS'),
    ...sendsMail,
  },
  devices: { ...cloudCommon, ...verifiesTokens, ...ownPort('devices'), FARMIQ_SECRETS_KEY: secret('FARMIQ_SECRETS_KEY') },
  telemetry: {
    ...cloudCommon,
    ...verifiesTokens,
    ...ownPort('telemetry'),
    FARMIQ_SECRETS_KEY: secret('FARMIQ_SECRETS_KEY'),
    WEBHOOK_ALLOWED_HOSTS: setting('WEBHOOK_ALLOWED_HOSTS'),
    ...sendsMail,
    // Web Push: telemetry answers the public key and signs every push (lib/notifications/vapidKeys.ts).
    VAPID_PUBLIC_KEY: setting('VAPID_PUBLIC_KEY'),
    VAPID_PRIVATE_KEY: secret('VAPID_PRIVATE_KEY'),
    VAPID_SUBJECT: setting('VAPID_SUBJECT'),
  },
  kpi: {
    ...cloudCommon,
    ...verifiesTokens,
    ...ownPort('kpi'),
    // Opens edge gateway keys (sealed by devices) to verify farm boxes' signed scale-session requests.
    FARMIQ_SECRETS_KEY: secret('FARMIQ_SECRETS_KEY'),
  },
  billing: {
    ...cloudCommon,
    ...verifiesTokens,
    ...ownPort('billing'),
    BILLING_WEBHOOK_SECRET: secret('BILLING_WEBHOOK_SECRET'),
    PLAN_API_LIMITS: setting('PLAN_API_LIMITS'),
  },
  gateway: {
    NODE_ENV: literal('production'),
    LOG_LEVEL: setting('LOG_LEVEL'),
    FARMIQ_DATA_DIR: { kind: 'directory', name: 'data' },
    REDIS_URL: url('redis', 'redis'),
    FARMIQ_INTERNAL_KEY: secret('FARMIQ_INTERNAL_KEY'),
    [METRICS_PORT_VARIABLE]: metricsPort,
    OTEL_EXPORTER_OTLP_ENDPOINT: setting('OTEL_EXPORTER_OTLP_ENDPOINT'),
    ...verifiesTokens,
    ...ownPort('gateway'),
    IDENTITY_URL: url('http', 'identity', '/graphql'),
    DEVICES_URL: url('http', 'devices', '/graphql'),
    TELEMETRY_URL: url('http', 'telemetry', '/graphql'),
    KPI_URL: url('http', 'kpi', '/graphql'),
    BILLING_URL: url('http', 'billing', '/graphql'),
    ALLOWED_ORIGINS: setting('ALLOWED_ORIGINS'),
    TRUSTED_PROXY_HOPS: setting('TRUSTED_PROXY_HOPS'),
    ...partnerQuotas,
  },
  ingestor: {
    NODE_ENV: literal('production'),
    // A farm box's memory: RSS flat below 200 MiB however much is buffered (edge-ingestor/v8Limits.ts).
    NODE_OPTIONS: literal(EDGE_NODE_OPTIONS),
    LOG_LEVEL: setting('LOG_LEVEL'),
    // The disk buffer: what the broker delivered and the cloud has not yet acknowledged.
    FARMIQ_DATA_DIR: { kind: 'directory', name: 'data' },
    ...ownPort('ingestor'),
    // A fixed client id: the broker keeps the ingestor's persistent session across restarts.
    INGESTOR_CLIENT_ID: literal(INGESTOR_MQTT_USER),
    MQTT_URL: secret('MQTT_URL'),
    // Node trusts this CA besides its own list: the broker's certificate is the deployment's own.
    NODE_EXTRA_CA_CERTS: { kind: 'file', name: 'mqttCa' },
    // Through the gateway like an edge box on a farm: only the gateway is reachable from outside.
    INGEST_URL: url('http', 'gateway', '/ingest/v1/batches'),
    EDGE_KEY_ID: secret('EDGE_KEY_ID'),
    EDGE_KEY_SECRET: secret('EDGE_KEY_SECRET'),
    // Camera vision: off unless the operator turns it on for a farm box with cameras.
    VISION: setting('VISION'),
    VISION_PORT: setting('VISION_PORT'),
    VISION_WORKERS: setting('VISION_WORKERS'),
    VISION_TIMEOUT_MS: setting('VISION_TIMEOUT_MS'),
    VISION_QUEUE_MAX: setting('VISION_QUEUE_MAX'),
    VISION_CALIBRATION_INTERVAL_MS: setting('VISION_CALIBRATION_INTERVAL_MS'),
  },
};

/** The one-shot job that writes Mosquitto's password and ACL files from the devices registry. */
export const BROKER_FILES_ENV: Record<string, EnvValue> = {
  NODE_ENV: literal('production'),
  DATABASE_URL: secret('DATABASE_URL'),
  INGESTOR_MQTT_PASSWORD: secret('INGESTOR_MQTT_PASSWORD'),
};

/** `farmiq backup` (the Kubernetes CronJob): a logical dump beside CloudNativePG's physical backups. */
export const BACKUP_ENV: Record<string, EnvValue> = {
  NODE_ENV: literal('production'),
  DATABASE_URL: secret('DATABASE_URL'),
  FARMIQ_BACKUP_KEY: secret('FARMIQ_BACKUP_KEY'),
};

/** The ingestor's broker user; its client id is this name too (use_username_as_clientid). */
export { INGESTOR_MQTT_USER };

/** Each service's start command: one image, the target picks the component. */
export const startArgs = (service: FarmiqService): string[] => ['start', '--target', service];

/** The order processes come up in: identity serves the public keys the others fetch; the ingestor forwards to the gateway. */
export const START_ORDER: FarmiqService[] = ['identity', 'devices', 'telemetry', 'kpi', 'billing', 'gateway', 'ingestor'];
