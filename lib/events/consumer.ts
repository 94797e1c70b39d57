import { randomUUID } from 'node:crypto';
import type { SqlDriver } from '../db/sql';
import type { Logger } from '../logger';
import { decodedPayload, type AppendedEvent } from './appendedEvents';
import { OUTBOX_CHANNEL } from './outbox';
import { EventDecodeError, type Topic } from './topic';

/**
 * A durable consumer of one topic: at-least-once, in order per partition key, shared across
 * replicas, with retries, a dead letter and a clean stop. Why it looks like this:
 *
 * - Cursor, not acknowledgements. Each of the consumer's partitions stores the position of the
 *   last event it applied in `events.consumer_partition` and reads on from there; writers append
 *   under one lock (outbox.ts), so no event can appear behind a cursor later.
 * - Leases, not held locks. A replica takes a partition with one UPDATE that succeeds only when
 *   nobody holds its lease (or it expired), applies a few events, moves the cursor after each
 *   (only while it still holds the lease) and gives the partition back. A killed replica's
 *   lease expires and another one carries on from the cursor. A held row lock or advisory lock
 *   would need a transaction or a session open while handlers run, which on PGlite (one
 *   connection for the whole process) would block the handlers' own queries.
 * - At least once, so handlers are idempotent: each records what it applied under a key of the
 *   event (a usage key, a reading's key, a watermark), and a redelivered event changes nothing.
 * - A handler that throws is retried with exponential backoff (the partition waits: order);
 *   after `maxAttempts` the event goes to `events.dead_letter` and the partition moves on. A
 *   payload its topic's decoder refuses goes there at once: retrying cannot fix it.
 */
export interface ConsumerOptions<Payload> {
  /** `<subgraph>.<job>`: the cursor is stored under it, so replicas of one consumer share one name. */
  name: string;
  topic: Topic<Payload>;
  sql: SqlDriver;
  log: Logger;
  /** Applies one event. Must be idempotent: after a crash an event may come again. */
  handle(payload: Payload, event: DeliveredEvent): Promise<void>;
  /** Partitions replicas split the work by (fixed for a consumer's lifetime). Default 4. */
  partitions?: number;
  /** Tries before an event goes to the dead letter. Default 5. */
  maxAttempts?: number;
  /** First retry delay; doubles each try up to `retryMaxMs`. Defaults 500 ms and 60 s. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Events applied per turn with a partition before it is given back. Default 100. */
  batchSize?: number;
  /** How long a replica's hold of a partition outlives its last progress. Default 30 s. */
  leaseMs?: number;
  /** Look for work this often even without a NOTIFY (expired leases, due retries). Default 1 s. */
  pollMs?: number;
  /**
   * Move the cursor once per turn (past the turn's last applied event, with the partition's
   * release, or before a retry is scheduled) instead of after every event: one UPDATE per turn
   * instead of one per event plus the release, on a pool ingest shares. After a crash up to
   * `batchSize` applied events come again, so only for a handler whose redelivery is harmless
   * (idempotent: the live relay, presence, alerts, usage, scale and camera weights). Default false.
   */
  advancePerTurn?: boolean;
}

export interface DeliveredEvent {
  position: number;
  recordedAt: Date;
  /** 1 on first delivery; more after failures. */
  attempt: number;
}

export interface Consumer {
  name: string;
  /** Resolves once every event committed so far was applied or dead-lettered (tests, shutdown drains). */
  drain(timeoutMs?: number): Promise<void>;
  /** Re-applies this consumer's dead-lettered events (after a fix), oldest first; each that succeeds is marked replayed. */
  replayDeadLetters(): Promise<{ replayed: number; failed: number }>;
  /** Stops taking work, waits for the event in hand and gives the partitions back. */
  stop(): Promise<void>;
}

interface PartitionState {
  position: string;
  attempts: number;
}

