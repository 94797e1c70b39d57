import type { SecretBox } from '../../lib/crypto/secretBox';
import type { SqlExecutor } from '../../lib/db/sql';
import type { OutboundPolicy } from '../../lib/net/publicAddress';
import type { PubSub } from '../../lib/pubsub/pubsub';

/** What the telemetry subgraph needs from its process. */
export interface TelemetryDependencies {
  /** The process bus: stored readings and alert changes go out on it (live subscriptions, alert evaluation). */
  pubsub: PubSub;
  /** Opens edge gateway keys to verify signed batches (FARMIQ_SECRETS_KEY). */
  secretBox: SecretBox;
  /** The time user actions (acknowledgements, rule changes) are stamped with; tests pass a fixed clock. */
  now: () => Date;
  /** Raw SQL on the process's database: readings are read and written with hand-written SQL (partitioned table). */
  sql: SqlExecutor;
  /** Where tenants' webhooks may point (WEBHOOK_ALLOWED_HOSTS, https only in production). */
  outbound: OutboundPolicy;
  /** The Web Push public key browsers subscribe with; undefined when push is off (lib/notifications/vapidKeys.ts). */
  vapidPublicKey: string | undefined;
}
