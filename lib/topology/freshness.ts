import type { PrismaClient } from '../db/generated/client';
import { TOPOLOGY_CHANGED } from '../events/topics';

/** How long a read waits for its read model to apply topology already committed, before it answers from what it has. */
export const FRESHNESS_WAIT_MS = 5_000;
const POLL_MS = 20;

interface Positions extends Record<string, unknown> {
  head: string;
  applied: string;
}

/**
 * Read-your-writes across subgraphs. A user who creates a barn in devices and at once makes an
 * alert rule for it in telemetry sends the second request after the first one committed, so
 * the barn's event is already in the outbox: before a read, the read model waits until its
 * consumer has applied every topology event committed so far (the newest position of the
 * topic). One indexed query when it is current (nearly always: the consumer is woken by the
 * commit's NOTIFY); a short wait when a change is being applied; at most FRESHNESS_WAIT_MS when
 * the consumer is down, after which the read answers from the model as it is (eventual
 * consistency, never a hang). No devices table is read: this works across databases' owners
 * as long as the subgraph can read the outbox, which every consumer must anyway.
 */
export async function awaitTopology(db: PrismaClient, consumer: string, waitMs = FRESHNESS_WAIT_MS): Promise<boolean> {
  const [first] = await db.$queryRawUnsafe<Positions[]>(
    `SELECT coalesce((SELECT max(position) FROM "events"."outbox" WHERE topic = $1), 0)::text AS head,
            coalesce((SELECT min(position) FROM "events"."consumer_partition" WHERE consumer = $2), 0)::text AS applied`,
    TOPOLOGY_CHANGED.name,
    consumer,
  );
  const head = BigInt(first!.head);
  if (BigInt(first!.applied) >= head) return true;
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const [now] = await db.$queryRawUnsafe<Positions[]>(
      `SELECT '0' AS head, coalesce(min(position), 0)::text AS applied FROM "events"."consumer_partition" WHERE consumer = $1`,
      consumer,
    );
    if (BigInt(now!.applied) >= head) return true;
  }
  return false;
}
