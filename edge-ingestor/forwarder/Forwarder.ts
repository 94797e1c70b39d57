import { MAX_BATCH_BYTES } from '../../lib/edge/signedBatch';
import type { Logger } from '../../lib/logger';
import { BatchRefusal, rejectionCode } from '../../lib/edge/ingestCodes';
import type { IngestResult } from '../../lib/edge/batch';
import type { BufferedMessage, DiskBuffer, Refusal } from '../buffer/DiskBuffer';
import { ingestorMetrics } from '../ingestorMetrics';
import { backoffMs, messageRateLimiter } from './backoff';
import { ForwardLanes, type LaneName } from './lanes';
import { sendBatch, type SendOutcome } from './sendBatch';

export interface ForwarderOptions {
  buffer: DiskBuffer;
  ingestUrl: string;
  key: { keyId: string; secret: string };
  log: Logger;
  /** A batch goes out when it has this many messages... */
  batchMaxMessages: number;
  /** ...or when its oldest message waited this long (under load; see `linger`). */
  batchMaxWaitMs: number;
  /**
   * `adaptive` (default): a live message goes out at once while no live batch is on its way,
   * and gathers behind one that is (Nagle, Kafka's linger). `fixed`: every live batch waits
   * `batchMaxWaitMs` unless full (the behaviour before; kept as the benchmark's baseline).
   */
  linger?: 'adaptive' | 'fixed';
  /** Batches on their way to the cloud at once (1: strictly one after the other). */
  concurrency?: number;
  /** Messages a second over both lanes, live first; 0: no limit. */
  maxMessagesPerSecond: number;
  /** A live message older than this when it could be sent turns what waits into the backlog lane. */
  liveLagMs?: number;
  retryBaseMs?: number;
  retryMaxMs: number;
  requestTimeoutMs?: number;
}

/** One batch: a contiguous `[first, last]` range of the buffer, from one lane. */
interface Batch {
  lane: LaneName;
  rows: BufferedMessage[];
}

/** Metrics labels take only known codes. */
const BATCH_REFUSAL_CODES: ReadonlySet<string> = new Set(Object.values(BatchRefusal));

/**
 * The least time between two live batches of the adaptive linger: at most ten a second, however
 * fast the cloud answers. Every batch costs the cloud a transaction, an outbox event and a turn
 * of each event consumer (live relay, alerts, usage, weights); a reading a batch at a farm's
 * rate (100 a second) kept those busy enough to queue seconds behind (bench:latency).
 */
const ADAPTIVE_MIN_GAP_MS = 100;

/** Room for `{"batchId":"…","messages":[…]}` around the messages. */
const ENVELOPE_BYTES = 200;

/**
 * Sends the buffer to the cloud as signed batches; a batch leaves the buffer only once the cloud
 * acknowledged it (200 with an IngestResult).
 *
 * - Two lanes (ForwardLanes): live messages go out as they arrive, a backlog (from before a
 *   restart or an outage) drains oldest first beside them and never takes the last free slot,
 *   so live data is not starved. `maxMessagesPerSecond` caps both together, live first.
 * - Up to `concurrency` batches in flight keep the cloud and the link busy while a response is
 *   on its way; each lane still dispatches oldest first.
 * - A failed batch is kept in memory and sent again, before anything newer, after an
 *   exponential backoff with full jitter; while the cloud fails, one request at a time probes it.
 * - What the cloud refuses for good (a message of an acknowledged batch, or a whole batch it
 *   cannot read) moves to the buffer's quarantine with the cloud's reason, never dropped: each
 *   of those messages got its PUBACK.
 */
export class Forwarder {
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private wakeTimer: NodeJS.Timeout | undefined;
  private readonly lanes: ForwardLanes;
  private readonly inFlight = new Set<Promise<void>>();
  /** Live batches on their way: while there is none, the pipe is idle and waiting buys nothing. */
  private liveInFlight = 0;
  /** When the last live batch left (epoch ms). */
  private lastLiveSentAtMs = 0;
  private readonly aborts = new AbortController();
  /** Batches to send again, oldest first, before anything new. */
  private retries: Batch[] = [];
  /** Consecutive failures; 0 while the cloud answers. */
  private failures = 0;
  private pausedUntilMs = 0;
  /** Asleep with no live message waiting: the next one starts its batch's wait. */
  private idle = false;
  private batchLimit: number;
  private readonly limiter;
  private readonly concurrency: number;
  /** When the cloud last acknowledged a batch. */
  lastSuccessAt: Date | undefined;

  constructor(private readonly options: ForwarderOptions) {
    this.batchLimit = options.batchMaxMessages;
    this.limiter = messageRateLimiter(options.maxMessagesPerSecond);
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.lanes = new ForwardLanes(options.buffer, options.liveLagMs ?? Math.max(5_000, 5 * options.batchMaxWaitMs));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run().catch((error: Error) => this.options.log.error({ err: error.message }, 'forwarder stopped on an unexpected error'));
  }

  /** New messages are in the buffer: a live batch may start waiting, or be full. */
  notify(): void {
    if (this.idle || (this.lanes.liveWaiting >= this.batchLimit && this.inFlight.size < this.concurrency)) this.wake();
  }

