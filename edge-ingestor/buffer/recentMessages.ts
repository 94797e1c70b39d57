import type { BufferedMessage } from './DiskBuffer';

/** What the recent messages may hold: past either bound the oldest are let go (then read from disk). */
export const RECENT_MAX_MESSAGES = 20_000;
export const RECENT_MAX_BYTES = 8 * 2 ** 20;
/** A held message's heap besides its body: the object, its seq and time (the body string is the writer's, shared). */
const MESSAGE_OVERHEAD_BYTES = 64;

/**
 * The newest messages of the disk buffer, kept in memory as they were committed, so that the
 * forwarder sends what it just wrote without reading it back from SQLite. The disk stays the
 * truth: this holds exactly the table's messages with `seq >= fromSeq` (none after a start, a
 * cap's drop or a readmission, which make it start afresh above the newest), so a read that
 * begins below `fromSeq` goes to SQLite, and one from `fromSeq` on gets the same rows here.
 */
export class RecentMessages {
  private messages: BufferedMessage[] = [];
  /** Index of the oldest held message in `messages` (let go from the front without copying each time). */
  private head = 0;
  private bytes = 0;
  fromSeq: number;

  constructor(
    newestSeq: number,
    private readonly maxMessages = RECENT_MAX_MESSAGES,
    private readonly maxBytes = RECENT_MAX_BYTES,
  ) {
    this.fromSeq = newestSeq + 1;
  }

  get size(): number {
    return this.messages.length - this.head;
  }

  /** Messages just committed, above every held one; the oldest held go past the bounds. */
  committed(added: readonly BufferedMessage[]): void {
    for (const message of added) {
      this.messages.push(message);
      this.bytes += heldBytes(message);
    }
    while (this.size > 0 && (this.size > this.maxMessages || this.bytes > this.maxBytes)) {
      const oldest = this.messages[this.head]!;
      this.head += 1;
      this.bytes -= heldBytes(oldest);
      this.fromSeq = oldest.seq + 1;
    }
    this.compact();
  }

  /** Holds nothing; only messages committed from now on (above `newestSeq`) are held again. */
  startAfresh(newestSeq: number): void {
    this.messages = [];
    this.head = 0;
    this.bytes = 0;
    this.fromSeq = newestSeq + 1;
  }

  /** The messages with `firstSeq <= seq <= lastSeq` were deleted from the disk. */
  removed(firstSeq: number, lastSeq: number): void {
    const start = this.indexAfter(firstSeq - 1);
    const end = this.indexAfter(lastSeq);
    if (start >= end) return;
    for (let i = start; i < end; i += 1) this.bytes -= heldBytes(this.messages[i]!);
    // The oldest batch acknowledged first is the usual case: the front moves on.
    if (start === this.head) this.head = end;
    else this.messages.splice(start, end - start);
    this.compact();
  }

  /** Whether a read of the messages above `afterSeq` is answered here (all of them are held). */
  covers(afterSeq: number): boolean {
    return afterSeq + 1 >= this.fromSeq;
  }

  /** Up to `limit` held messages with `afterSeq < seq < beforeSeq`, oldest first. */
  between(afterSeq: number, beforeSeq: number, limit: number): BufferedMessage[] {
    const found: BufferedMessage[] = [];
    for (let i = this.indexAfter(afterSeq); i < this.messages.length && found.length < limit; i += 1) {
      const message = this.messages[i]!;
      if (message.seq >= beforeSeq) break;
      found.push(message);
    }
    return found;
  }

  /** The index of the first held message with a seq above `seq` (binary search). */
  private indexAfter(seq: number): number {
    let [low, high] = [this.head, this.messages.length];
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.messages[middle]!.seq <= seq) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private compact(): void {
    if (this.head > 1_024 && this.head * 2 > this.messages.length) {
      this.messages = this.messages.slice(this.head);
      this.head = 0;
    }
  }
}

function heldBytes(message: BufferedMessage): number {
  return message.body.length + MESSAGE_OVERHEAD_BYTES;
}
