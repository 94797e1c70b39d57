import type { SecretBox } from '../../lib/crypto/secretBox';
import type { SqlExecutor } from '../../lib/db/sql';
import type { PubSub } from '../../lib/pubsub/pubsub';

/** What the telemetry subgraph needs from its process. */
export interface TelemetryDependencies {
  /** Where stored readings are announced (live subscriptions, alert evaluation). */
  pubsub: PubSub;
  /** Opens edge gateway keys to verify signed batches (FARMIQ_SECRETS_KEY). */
  secretBox: SecretBox;
  now: () => Date;
  /** Raw SQL on the process's database: readings are read and written with hand-written SQL (partitioned table). */
  sql: SqlExecutor;
}
