import type { BufferedMessage, DiskBuffer } from '../buffer/DiskBuffer';

export type LaneName = 'live' | 'backlog';

/**
 * Splits the buffer into two lanes so that draining a backlog never holds back live readings
 * (a farm's heat-stress alarm must not wait behind a week of buffered history):
 *
 * - the **live** lane: messages above `liveAfterSeq`, sent oldest first as they arrive;
 * - the **backlog** lane: messages in `(backlogAfterSeq, backlogBeforeSeq)`, oldest first,
 *   with whatever capacity the live lane leaves.
 *
 * A backlog opens when the ingestor starts with a non-empty buffer (everything from before the
 * restart) or when the live lane falls behind by more than `liveLagMs` (the cloud was
 * unreachable): what waited longer than that becomes the backlog and the live lane keeps the
 * recent messages. The two ranges never overlap, and each lane reads a contiguous range of sequence
 * numbers, so a batch is always one `[first, last]` range of the buffer.
 */
export class ForwardLanes {
  private liveAfterSeq: number;
  private backlogAfterSeq = 0;
  private backlogBeforeSeq = 0;

  constructor(
    private readonly buffer: DiskBuffer,
    private readonly liveLagMs: number,
  ) {
    this.liveAfterSeq = buffer.newestSeq;
    if (buffer.depthMessages > 0) this.backlogBeforeSeq = buffer.newestSeq + 1;
  }

  /** Messages from before may still wait in the backlog lane. */
  get backlogOpen(): boolean {
    return this.backlogAfterSeq + 1 < this.backlogBeforeSeq;
  }

  /** About how many messages wait in the live lane (the cap may have dropped a few). */
  get liveWaiting(): number {
    return this.buffer.newestSeq - this.liveAfterSeq;
  }

  /** The next live messages, oldest first, without taking them. */
  peekLive(limit: number): BufferedMessage[] {
    return this.buffer.between(this.liveAfterSeq, Number.MAX_SAFE_INTEGER, limit);
  }

  /** The next backlog messages, oldest first, without taking them; closes an exhausted backlog. */
  peekBacklog(limit: number): BufferedMessage[] {
    if (!this.backlogOpen) return [];
    const rows = this.buffer.between(this.backlogAfterSeq, this.backlogBeforeSeq, limit);
    if (rows.length === 0) this.backlogAfterSeq = this.backlogBeforeSeq;
    return rows;
  }

  /** `rows` (the start of what `peek*` returned) are on their way: the lane moves past them. */
  take(lane: LaneName, rows: BufferedMessage[]): void {
    const last = rows[rows.length - 1];
    if (!last) return;
    if (lane === 'live') this.liveAfterSeq = last.seq;
    else this.backlogAfterSeq = last.seq;
  }

  /**
   * When the oldest message waiting in the live lane arrived more than `liveLagMs` before
   * `nowMs`, the messages that old become the backlog and the live lane keeps the recent ones.
   * Only one backlog at a time: while one drains, the live lane keeps its place.
   */
  splitIfBehind(nowMs: number): boolean {
    if (this.backlogOpen) return false;
    const oldestLive = this.buffer.between(this.liveAfterSeq, Number.MAX_SAFE_INTEGER, 1)[0];
    if (!oldestLive || nowMs - oldestLive.receivedAtMs <= this.liveLagMs) return false;
    const firstRecent = this.buffer.firstSeqReceivedAfter(this.liveAfterSeq, nowMs - this.liveLagMs);
    this.backlogAfterSeq = this.liveAfterSeq;
    this.backlogBeforeSeq = firstRecent;
    this.liveAfterSeq = firstRecent - 1;
    return true;
  }
}
