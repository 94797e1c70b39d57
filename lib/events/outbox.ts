import type { SqlExecutor } from '../db/sql';
import { shardOf, type Topic } from './topic';

/** The NOTIFY channel that wakes consumers when an event is committed. */
export const OUTBOX_CHANNEL = 'farmiq_outbox';

/**
 * Writes `payload` to the outbox in the caller's transaction (`tx`): the event exists exactly
 * when the change it announces was committed. The NOTIFY is delivered at commit too, so a
 * consumer woken by it finds the row. Returns the event's position.
 */
export async function appendEvent<Payload>(tx: SqlExecutor, topic: Topic<Payload>, payload: Payload): Promise<number> {
  const [row] = await tx.query<{ position: string }>(
    `WITH written AS (INSERT INTO "events"."outbox" (topic, shard, payload) VALUES ($1, $2, $3) RETURNING position)
     SELECT position::text AS position, pg_notify('${OUTBOX_CHANNEL}', $1) FROM written`,
    [topic.name, shardOf(topic.partitionKey(payload)), JSON.stringify(payload)],
  );
  return Number(row!.position);
}
