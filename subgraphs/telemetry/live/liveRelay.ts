import type { Database } from '../../../lib/db/database';
import { startConsumer, type Consumer } from '../../../lib/events/consumer';
import { READINGS_STORED, TOPOLOGY_CHANGED } from '../../../lib/events/topics';
import type { Topic } from '../../../lib/events/topic';
import type { SqlDriver } from '../../../lib/db/sql';
import type { Logger } from '../../../lib/logger';
import { TOPICS, type PubSub } from '../../../lib/pubsub/pubsub';

/** The durable consumer's name: its cursor in `events.consumer_partition`. */
export const LIVE_RELAY = 'telemetry.live-relay';
/** The topology relay's cursor. */
export const LIVE_TOPOLOGY_RELAY = 'telemetry.live-topology-relay';

/** Older events are not relayed: after an outage a live view wants what happens now, not a flood of the past. */
export const LIVE_RELAY_MAX_AGE_MS = 60_000;

/** Publishes sent and not yet confirmed before the relay waits for them (Redis down: no growing queue). */
const MAX_UNCONFIRMED_PUBLISHES = 100;
/** How long `stop()` waits for the publishes still unconfirmed (Redis gone: shutdown still ends). */
export const LIVE_RELAY_STOP_WAIT_MS = 5_000;

/**
 * Feeds the live bus (subscriptions, on Redis or in memory) from the durable stream, so a live
 * frame is a reading that was stored, once per relay even with several telemetry replicas. The
 * bus itself stays at most once: a gateway that misses a frame shows the next one.
 *
 * Latency is its job, so it reads on a connection of its own (not queued behind ingest and the
 * other consumers in the pool), moves its cursor once per turn, and does not wait for each
 * publish: they go out in order on the bus's one connection.
 */
export function startLiveRelay(options: RelayOptions): Promise<Consumer> {
  return startBusRelay(options, { name: LIVE_RELAY, topic: READINGS_STORED, busTopic: TOPICS.readingsStored, sql: options.db.dedicatedSql() });
}

/**
 * Feeds devices' topology changes to the live bus: the gateway forgets what it remembered of
 * devices (tenant, barn, names) for resolving live events when one moves, is deleted or changes
 * status (supergraph/live/entityCache.ts). Rare (a human action each), so on the shared pool.
 */
export function startTopologyRelay(options: RelayOptions): Promise<Consumer> {
  return startBusRelay(options, { name: LIVE_TOPOLOGY_RELAY, topic: TOPOLOGY_CHANGED, busTopic: TOPICS.topologyChanged, sql: options.db.sql });
}

interface RelayOptions {
  db: Database;
  pubsub: PubSub;
  log: Logger;
  now: () => Date;
  stopWaitMs?: number;
}

async function startBusRelay<Payload>(
  options: RelayOptions,
  relay: { name: string; topic: Topic<Payload>; busTopic: string; sql: SqlDriver },
): Promise<Consumer> {
  const unconfirmed = new Set<Promise<void>>();
  const consumer = await startConsumer({
    name: relay.name,
    topic: relay.topic,
    sql: relay.sql,
    log: options.log,
    // Publishing again after a crash only repeats a few frames: one cursor UPDATE per turn, not per event.
    advancePerTurn: true,
    handle: async (event, delivered) => {
      if (options.now().getTime() - delivered.recordedAt.getTime() > LIVE_RELAY_MAX_AGE_MS) return;
      // A frame that cannot go out now is worth nothing later: logged, not retried or dead-lettered.
      const publishing = options.pubsub
        .publish(relay.busTopic, event)
        .catch((error: Error) => options.log.warn({ err: error.message, topic: relay.busTopic }, 'live relay: a frame was not published'));
      unconfirmed.add(publishing);
      void publishing.finally(() => unconfirmed.delete(publishing));
      if (unconfirmed.size >= MAX_UNCONFIRMED_PUBLISHES) await Promise.all(unconfirmed);
    },
  });
  return {
    ...consumer,
    // The frames handed to the bus go out before the bus is closed behind the relay (shutdown).
    async stop() {
      await consumer.stop();
      if (unconfirmed.size === 0) return;
      let timer: NodeJS.Timeout | undefined;
      const gaveUp = new Promise<'gave up'>((resolve) => (timer = setTimeout(() => resolve('gave up'), options.stopWaitMs ?? LIVE_RELAY_STOP_WAIT_MS)));
      const outcome = await Promise.race([Promise.all(unconfirmed), gaveUp]);
      clearTimeout(timer);
      if (outcome === 'gave up') options.log.warn({ unconfirmed: unconfirmed.size, topic: relay.busTopic }, 'live relay: stopped with publishes unconfirmed');
    },
  };
}