  /** Stops sending; batches on their way are abandoned and stay in the buffer for the next start. */
  async stop(): Promise<void> {
    this.running = false;
    this.aborts.abort();
    this.wake();
    await this.loop;
  }

  private wake(): void {
    const wakeUp = this.wakeUp;
    this.wakeUp = undefined;
    clearTimeout(this.wakeTimer);
    wakeUp?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      const waitMs = this.dispatch(Date.now());
      await new Promise<void>((resolve) => {
        this.wakeUp = resolve;
        this.wakeTimer = setTimeout(() => this.wake(), waitMs);
      });
    }
    await Promise.allSettled(this.inFlight);
  }

  /** Sends what is due into the free slots; returns how long to sleep unless woken earlier. */
  private dispatch(nowMs: number): number {
    this.idle = false;
    if (nowMs < this.pausedUntilMs) return this.pausedUntilMs - nowMs;
    // While the cloud fails, a single request finds out when it is back.
    const slots = this.failures > 0 ? 1 : this.concurrency;
    let waitMs = this.options.batchMaxWaitMs;
    // Once per pass: a split only depends on how long the oldest live message has waited.
    this.lanes.splitIfBehind(nowMs);
    while (this.inFlight.size < slots) {
      const retry = this.retries.shift();
      if (retry) {
        this.send(retry);
        continue;
      }
      const waiting = this.lanes.liveWaiting;
      if (waiting > 0) {
        // Only the oldest is read until the batch is due: a full read is 5,000 rows.
        const oldest = waiting >= this.batchLimit ? undefined : this.lanes.peekLive(1)[0];
        const dueInMs = oldest ? this.dueAtMs(oldest.receivedAtMs) - nowMs : 0;
        if (dueInMs <= 0) {
          const live = this.lanes.peekLive(this.batchLimit);
          if (live.length > 0) {
            this.limiter.take(live.length);
            this.send(this.takeBatch('live', live));
            continue;
          }
        } else {
          waitMs = Math.min(waitMs, dueInMs);
        }
      }
      // The backlog never takes the last slot: it stays free for live data.
      if (this.inFlight.size >= Math.max(1, slots - 1)) break;
      const backlog = this.lanes.peekBacklog(this.batchLimit);
      if (backlog.length === 0) break;
      const throttleMs = this.limiter.delayFor(backlog.length);
      if (throttleMs > 0) {
        waitMs = Math.min(waitMs, throttleMs);
        break;
      }
      this.limiter.take(backlog.length);
      this.send(this.takeBatch('backlog', backlog));
    }
    this.idle = this.lanes.liveWaiting === 0;
    return Math.max(1, waitMs);
  }

  /**
   * When a live batch that is not full, whose oldest message arrived at `oldestAtMs`, goes out.
   * Adaptive: at once while no live batch is on its way (a reading on an idle link reaches the
   * cloud one round trip after its PUBACK), but not sooner than ADAPTIVE_MIN_GAP_MS after the
   * last one left; while one is on its way, what arrives gathers until it returns (its settle
   * wakes the loop), the batch fills, or the oldest waited `batchMaxWaitMs`. Under load batches
   * grow by themselves; full ones still go out `concurrency` at a time, so peak throughput is the
   * fixed linger's.
   */
  private dueAtMs(oldestAtMs: number): number {
    const latest = oldestAtMs + this.options.batchMaxWaitMs;
    if (this.options.linger === 'fixed' || this.liveInFlight > 0) return latest;
    return Math.min(latest, Math.max(oldestAtMs, this.lastLiveSentAtMs + ADAPTIVE_MIN_GAP_MS));
  }

  /** The start of `rows` that fits one request, taken from its lane. */
  private takeBatch(lane: LaneName, rows: BufferedMessage[]): Batch {
    let bytes = ENVELOPE_BYTES;
    let count = rows.length;
    for (let i = 0; i < rows.length; i += 1) {
      bytes += Buffer.byteLength(rows[i]!.body) + 1;
      if (bytes > MAX_BATCH_BYTES) {
        count = Math.max(1, i);
        break;
      }
    }
    const batch = { lane, rows: rows.slice(0, count) };
    this.lanes.take(lane, batch.rows);
    return batch;
  }

  private send(batch: Batch): void {
    if (batch.lane === 'live') {
      this.liveInFlight += 1;
      this.lastLiveSentAtMs = Date.now();
    }
    const request = this.post(batch)
      .then((outcome) => this.settle(batch, outcome))
      .catch((error: Error) => {
        // Its messages left the lanes when it was cut: only a retry sends them again (they stay in the buffer meanwhile).
        this.options.log.error({ err: error.message }, 'forwarding a batch failed unexpectedly; it stays in the buffer and is sent again');
        if (this.running) this.retryLater(batch, { status: undefined, detail: error.message });
      })
      .finally(() => {
        if (batch.lane === 'live') this.liveInFlight -= 1;
        this.inFlight.delete(request);
        this.wake();
      });
    this.inFlight.add(request);
  }

  private post(batch: Batch): Promise<SendOutcome> {
    const { first, last } = bounds(batch);
    const body = Buffer.from(`{"batchId":"b-${first}-${last}","messages":[${batch.rows.map((row) => row.body).join(',')}]}`);
    return sendBatch({
      ingestUrl: this.options.ingestUrl,
      key: this.options.key,
      body,
      timeoutMs: this.options.requestTimeoutMs ?? 15_000,
      signal: this.aborts.signal,
    });
  }

  private settle(batch: Batch, outcome: SendOutcome): void {
    const { buffer, log } = this.options;
    const { first, last } = bounds(batch);
    if (!this.running) return;
    switch (outcome.kind) {
      case 'acknowledged': {
        const refusals = refusalsOf(batch, outcome.result.rejected);
        buffer.remove(first, last, refusals);
        this.failures = 0;
        this.batchLimit = Math.min(this.options.batchMaxMessages, this.batchLimit * 2);
        this.lastSuccessAt = new Date();
        ingestorMetrics.forwardSucceeded(this.lastSuccessAt);
        ingestorMetrics.forwarded.inc({ lane: batch.lane }, batch.rows.length - refusals.length);
        if (refusals.length > 0) {
          for (const refusal of refusals) ingestorMetrics.quarantined.inc({ code: refusal.code });
          log.warn(
            { batch: `b-${first}-${last}`, quarantined: refusals.length, first: refusals[0] },
            'the cloud refused some messages of a batch for good: moved to the quarantine (farmiq ingestor quarantine list)',
          );
        }
        return;
      }
      case 'refused': {
        const code = outcome.code ?? `HTTP_${outcome.status}`;
        const refusals = batch.rows.map((row) => ({ seq: row.seq, code, reason: `${code}: the cloud refused the whole batch (HTTP ${outcome.status})` }));
        buffer.remove(first, last, refusals);
        this.failures = 0;
        ingestorMetrics.quarantined.inc({ code: BATCH_REFUSAL_CODES.has(code) ? code : 'UNKNOWN' }, refusals.length);
        log.error(
          { batch: `b-${first}-${last}`, status: outcome.status, code: outcome.code, messages: batch.rows.length },
          'the cloud refused a whole batch: its messages moved to the quarantine (farmiq ingestor quarantine list)',
        );
        return;
      }
      case 'too_large': {
        const half = Math.max(1, Math.floor(batch.rows.length / 2));
        this.batchLimit = Math.max(1, Math.min(this.batchLimit, half));
        this.requeue({ lane: batch.lane, rows: batch.rows.slice(0, half) }, { lane: batch.lane, rows: batch.rows.slice(half) });
        log.warn({ batchMaxMessages: this.batchLimit }, 'batch too large for the ingest endpoint: sending fewer messages at a time');
        return;
      }
      case 'retry':
        this.retryLater(batch, outcome);
        return;
    }
  }

  /** `batch` goes out again, before anything newer, after a backoff that grows with each failure in a row. */
  private retryLater(batch: Batch, failure: { status: number | undefined; detail: string }): void {
    const { buffer, log } = this.options;
    ingestorMetrics.forwardFailures.inc({ kind: failure.status === undefined ? 'unreachable' : String(failure.status) });
    const pauseMs = backoffMs(this.failures, this.options.retryBaseMs ?? 250, this.options.retryMaxMs);
    if (this.failures === 0 || this.failures % 10 === 0) {
      const logAt = failure.status === 401 || failure.status === 403 ? 'error' : 'warn';
      log[logAt](
        { status: failure.status, detail: failure.detail, attempt: this.failures, retryInMs: pauseMs, buffered: buffer.depthMessages },
        'forwarding failed; retrying (nothing leaves the buffer until the cloud acknowledged it)',
      );
    }
    this.failures += 1;
    this.pausedUntilMs = Math.max(this.pausedUntilMs, Date.now() + pauseMs);
    this.requeue(batch);
  }

  /** Failed batches go back in front of everything new, oldest first. */
  private requeue(...batches: Batch[]): void {
    this.retries = [...this.retries, ...batches.filter((batch) => batch.rows.length > 0)].sort((a, b) => a.rows[0]!.seq - b.rows[0]!.seq);
  }
}

/** One refusal per refused message of `batch` (the cloud names a message once per bad reading). */
function refusalsOf(batch: Batch, rejected: IngestResult['rejected']): Refusal[] {
  const byIndex = new Map<number, Refusal>();
  for (const entry of rejected) {
    const row = Number.isInteger(entry.index) ? batch.rows[entry.index] : undefined;
    if (!row) continue;
    const known = byIndex.get(entry.index);
    if (known) known.reason = `${known.reason}; ${entry.reason}`.slice(0, 2_000);
    else byIndex.set(entry.index, { seq: row.seq, code: rejectionCode(entry), reason: String(entry.reason).slice(0, 1_000) });
  }
  return [...byIndex.values()];
}

function bounds(batch: Batch): { first: number; last: number } {
  return { first: batch.rows[0]!.seq, last: batch.rows[batch.rows.length - 1]!.seq };
}
