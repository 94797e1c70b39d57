import type { PrismaClient } from '../db/database';
import type { Logger } from '../logger';
import { startPeriodicPass } from '../periodicPass';
import { retryDelayMs, RETRY_WINDOW_MS } from './backoff';

/**
 * The one loop that delivers what a durable table of deliveries holds (tenants' alert
 * notifications in telemetry, partners' webhooks in identity): each caller brings its table, its
 * policy and how one delivery is sent; the claim, the lease, the backoff, the retry window and the
 * recorded outcome are the same for all.
 *
 * The table has the columns `id` (uuid), `status` ('PENDING' | 'DELIVERED' | 'FAILED'),
 * `attempts`, `next_attempt_at`, `last_error`, `delivered_at` and `created_at`. A worker claims
 * due rows with FOR UPDATE SKIP LOCKED (so every replica shares the table), counts the try and
 * pushes `next_attempt_at` a lease ahead in the same statement: a worker that dies mid-send leaves
 * the row to be tried again after the lease, under the same id, which the receiver deduplicates on
 * (at least once).
 */

/** What became of one try. */
export type DeliveryOutcome =
  | { kind: 'delivered' }
  /** Tried and failed: retried after the backoff until the retry window has passed, then FAILED. */
  | { kind: 'failed'; reason: string }
  /** Will never succeed (its recipient is gone): FAILED at once. */
  | { kind: 'gave-up'; reason: string }
  /** Not tried (quiet hours): due again at `until`, the try not counted. */
  | { kind: 'held'; until: Date };

/** A claimed row, as the claim returned it. */
export interface ClaimedDelivery {
  id: string;
  /** Tries so far, this one included. */
  attempts: number;
  createdAt: Date;
}

/** How a table's deliveries are retried. */
export interface DeliveryPolicy {
  /** A claimed delivery is not tried by anyone else before this has passed. */
  leaseMs: number;
  /** Rows claimed per statement. */
  batch: number;
  /** The wait before the next try after `attempts` failed tries. */
  retryDelayMs(attempts: number): number;
  /** A delivery still failing this long after it was written is given up. */
  retryWindowMs: number;
}

/** 30 s, 1 min, 2 min, … at most 1 h apart, for 24 h; a two-minute lease, twenty a claim. */
export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = { leaseMs: 2 * 60_000, batch: 20, retryDelayMs, retryWindowMs: RETRY_WINDOW_MS };

export interface DeliveryWorkerOptions {
  /** Names the worker in logs (`component`). */
  name: string;
  /** The schema-qualified table, as SQL: `"telemetry"."notification_delivery"`. */
  table: string;
  db: PrismaClient;
  log: Logger;
  policy?: DeliveryPolicy;
  now?: () => Date;
  /** How often due deliveries are looked for (0: only when `runOnce` is called, for tests). */
  pollIntervalMs?: number;
  /** Sends one claimed delivery and says how it went; a throw counts as `failed` with its message. */
  send(delivery: ClaimedDelivery, at: Date): Promise<DeliveryOutcome>;
  /** After a failed try is recorded; `final` when the retry window has passed and it was given up. */
  onFailed?(delivery: ClaimedDelivery, reason: string, at: Date, final: boolean): Promise<void>;
  /** Runs first in every pass (telemetry escalates unacknowledged alerts here). */
  beforePass?(at: Date): Promise<void>;
}

export interface DeliveryWorker {
  /** Sends every delivery due now; resolves with how many were tried. */
  runOnce(): Promise<number>;
  /** Stops polling and waits for the pass in hand. */
  stop(): Promise<void>;
}

export function startDeliveryWorker(options: DeliveryWorkerOptions): DeliveryWorker {
  const { db, table } = options;
  const policy = options.policy ?? DEFAULT_DELIVERY_POLICY;
  const now = options.now ?? (() => new Date());
  const log = options.log.child({ component: options.name });

  async function claimDue(): Promise<ClaimedDelivery[]> {
    const at = now();
    const rows = await db.$queryRawUnsafe<Array<{ id: string; attempts: number; created_at: Date }>>(
      `UPDATE ${table} SET next_attempt_at = $2, attempts = attempts + 1
       WHERE id IN (SELECT id FROM ${table} WHERE status = 'PENDING' AND next_attempt_at <= $1
                    ORDER BY next_attempt_at LIMIT ${policy.batch} FOR UPDATE SKIP LOCKED)
       RETURNING id::text AS id, attempts, created_at`,
      at,
      new Date(at.getTime() + policy.leaseMs),
    );
    return rows.map((row) => ({ id: row.id, attempts: Number(row.attempts), createdAt: new Date(row.created_at) }));
  }

  const update = (sql: string, ...values: unknown[]) => db.$executeRawUnsafe(`UPDATE ${table} SET ${sql} WHERE id = $1::uuid`, ...values);

  async function record(delivery: ClaimedDelivery, outcome: DeliveryOutcome): Promise<void> {
    const at = now();
    switch (outcome.kind) {
      case 'delivered':
        await update(`status = 'DELIVERED', delivered_at = $2, last_error = NULL`, delivery.id, at);
        return;
      case 'gave-up':
        await update(`status = 'FAILED', last_error = $2`, delivery.id, outcome.reason);
        return;
      case 'held':
        await update(`next_attempt_at = $2, attempts = attempts - 1`, delivery.id, outcome.until);
        return;
      case 'failed': {
        log.warn({ deliveryId: delivery.id, attempts: delivery.attempts, reason: outcome.reason }, 'delivery failed');
        const final = at.getTime() - delivery.createdAt.getTime() >= policy.retryWindowMs;
        if (final) await update(`status = 'FAILED', last_error = $2`, delivery.id, outcome.reason);
        else
          await update(`last_error = $2, next_attempt_at = $3`, delivery.id, outcome.reason, new Date(at.getTime() + policy.retryDelayMs(delivery.attempts)));
        await options.onFailed?.(delivery, outcome.reason, at, final);
      }
    }
  }

  async function deliver(delivery: ClaimedDelivery): Promise<void> {
    let outcome: DeliveryOutcome;
    try {
      outcome = await options.send(delivery, now());
    } catch (error) {
      outcome = { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
    }
    await record(delivery, outcome);
  }

  async function runOnce(): Promise<number> {
    await options.beforePass?.(now());
    let tried = 0;
    for (;;) {
      const claimed = await claimDue();
      for (const delivery of claimed)
        await deliver(delivery).catch((error) => log.error({ err: error, deliveryId: delivery.id }, 'delivery crashed; retried after its lease'));
      tried += claimed.length;
      if (claimed.length < policy.batch) return tried;
    }
  }

  return startPeriodicPass({ run: runOnce, intervalMs: options.pollIntervalMs, log, failureMessage: 'delivery pass failed', fallback: 0 });
}
