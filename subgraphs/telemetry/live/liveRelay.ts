import type { Database } from '../../../lib/db/database';
import { startConsumer, type Consumer } from '../../../lib/events/consumer';
import { READINGS_STORED } from '../../../lib/events/topics';
import type { Logger } from '../../../lib/logger';
import { TOPICS, type PubSub } from '../../../lib/pubsub/pubsub';

/** The durable consumer's name: its cursor in `events.consumer_partition`. */
export const LIVE_RELAY = 'telemetry.live-relay';

/** Older events are not relayed: after an outage a live view wants what happens now, not a flood of the past. */
export const LIVE_RELAY_MAX_AGE_MS = 60_000;

/**
 * Feeds the live bus (subscriptions, on Redis or in memory) from the durable stream, so a live
 * frame is a reading that was stored, once per relay even with several telemetry replicas. The
 * bus itself stays at most once: a gateway that misses a frame shows the next one.
 */
export function startLiveRelay(options: { db: Database; pubsub: PubSub; log: Logger; now: () => Date }): Promise<Consumer> {
  return startConsumer({
    name: LIVE_RELAY,
    topic: READINGS_STORED,
    sql: options.db.sql,
    log: options.log,
    handle: async (event, delivered) => {
      if (options.now().getTime() - delivered.recordedAt.getTime() > LIVE_RELAY_MAX_AGE_MS) return;
      // A frame that cannot go out now is worth nothing later: logged, not retried or dead-lettered.
      await options.pubsub
        .publish(TOPICS.readingsStored, event)
        .catch((error: Error) => options.log.warn({ err: error.message }, 'live relay: a frame was not published'));
    },
  });
}
