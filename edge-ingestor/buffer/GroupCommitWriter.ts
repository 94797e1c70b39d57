import type { Logger } from '../../lib/logger';
import { BufferFullError, type DiskBuffer } from './DiskBuffer';

interface Pending {
  body: string;
  receivedAtMs: number;
  resolve(): void;
  reject(error: Error): void;
}

export interface GroupCommitWriterOptions {
  buffer: DiskBuffer;
  log: Logger;
  /** After each commit: how many messages it made durable and how many old ones the cap dropped. */
  onCommit(committed: number, dropped: number): void;
  /** While the disk is full, how long to wait before trying again. */
  fullRetryMs?: number;
}

/**
 * Makes messages durable in groups: every message written in the same turn of the event loop
 * shares one transaction and one fsync, and each caller's promise resolves when its message is
 * on disk (that is when its PUBACK may go out). When the disk is full the writes are retried
 * until space frees up; the promises stay pending meanwhile, which holds the PUBACKs and so
 * pushes back on the broker.
 */
export class GroupCommitWriter {
  private pending: Pending[] = [];
  private scheduled = false;
  private full = false;
  private closed = false;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: GroupCommitWriterOptions) {}

  /** Messages waiting for their commit. */
  get waiting(): number {
    return this.pending.length;
  }

  /** Resolves once `body` is durable in the buffer. */
  write(body: string, receivedAtMs: number): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the buffer is closed'));
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ body, receivedAtMs, resolve, reject });
      if (!this.scheduled && !this.full) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Fails what is still waiting (it was never acknowledged, so the broker sends it again). */
  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
    const waiting = this.pending;
    this.pending = [];
    for (const entry of waiting) entry.reject(new Error('the buffer closed before this message was written'));
  }

  private flush(): void {
    this.scheduled = false;
    if (this.closed || this.pending.length === 0) return;
    const group = this.pending;
    this.pending = [];
    try {
      const { dropped } = this.options.buffer.append(group);
      if (this.full) this.options.log.info({ written: group.length }, 'disk buffer writable again: acknowledging messages');
      this.full = false;
      this.options.onCommit(group.length, dropped);
      for (const entry of group) entry.resolve();
    } catch (error) {
      if (error instanceof BufferFullError) {
        if (!this.full) this.options.log.error({ err: error.message, waiting: group.length }, 'disk buffer full: holding PUBACKs (the broker keeps the messages) until space frees up');
        this.full = true;
        this.pending = group.concat(this.pending);
        this.retryTimer = setTimeout(() => this.flush(), this.options.fullRetryMs ?? 1_000);
        return;
      }
      this.options.log.error({ err: (error as Error).message }, 'disk buffer write failed');
      for (const entry of group) entry.reject(error as Error);
    }
  }
}
