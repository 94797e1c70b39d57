import type { Database } from '../../../lib/db/database';
import { startConsumer, type Consumer } from '../../../lib/events/consumer';
import { WEIGH_SESSION_EVENTS } from '../../../lib/events/topics';
import type { Logger } from '../../../lib/logger';
import { TOPICS, type PubSub, type WeighSessionChangedEvent } from '../../../lib/pubsub/pubsub';
import { applyWeighSessionEvents } from './applyEvents';
import type { ProjectedSession } from './projectSession';

/** The durable consumer's name: its cursor in `events.consumer_partition`. */
export const WEIGH_SESSION_PROJECTION = 'kpi.weigh-session-projection';

/** Tells live subscribers about sessions that changed (best effort: the read model is the truth). */
export async function announceSessions(pubsub: PubSub, sessions: readonly ProjectedSession[]): Promise<void> {
  for (const session of sessions) {
    if (!session.known || !session.batchId) continue;
    const event: WeighSessionChangedEvent = { tenantId: session.tenantId, batchId: session.batchId, sessionId: session.sessionId };
    await pubsub.publish(TOPICS.weighSessionChanged, event);
  }
}

/** Applies every weigh-session event to the read model (applyEvents.ts), at least once, idempotently. */
export function startWeighSessionProjection(options: { db: Database; pubsub: PubSub; log: Logger }): Promise<Consumer> {
  return startConsumer({
    name: WEIGH_SESSION_PROJECTION,
    topic: WEIGH_SESSION_EVENTS,
    sql: options.db.sql,
    log: options.log.child({ component: 'weigh-session-projection' }),
    handle: async (payload) => {
      const changed = await options.db.sql.transaction((tx) => applyWeighSessionEvents(tx, payload.events));
      await announceSessions(options.pubsub, changed);
    },
  });
}
