import type { SqlExecutor } from '../db/sql';
import type { Logger } from '../logger';
import type { Topic } from './topic';

/** How long an event every consumer has applied stays in the outbox by default (EVENTS_RETENTION_DAYS; replays from a position reach back this far). */
export const OUTBOX_RETENTION_DAYS = 7;
export const OUTBOX_PRUNE_INTERVAL_MS = 60 * 60 * 1000;
/** Events deleted per statement: a long backlog is pruned in short transactions. */
const PRUNE_BATCH = 5_000;

const SAFE_NAME = /^[a-z][a-z0-9.-]*$/i;

/**
 * The outbox rows that may go: older than `retentionDays`, and behind the cursor of every
 * consumer of their topic (the partition their shard falls in, for each consumer registered in
 * `events.consumer_partition`). A consumer that is behind keeps every event it has not applied,
 * however old. Of a compacted topic (`Topic.compactedBy`) only events a newer event of the same
 * object replaced may go. A topic nobody consumes is kept for the retention only. A retired
 * consumer must be deleted from `events.consumer_partition`, or it holds its topic's events.
 */
function prunableSql(compacted: readonly Topic<unknown>[]): string {
  const keep = compacted.map((topic) => {
    if (!SAFE_NAME.test(topic.name) || !topic.compactedBy!.every((field) => SAFE_NAME.test(field)))
      throw new Error(`events: cannot compact ${topic.name} by ${topic.compactedBy!.join(', ')}`);
    const sameObject = topic.compactedBy!.map((field) => `(n.payload ->> '${field}') = (o.payload ->> '${field}')`).join(' AND ');
    return `AND NOT (o.topic = '${topic.name}' AND NOT EXISTS (SELECT 1 FROM "events"."outbox" n WHERE n.topic = o.topic AND n.position > o.position AND ${sameObject}))`;
  });
  return `SELECT o.position FROM "events"."outbox" o
    WHERE o.recorded_at < now() - make_interval(days => $1::int)
      AND NOT EXISTS (SELECT 1 FROM "events"."consumer_partition" c WHERE c.topic = o.topic AND o.shard % c.partitions = c.partition AND c.position < o.position)
      ${keep.join('\n      ')}
    ORDER BY o.position LIMIT ${PRUNE_BATCH}`;
}

/** Deletes the prunable events (see prunableSql) of the outbox; returns how many went. */
export async function pruneOutbox(sql: SqlExecutor, options: { retentionDays: number; topics: readonly Topic<unknown>[] }): Promise<number> {
  if (!Number.isInteger(options.retentionDays) || options.retentionDays < 0)
    throw new Error(`events: retention must be whole days, got ${options.retentionDays}`);
  const compacted = [...new Map(options.topics.filter((topic) => topic.compactedBy?.length).map((topic) => [topic.name, topic])).values()];
  const select = prunableSql(compacted);
  let deleted = 0;
  for (;;) {
    const rows = await sql.query(`DELETE FROM "events"."outbox" WHERE position IN (${select}) RETURNING 1 AS deleted`, [options.retentionDays]);
    deleted += rows.length;
    if (rows.length < PRUNE_BATCH) return deleted;
  }
}

/** Prunes now and then every `intervalMs` (any number of processes may: a delete twice is harmless). */
export function startOutboxPruning(options: {
  sql: SqlExecutor;
  topics: readonly Topic<unknown>[];
  log: Logger;
  retentionDays?: number;
  intervalMs?: number;
}): { stop(): Promise<void> } {
  const log = options.log.child({ component: 'events', job: 'outbox-pruning' });
  let running: Promise<void> | undefined;
  const run = () => {
    running ??= pruneOutbox(options.sql, { retentionDays: options.retentionDays ?? OUTBOX_RETENTION_DAYS, topics: options.topics })
      .then((deleted) => void (deleted > 0 && log.info({ deleted }, 'pruned applied events from the outbox')))
      .catch((error: Error) => log.error({ err: error.message }, 'could not prune the outbox'))
      .finally(() => {
        running = undefined;
      });
  };
  run();
  const timer = setInterval(run, options.intervalMs ?? OUTBOX_PRUNE_INTERVAL_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
