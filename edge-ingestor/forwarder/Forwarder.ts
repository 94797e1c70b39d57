import { MAX_BATCH_BYTES } from '../../lib/edge/signedBatch';
import type { Logger } from '../../lib/logger';
import type { BufferedMessage, DiskBuffer } from '../buffer/DiskBuffer';
import { ingestorMetrics } from '../ingestorMetrics';
import { backoffMs, messageRateLimiter } from './backoff';
import { sendBatch } from './sendBatch';

export interface ForwarderOptions {
  buffer: DiskBuffer;
  ingestUrl: string;
  key: { keyId: string; secret: string };
  log: Logger;
  /** A batch goes out when it has this many messages... */
  batchMaxMessages: number;
  /** ...or when its oldest message waited this long. */
  batchMaxWaitMs: number;
  /** 0: no limit. */
  maxMessagesPerSecond: number;
  retryBaseMs?: number;
  retryMaxMs: number;
  requestTimeoutMs?: number;
}

/** Room for `{"batchId":"…","messages":[…]}` around the messages. */
const ENVELOPE_BYTES = 200;

/**
 * Sends the buffer to the cloud, oldest first, one batch at a time: a batch leaves the buffer
 * only when the cloud acknowledged it (200 with an IngestResult). Failures are retried with
 * exponential backoff and full jitter, the same batch again, so order holds through outages and
 * restarts. A message rate limit keeps a backlog drain from flooding the ingest endpoint that
 * every other farm's live data goes through.
 */
export class Forwarder {
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private sleepTimer: NodeJS.Timeout | undefined;
  private batchLimit: number;
  /** Sleeping on purpose (backoff, rate limit): new messages do not cut the pause short. */
  private pausing = false;
  private readonly limiter;
  /** When the cloud last acknowledged a batch. */
  lastSuccessAt: Date | undefined;

  constructor(private readonly options: ForwarderOptions) {
    this.batchLimit = options.batchMaxMessages;
    this.limiter = messageRateLimiter(options.maxMessagesPerSecond);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run().catch((error: Error) => this.options.log.error({ err: error.message }, 'forwarder stopped on an unexpected error'));
  }

  /** New messages are in the buffer: a full batch may be ready. */
  notify(): void {
    if (!this.pausing && this.options.buffer.depthMessages >= this.batchLimit) this.wake();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
  }

  private wake(): void {
    const wakeUp = this.wakeUp;
    this.wakeUp = undefined;
    clearTimeout(this.sleepTimer);
    wakeUp?.();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wakeUp = resolve;
      this.sleepTimer = setTimeout(() => this.wake(), ms);
    });
  }

  private async pause(ms: number): Promise<void> {
    this.pausing = true;
    try {
      await this.sleep(ms);
    } finally {
      this.pausing = false;
    }
  }

  private async run(): Promise<void> {
    const { buffer, log } = this.options;
    let attempt = 0;
    while (this.running) {
      const rows = this.nextBatch();
      if (rows.length === 0) {
        await this.sleep(this.options.batchMaxWaitMs);
        continue;
      }
      const waitedMs = Date.now() - rows[0]!.receivedAtMs;
      if (rows.length < this.batchLimit && waitedMs < this.options.batchMaxWaitMs && attempt === 0) {
        await this.sleep(this.options.batchMaxWaitMs - waitedMs);
        continue;
      }
      const throttleMs = attempt === 0 ? this.limiter.take(rows.length) : 0;
      if (throttleMs > 0) await this.pause(throttleMs);
      if (!this.running) break;
      const first = rows[0]!.seq;
      const last = rows[rows.length - 1]!.seq;
      const body = Buffer.from(`{"batchId":"b-${first}-${last}","messages":[${rows.map((row) => row.body).join(',')}]}`);
      const outcome = await sendBatch({ ingestUrl: this.options.ingestUrl, key: this.options.key, body, timeoutMs: this.options.requestTimeoutMs ?? 15_000 });
      switch (outcome.kind) {
        case 'acknowledged': {
          buffer.remove(first, last);
          attempt = 0;
          this.batchLimit = Math.min(this.options.batchMaxMessages, this.batchLimit * 2);
          this.lastSuccessAt = new Date();
          ingestorMetrics.forwardSucceeded(this.lastSuccessAt);
          ingestorMetrics.forwarded.inc(rows.length);
          const { rejected } = outcome.result;
          if (rejected.length > 0) {
            ingestorMetrics.dropped.inc({ reason: 'refused_by_cloud' }, rejected.length);
            log.warn({ batch: `b-${first}-${last}`, rejected: rejected.length, first: rejected[0] }, 'the cloud refused some messages of a batch; they are not resent');
          }
          break;
        }
        case 'refused':
          buffer.remove(first, last);
          attempt = 0;
          ingestorMetrics.dropped.inc({ reason: 'refused_by_cloud' }, rows.length);
          log.error({ batch: `b-${first}-${last}`, status: outcome.status, code: outcome.code, messages: rows.length }, 'the cloud refused a whole batch; dropped');
          break;
        case 'too_large':
          this.batchLimit = Math.max(1, Math.floor(rows.length / 2));
          log.warn({ batchMaxMessages: this.batchLimit }, 'batch too large for the ingest endpoint: sending fewer messages at a time');
          break;
        case 'retry': {
          ingestorMetrics.forwardFailures.inc({ kind: outcome.status === undefined ? 'unreachable' : String(outcome.status) });
          const pauseMs = backoffMs(attempt, this.options.retryBaseMs ?? 250, this.options.retryMaxMs);
          const logAt = outcome.status === 401 || outcome.status === 403 ? 'error' : 'warn';
          if (attempt === 0 || attempt % 10 === 0) {
            log[logAt]({ status: outcome.status, detail: outcome.detail, attempt, retryInMs: pauseMs, buffered: buffer.depthMessages }, 'forwarding failed; retrying (nothing leaves the buffer until the cloud acknowledged it)');
          }
          attempt += 1;
          await this.pause(pauseMs);
          break;
        }
      }
    }
  }

  /** The oldest messages, at most `batchLimit` and MAX_BATCH_BYTES. */
  private nextBatch(): BufferedMessage[] {
    const rows = this.options.buffer.oldest(this.batchLimit);
    let bytes = ENVELOPE_BYTES;
    for (let i = 0; i < rows.length; i += 1) {
      bytes += Buffer.byteLength(rows[i]!.body) + 1;
      if (bytes > MAX_BATCH_BYTES) return rows.slice(0, Math.max(1, i));
    }
    return rows;
  }
}
