import type { Logger } from '../../lib/logger';
import { BufferFullError, type DiskBuffer } from './DiskBuffer';

/** Messages that will share one commit, and the one promise their callers wait on. */
interface Group {
  entries: Array<{ body: string; receivedAtMs: number }>;
  durable: Promise<void>;
  resolve(): void;
  reject(error: Error): void;
}

function newGroup(): Group {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const durable = new Promise<void>((resolveGroup, rejectGroup) => {
    resolve = resolveGroup;
    reject = rejectGroup;
  });
  // A group nobody waits on must not become an unhandled rejection.
  durable.catch(() => undefined);
  return { entries: [], durable, resolve, reject };
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
  private pending: Group = newGroup();
  private scheduled = false;
  private full = false;
  private closed = false;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: GroupCommitWriterOptions) {}

  /** Messages waiting for their commit. */
  get waiting(): number {
    return this.pending.entries.length;
  }

  /** Resolves once `body` is durable in the buffer (one promise for the whole group). */
  write(body: string, receivedAtMs: number): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the buffer is closed'));
    this.pending.entries.push({ body, receivedAtMs });
    if (!this.scheduled && !this.full) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
    return this.pending.durable;
  }

  /** Fails what is still waiting (it was never acknowledged, so the broker sends it again). */
  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
    if (this.pending.entries.length > 0) this.pending.reject(new Error('the buffer closed before these messages were written'));
    this.pending = newGroup();
  }

  private flush(): void {
    this.scheduled = false;
    if (this.closed || this.pending.entries.length === 0) return;
    const group = this.pending;
    try {
      const { dropped } = this.options.buffer.append(group.entries);
      this.pending = newGroup();
      if (this.full) this.options.log.info({ written: group.entries.length }, 'disk buffer writable again: acknowledging messages');
      this.full = false;
      this.options.onCommit(group.entries.length, dropped);
      group.resolve();
    } catch (error) {
      if (error instanceof BufferFullError) {
        // The group stays pending (what arrives meanwhile joins it) until the disk has room.
        if (!this.full)
          this.options.log.error(
            { err: error.message, waiting: group.entries.length },
            'disk buffer full: holding PUBACKs (the broker keeps the messages) until space frees up',
          );
        this.full = true;
        this.retryTimer = setTimeout(() => this.flush(), this.options.fullRetryMs ?? 1_000);
        return;
      }
      this.pending = newGroup();
      this.options.log.error({ err: (error as Error).message }, 'disk buffer write failed');
      group.reject(error as Error);
    }
  }
}