interface OutboxRow extends Record<string, unknown> {
  position: string;
  /** Null when `remembered`: this process appended the event and has its payload. */
  payload: unknown;
  remembered?: boolean;
  /** The payload's JSON text when it was not read (remembered). */
  payloadJson?: string;
  recorded_at: Date | string;
}

export async function startConsumer<Payload>(options: ConsumerOptions<Payload>): Promise<Consumer> {
  const { sql, topic, name } = options;
  const partitions = options.partitions ?? 4;
  const maxAttempts = options.maxAttempts ?? 5;
  const retryBaseMs = options.retryBaseMs ?? 500;
  const retryMaxMs = options.retryMaxMs ?? 60_000;
  const batchSize = options.batchSize ?? 100;
  const leaseMs = options.leaseMs ?? 30_000;
  const pollMs = options.pollMs ?? 1_000;
  const owner = `${process.pid}-${randomUUID()}`;
  const log = options.log.child({ component: 'events', consumer: name });

  await registerPartitions(sql, name, topic.name, partitions);

  let stopping = false;
  let running: Promise<void> | undefined;
  let again = false;
  // Replicas start at different partitions so that they rarely reach for the same one first.
  let nextPartition = Math.floor(Math.random() * partitions);
  /** Each partition's cursor as this consumer last claimed or moved it. */
  const cursorSeen: number[] = [];

  /**
   * Takes the partition's lease and reads the events past its cursor, in one round trip: the
   * partition's state and its events (none when nobody's lease was taken, one row with no event
   * when the partition has none).
   */
  const claimAndRead = async (partition: number): Promise<{ state: PartitionState; rows: OutboxRow[]; appended: Map<number, AppendedEvent> } | undefined> => {
    // Events this process appended itself are not read back (lib/events/appendedEvents.ts): those
    // past the cursor this consumer last saw (another replica's moves or a rewind only make some
    // be read back, as from another process).
    const appended =
      sql.appended?.after(topic.name, cursorSeen[partition] ?? 0, (shard) => shard % partitions === partition, batchSize) ?? new Map<number, AppendedEvent>();
    const found = await sql.query<{
      cursor: string;
      attempts: number;
      position: string | null;
      remembered: boolean | null;
      payload: unknown;
      recorded_at: Date | string | null;
    }>(
      `WITH claimed AS (
         UPDATE "events"."consumer_partition" SET lease_owner = $3, lease_until = now() + make_interval(secs => $4::double precision / 1000)
         WHERE consumer = $1 AND partition = $2 AND (lease_owner IS NULL OR lease_owner = $3 OR lease_until < now()) AND (retry_at IS NULL OR retry_at <= now())
         RETURNING position, attempts
       )
       SELECT c.position::text AS cursor, c.attempts, e.position::text AS position, e.remembered, e.payload, e.recorded_at
       FROM claimed c LEFT JOIN LATERAL (
         SELECT o.position, own.position IS NOT NULL AS remembered, CASE WHEN own.position IS NULL THEN o.payload END AS payload, o.recorded_at
         FROM "events"."outbox" o
         LEFT JOIN unnest($8::bigint[], $9::text[]) AS own (position, recorded_at) ON own.position = o.position AND own.recorded_at = o.recorded_at::text
         WHERE o.topic = $5 AND o.position > c.position AND o.shard % $6 = $2 ORDER BY o.position LIMIT $7
       ) e ON true
       ORDER BY e.position`, // by the column, not the text alias ('10' < '2')
      [
        name,
        partition,
        owner,
        leaseMs,
        topic.name,
        partitions,
        batchSize,
        [...appended.keys()].map(String),
        [...appended.values()].map((event) => event.recordedAt),
      ],
    );
    if (found.length === 0) return undefined;
    cursorSeen[partition] = Number(found[0]!.cursor);
    return {
      state: { position: found[0]!.cursor, attempts: found[0]!.attempts },
      rows: found.filter((row) => row.position !== null) as OutboxRow[],
      appended,
    };
  };
  const release = (partition: number) =>
    sql.query(`UPDATE "events"."consumer_partition" SET lease_owner = NULL, lease_until = NULL WHERE consumer = $1 AND partition = $2 AND lease_owner = $3`, [
      name,
      partition,
      owner,
    ]);

  const movedPast = (partition: number, row: OutboxRow, moved: boolean): boolean => {
    if (moved) cursorSeen[partition] = Number(row.position);
    return moved;
  };

  /** Moves the cursor past `row` (applied, or dead-lettered); false when the lease was lost meanwhile. */
  const advance = async (partition: number, row: OutboxRow): Promise<boolean> => {
    const moved = await sql.query(
      `UPDATE "events"."consumer_partition"
       SET position = $4, attempts = 0, retry_at = NULL, last_error = NULL, updated_at = now(), lease_until = now() + make_interval(secs => $5::double precision / 1000)
       WHERE consumer = $1 AND partition = $2 AND lease_owner = $3 RETURNING 1 AS moved`,
      [name, partition, owner, row.position, leaseMs],
    );
    return movedPast(partition, row, moved.length === 1);
  };

  /** Moves the cursor past `row` and gives the partition back in one UPDATE (the end of an advancePerTurn turn); false when the lease was lost. */
  const advanceAndRelease = async (partition: number, row: OutboxRow): Promise<boolean> => {
    const moved = await sql.query(
      `UPDATE "events"."consumer_partition"
       SET position = $4, attempts = 0, retry_at = NULL, last_error = NULL, updated_at = now(), lease_owner = NULL, lease_until = NULL
       WHERE consumer = $1 AND partition = $2 AND lease_owner = $3 RETURNING 1 AS moved`,
      [name, partition, owner, row.position],
    );
    return movedPast(partition, row, moved.length === 1);
  };

  const deadLetter = async (partition: number, row: OutboxRow, attempts: number, error: string): Promise<boolean> => {
    log.error({ position: Number(row.position), attempts, err: error }, 'event moved to the dead letter');
    return sql.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO "events"."dead_letter" (consumer, position, topic, payload, attempts, error) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (consumer, position) DO UPDATE SET attempts = EXCLUDED.attempts, error = EXCLUDED.error, failed_at = now(), replayed_at = NULL`,
        [name, row.position, topic.name, row.payloadJson ?? JSON.stringify(row.payload), attempts, error],
      );
      const moved = await tx.query(
        `UPDATE "events"."consumer_partition" SET position = $4, attempts = 0, retry_at = NULL, last_error = NULL, updated_at = now()
         WHERE consumer = $1 AND partition = $2 AND lease_owner = $3 RETURNING 1 AS moved`,
        [name, partition, owner, row.position],
      );
      return movedPast(partition, row, moved.length === 1);
    });
  };

  const scheduleRetry = async (partition: number, attempts: number, error: string) => {
    const delayMs = Math.min(retryMaxMs, retryBaseMs * 2 ** (attempts - 1));
    log.warn({ attempts, retryInMs: delayMs, err: error }, 'event handler failed; retrying after a pause');
    await sql.query(
      `UPDATE "events"."consumer_partition" SET attempts = $4, last_error = $5, retry_at = now() + make_interval(secs => $6::double precision / 1000), lease_owner = NULL, lease_until = NULL, updated_at = now()
       WHERE consumer = $1 AND partition = $2 AND lease_owner = $3`,
      [name, partition, owner, attempts, error.slice(0, 2000), delayMs],
    );
  };

  /** One turn with one partition; true when it applied or dead-lettered something. */
  const work = async (partition: number): Promise<boolean> => {
    const claimed = await claimAndRead(partition);
    if (!claimed) return false;
    const { state, rows, appended } = claimed;
    let leaseExtendedAtMs = Date.now();
    let progressed = false;
    let released = false;
    /** Applied, the cursor not yet moved past it (advancePerTurn). */
    let unadvanced: OutboxRow | undefined;
    /** Moves the cursor past what was applied this turn; false when the lease was lost. */
    const advanceApplied = async (): Promise<boolean> => {
      const row = unadvanced;
      unadvanced = undefined;
      if (!row || (await advance(partition, row))) return true;
      log.warn('lost the lease of a partition while applying events; another replica carries on');
      return false;
    };
    try {
      let attempts = state.attempts;
      for (const row of rows) {
        if (stopping) break;
        const attempt = attempts + 1;
        let payload: Payload;
        const own = row.remembered ? appended.get(Number(row.position)) : undefined;
        // What a dead letter keeps: the stored text.
        if (own) row.payloadJson = own.json;
        try {
          payload = own ? decodedPayload(own, topic) : topic.decode(typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload);
        } catch (error) {
          // The dead letter moves the cursor past this row, so past what was applied before it too.
          unadvanced = undefined;
          if (!(await deadLetter(partition, row, attempt, messageOf(error)))) return progressed;
          progressed = true;
          attempts = 0;
          continue;
        }
        try {
          await options.handle(payload, { position: Number(row.position), recordedAt: new Date(row.recorded_at), attempt });
        } catch (error) {
          if (attempt >= maxAttempts) {
            unadvanced = undefined;
            if (!(await deadLetter(partition, row, attempt, messageOf(error)))) return progressed;
            progressed = true;
            attempts = 0;
            continue;
          }
          if (!(await advanceApplied())) return true;
          await scheduleRetry(partition, attempt, messageOf(error));
          return progressed;
        }
        if (options.advancePerTurn) {
          unadvanced = row;
          progressed = true;
          attempts = 0;
          // A long turn moves its cursor (which extends the lease) before a third of the lease has
          // passed: a lapsed lease would let another replica apply the same events at the same time.
          if (Date.now() - leaseExtendedAtMs > leaseMs / 3) {
            if (!(await advanceApplied())) return true;
            leaseExtendedAtMs = Date.now();
          }
          continue;
        }
        if (!(await advance(partition, row))) {
          log.warn('lost the lease of a partition while applying events; another replica carries on');
          return true;
        }
        progressed = true;
        attempts = 0;
      }
      const last = unadvanced;
      unadvanced = undefined;
      if (last) {
        const moved = await advanceAndRelease(partition, last);
        released = true;
        if (!moved) {
          log.warn('lost the lease of a partition while applying events; another replica carries on');
          return true;
        }
      }
    } finally {
      if (!released) await release(partition).catch((error: Error) => log.warn({ err: error.message }, 'could not give a partition back'));
    }
    return progressed;
  };

  /**
   * The partitions with events past their cursor, in one query: a turn with a partition costs a
   * claim, a read and a release, and most wakes find most partitions empty (one farm's events
   * go to one partition).
   */
  const partitionsWithWork = async (): Promise<Set<number>> => {
    const rows = await sql.query<{ partition: number }>(
      `SELECT c.partition FROM "events"."consumer_partition" c
       WHERE c.consumer = $1 AND EXISTS (SELECT 1 FROM "events"."outbox" o WHERE o.topic = $2 AND o.position > c.position AND o.shard % c.partitions = c.partition)`,
      [name, topic.name],
    );
    return new Set(rows.map((row) => Number(row.partition)));
  };

  const runAll = async () => {
    do {
      again = false;
      let progressed = false;
      let withWork: Set<number>;
      try {
        withWork = await partitionsWithWork();
      } catch (error) {
        log.error({ err: messageOf(error) }, 'event consumer could not look for work; trying again shortly');
        return;
      }
      for (let i = 0; i < partitions && !stopping; i++) {
        const partition = (nextPartition + i) % partitions;
        if (!withWork.has(partition)) continue;
        try {
          if (await work(partition)) progressed = true;
        } catch (error) {
          log.error({ err: messageOf(error), partition }, 'event consumer turn failed; trying again shortly');
        }
      }
      nextPartition = (nextPartition + 1) % partitions;
      if (progressed) again = true;
    } while (again && !stopping);
  };

  const wake = () => {
    if (stopping) return;
    if (running) {
      again = true;
      return;
    }
    running = runAll().finally(() => {
      running = undefined;
    });
  };

  // The NOTIFY's payload names the topic of the event committed: other topics' events are not ours.
  const unlisten = await sql.listen(OUTBOX_CHANNEL, (payload) => {
    if (payload === undefined || payload === topic.name) wake();
  });
  const timer = setInterval(wake, pollMs);
  timer.unref();
  wake();

  return {
    name,
    async drain(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const [behind] = await sql.query<{ behind: string }>(
          `SELECT count(*)::text AS behind FROM "events"."outbox" o
           JOIN "events"."consumer_partition" c ON c.consumer = $1 AND o.shard % c.partitions = c.partition
           WHERE o.topic = $2 AND o.position > c.position`,
          [name, topic.name],
        );
        if (behind!.behind === '0') return;
        if (Date.now() > deadline) throw new Error(`${name}: ${behind!.behind} events still unapplied after ${timeoutMs} ms`);
        wake();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async replayDeadLetters() {
      const letters = await sql.query<{ position: string; payload: unknown; recorded_at: Date | string }>(
        `SELECT d.position::text AS position, d.payload, coalesce(o.recorded_at, d.failed_at) AS recorded_at FROM "events"."dead_letter" d
         LEFT JOIN "events"."outbox" o ON o.position = d.position WHERE d.consumer = $1 AND d.replayed_at IS NULL ORDER BY d.position ASC`,
        [name],
      );
      let replayed = 0;
      let failed = 0;
      for (const letter of letters) {
        try {
          const payload = topic.decode(typeof letter.payload === 'string' ? JSON.parse(letter.payload) : letter.payload);
          await options.handle(payload, { position: Number(letter.position), recordedAt: new Date(letter.recorded_at), attempt: maxAttempts + 1 });
          await sql.query(`UPDATE "events"."dead_letter" SET replayed_at = now() WHERE consumer = $1 AND position = $2`, [name, letter.position]);
          replayed += 1;
        } catch (error) {
          failed += 1;
          await sql.query(`UPDATE "events"."dead_letter" SET attempts = attempts + 1, error = $3, failed_at = now() WHERE consumer = $1 AND position = $2`, [
            name,
            letter.position,
            messageOf(error),
          ]);
        }
      }
      return { replayed, failed };
    },
    async stop() {
      stopping = true;
      clearInterval(timer);
      await unlisten().catch(() => undefined);
      await running;
    },
  };
}

async function registerPartitions(sql: SqlDriver, name: string, topic: string, partitions: number): Promise<void> {
  const [stored] = await sql.query<{ partitions: number; topic: string }>(
    `SELECT partitions, topic FROM "events"."consumer_partition" WHERE consumer = $1 LIMIT 1`,
    [name],
  );
  if (stored && (stored.partitions !== partitions || stored.topic !== topic)) {
    throw new Error(
      `events: consumer ${name} is stored with ${stored.partitions} partitions of ${stored.topic}; it cannot change to ${partitions} of ${topic} in place`,
    );
  }
  await sql.query(
    `INSERT INTO "events"."consumer_partition" (consumer, partition, partitions, topic) SELECT $1, p, $2, $3 FROM generate_series(0, $2 - 1) AS p ON CONFLICT DO NOTHING`,
    [name, partitions, topic],
  );
}

/** Moves a consumer back to `position`: every event from it on is delivered again. */
export async function rewindConsumer(sql: SqlDriver, name: string, position: number): Promise<void> {
  const moved = await sql.query(
    `UPDATE "events"."consumer_partition" SET position = LEAST(position, $2), attempts = 0, retry_at = NULL, updated_at = now() WHERE consumer = $1 RETURNING 1 AS moved`,
    [name, position - 1],
  );
  if (moved.length === 0) throw new Error(`events: no consumer ${name}`);
}

function messageOf(error: unknown): string {
  if (error instanceof EventDecodeError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
