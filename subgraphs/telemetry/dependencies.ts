import type { PubSub } from '../../lib/pubsub/pubsub';

/** What the telemetry subgraph needs from its process. */
export interface TelemetryDependencies {
  /** The process bus: alert changes go out on it (TOPICS.alertChanged). */
  pubsub: PubSub;
  /** The time user actions (acknowledgements, rule changes) are stamped with; tests pass a fixed clock. */
  now: () => Date;
}
