import type { SqlExecutor } from '../db/sql';
import { shardOf, type Topic } from './topic';

/** The NOTIFY channel that wakes consumers when an event is committed. */
export const OUTBOX_CHANNEL = 'farmiq_outbox';

/** Arbitrary but fixed: every outbox writer takes this transaction-scoped lock. */
const OUTBOX_LOCK_KEY = 727_274_002;

/**
 * Writes `payload` to the outbox in the caller's transaction (`tx`): the event exists exactly
 * when the change it announces was committed. The NOTIFY is delivered at commit too, so a
 * consumer woken by it finds the row. Returns the event's position.
 *
 * The row's recorded_at is the moment of the append (clock_timestamp(), not the transaction's
 * start): the last statement before the commit, so it tells when the event became visible, and
 * the live fan-out's latency is measured from it (bench/live.ts).
 *
 * Call it last in the transaction. It holds the outbox lock until commit: writers append one at
 * a time, so positions become visible in the order they were taken and a consumer that read
 * position n never sees n-1 appear later. (Without it, a transaction that took position 10 and
 * commits after the one that took 11 would be skipped for good.) The lock covers only the append
 * and the commit, not the change before it, so concurrent ingest batches still write in parallel.
 */
export async function appendEvent<Payload>(tx: SqlExecutor, topic: Topic<Payload>, payload: Payload): Promise<number> {
  // No void columns in the answers (the functions sit in FROM): Prisma's raw queries cannot read them.
  await tx.query(`SELECT 1 AS locked FROM pg_advisory_xact_lock(${OUTBOX_LOCK_KEY})`);
  const stored = topic.encode ? topic.encode(payload) : payload;
  const [shard, json] = [shardOf(topic.partitionKey(payload)), JSON.stringify(stored)];
  const [row] = await tx.query<{ position: string; recorded_at: string }>(
    `WITH written AS (INSERT INTO "events"."outbox" (topic, shard, payload, recorded_at) VALUES ($1, $2, $3, clock_timestamp()) RETURNING position, recorded_at)
     SELECT position::text AS position, recorded_at::text AS recorded_at FROM written, pg_notify('${OUTBOX_CHANNEL}', $1)`,
    [topic.name, shard, json],
  );
  const position = Number(row!.position);
  tx.appended?.remember({ topic: topic.name, position, recordedAt: row!.recorded_at, shard, json, payload: stored });
  return position;
}

/** The part of a Prisma transaction client appendEventInPrisma needs. */
export interface PrismaRawExecutor {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

/**
 * appendEvent for a change made through Prisma (`tx` of `$transaction`): the same lock, row and
 * NOTIFY, as statements that return no columns (Prisma's driver adapters cannot read `void`).
 */
export async function appendEventInPrisma<Payload>(tx: PrismaRawExecutor, topic: Topic<Payload>, payload: Payload): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${OUTBOX_LOCK_KEY})`);
  await tx.$executeRawUnsafe(
    `INSERT INTO "events"."outbox" (topic, shard, payload, recorded_at) VALUES ($1, $2, $3::json, clock_timestamp())`,
    topic.name,
    shardOf(topic.partitionKey(payload)),
    JSON.stringify(topic.encode ? topic.encode(payload) : payload),
  );
  await tx.$executeRawUnsafe(`SELECT pg_notify('${OUTBOX_CHANNEL}', $1)`, topic.name);
}
