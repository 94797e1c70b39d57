import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { QUARANTINE_TABLE_SQL } from './quarantine';
import { RecentMessages } from './recentMessages';

/**
 * The ingestor's durable buffer: an append-only queue of forwarded-to-be messages in SQLite.
 *
 * Why SQLite (better-sqlite3) rather than a home-made log file: it already is the checksummed,
 * crash-safe append log the issue asks for. In WAL mode every commit appends frames to the
 * `-wal` file, each frame carrying a running checksum over the frame and all before it; on
 * open SQLite replays frames only up to the last valid *commit* frame. So a transaction torn by
 * a kill -9 or a power cut (half-written frames, garbage at the tail) is rolled back as a whole
 * and every earlier commit survives: "checksum + discard the torn tail" with 20 years of
 * testing behind it. `synchronous=FULL` fsyncs the WAL on every commit, so a message whose
 * PUBACK went out after `append` returned survives an operating-system crash too (NORMAL would
 * survive kill -9 but not a power cut). Many messages share one commit (group commit), which
 * keeps the fsync cost per message in microseconds.
 *
 * Size cap policy: when an append would leave more than `maxMessages` messages or `maxBytes`
 * payload bytes, the OLDEST messages are deleted in the same transaction and counted as
 * dropped. Old readings are the least valuable to a farm when the cloud has been unreachable
 * for days; live readings drive alarms. The cap counts payload bytes, not the file's size
 * (SQLite reuses freed pages, so the file settles near the cap plus page overhead).
 *
 * Full disk: deleting rows needs free space too (the WAL grows before it shrinks), so a buffer
 * that filled the disk to the last byte could never make room again. Appends therefore stop
 * while the file system has less than a reserve free (5% of it, between 64 KiB and 64 MiB):
 * the caller holds the PUBACKs (backpressure on the broker) and the forwarder can still delete.
 * A real SQLITE_FULL on the way is handled the same way; SQLite rolls the transaction back.
 */
export interface DiskBufferOptions {
  /** The SQLite file; its folder is created. */
  file: string;
  maxMessages: number;
  maxBytes: number;
  /** A ceiling on the file in 4 KiB pages, on top of the disk's own (tests simulate a full disk). */
  maxPageCount?: number;
}

/** One buffered message: `seq` orders them (oldest first), `body` is the batch message JSON. */
export interface BufferedMessage {
  seq: number;
  body: string;
  receivedAtMs: number;
}

/** A buffered message the cloud refused for good: it moves to the quarantine with the cloud's reason. */
export interface Refusal {
  seq: number;
  code: string;
  reason: string;
}

export interface AppendResult {
  /** Oldest messages deleted to stay under the cap. */
  dropped: number;
}

/** The disk (or the file system's quota) is full: nothing of this append was written. */
export class BufferFullError extends Error {
  constructor(cause: Error) {
    super(`the disk buffer cannot grow (${cause.message}): acknowledgements are held until space frees up`);
    this.name = 'BufferFullError';
  }
}

/** Rows a multi-row INSERT of an append writes at most, a power of two (3 parameters each, far below SQLite's 32,766). */
const INSERT_ROWS = 128;

const FULL_CODES = new Set(['SQLITE_FULL', 'SQLITE_IOERR_WRITE', 'SQLITE_IOERR_FSYNC', 'SQLITE_IOERR_SHMSIZE', 'SQLITE_IOERR_TRUNCATE']);

export class DiskBuffer {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement<[string, number, number]>;
  private readonly dropOldest: Database.Statement<[number], { bytes: number }>;
  private readonly selectOldest: Database.Statement<[number], { seq: number; body: string; receivedAtMs: number }>;
  private readonly selectFrom: Database.Statement<[number], { seq: number; receivedAtMs: number }>;
  private readonly selectRange: Database.Statement<[number, number, number], { seq: number; body: string; receivedAtMs: number }>;
  private readonly measureRange: Database.Statement<[number, number], { messages: number; bytes: number }>;
  private readonly deleteRange: Database.Statement<[number, number]>;
  private readonly removeRange: (firstSeq: number, lastSeq: number, refusals: Refusal[], nowMs: number) => { messages: number; bytes: number };
  private readonly readmit: (nowMs: number) => number;
  private readonly expire: Database.Statement<[number]>;
  private readonly countQuarantine: Database.Statement<[], { messages: number }>;
  private readonly appendAll: (bodies: Array<{ body: string; receivedAtMs: number }>) => { dropped: number; added: BufferedMessage[] };
  /** The newest messages as committed: the forwarder reads them from here, not back from SQLite. */
  private readonly recent: RecentMessages;
  private readonly reserveBytes: number;
  private messages = 0;
  private bytes = 0;
  private oldestAtMs: number | undefined;
  private lastSeq: number;

  constructor(private readonly options: DiskBufferOptions) {
    fs.mkdirSync(path.dirname(options.file), { recursive: true });
    const disk = fs.statfsSync(path.dirname(options.file));
    this.reserveBytes = Math.min(64 * 2 ** 20, Math.max(64 * 2 ** 10, Math.floor(disk.blocks * disk.bsize * 0.05)));
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    // The log is copied into the database every `wal_autocheckpoint` pages (1000 = 4 MiB by
    // default); on a small disk both together must fit, so the log stays within the reserve.
    this.db.pragma(`wal_autocheckpoint = ${Math.max(16, Math.min(1000, Math.floor(this.reserveBytes / 4096 / 2)))}`);
    this.db.pragma(`journal_size_limit = ${this.reserveBytes}`);
    if (options.maxPageCount) this.db.pragma(`max_page_count = ${Math.floor(options.maxPageCount)}`);
    this.db.exec(`CREATE TABLE IF NOT EXISTS message (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      body TEXT NOT NULL,
      bytes INTEGER NOT NULL,
      received_at_ms INTEGER NOT NULL
    )`);
    this.insert = this.db.prepare('INSERT INTO message (body, bytes, received_at_ms) VALUES (?, ?, ?)');
    this.dropOldest = this.db.prepare('DELETE FROM message WHERE seq IN (SELECT seq FROM message ORDER BY seq LIMIT ?) RETURNING bytes');
    this.selectOldest = this.db.prepare('SELECT seq, body, received_at_ms AS receivedAtMs FROM message ORDER BY seq LIMIT ?');
    this.selectFrom = this.db.prepare('SELECT seq, received_at_ms AS receivedAtMs FROM message WHERE seq >= ? ORDER BY seq LIMIT 1');
    this.selectRange = this.db.prepare('SELECT seq, body, received_at_ms AS receivedAtMs FROM message WHERE seq > ? AND seq < ? ORDER BY seq LIMIT ?');
    this.measureRange = this.db.prepare('SELECT count(*) AS messages, coalesce(sum(bytes), 0) AS bytes FROM message WHERE seq BETWEEN ? AND ?');
    this.deleteRange = this.db.prepare('DELETE FROM message WHERE seq BETWEEN ? AND ?');
    this.db.exec(QUARANTINE_TABLE_SQL);
    const toQuarantine = this.db.prepare<[number, string, string, number]>(
      'INSERT INTO quarantine (body, bytes, received_at_ms, quarantined_at_ms, code, reason) SELECT body, bytes, received_at_ms, ?, ?, ? FROM message WHERE seq = ?',
    );
    // Counted, then deleted, in one transaction (RETURNING would hand every row to JavaScript);
    // refused messages are copied to the quarantine in the same transaction, so none is lost between.
    this.removeRange = this.db.transaction((firstSeq: number, lastSeq: number, refusals: Refusal[], nowMs: number) => {
      for (const refusal of refusals) toQuarantine.run(nowMs, refusal.code, refusal.reason, refusal.seq);
      const removed = this.measureRange.get(firstSeq, lastSeq)!;
      this.deleteRange.run(firstSeq, lastSeq);
      return removed;
    });
    const replayRequested = this.db.prepare<[], { id: number; body: string }>(
      'SELECT id, body FROM quarantine WHERE replay_requested_at_ms IS NOT NULL ORDER BY id',
    );
    const deleteQuarantined = this.db.prepare<[number]>('DELETE FROM quarantine WHERE id = ?');
    // A replayed message joins the queue as a new arrival (received now, for the lanes' order); its body keeps when the device sent it.
    this.readmit = this.db.transaction((nowMs: number) => {
      const rows = replayRequested.all();
      for (const row of rows) {
        const bytes = Buffer.byteLength(row.body);
        this.lastSeq = Number(this.insert.run(row.body, bytes, nowMs).lastInsertRowid);
        this.messages += 1;
        this.bytes += bytes;
        deleteQuarantined.run(row.id);
      }
      return rows.length;
    });
    this.expire = this.db.prepare('DELETE FROM quarantine WHERE quarantined_at_ms < ?');
    this.countQuarantine = this.db.prepare('SELECT count(*) AS messages FROM quarantine');
    // Many rows a statement (INSERT_ROWS, then halves for the rest: a few prepared statements in
    // all): one call into SQLite for many messages, not a call and a result object each.
    const inserts = new Map<number, Database.Statement<Array<string | number>>>();
    const insertOf = (rows: number) => {
      let statement = inserts.get(rows);
      if (!statement) {
        statement = this.db.prepare(`INSERT INTO message (body, bytes, received_at_ms) VALUES ${Array(rows).fill('(?, ?, ?)').join(', ')}`);
        inserts.set(rows, statement);
      }
      return statement;
    };
    this.appendAll = this.db.transaction((bodies: Array<{ body: string; receivedAtMs: number }>) => {
      const added: BufferedMessage[] = [];
      for (let start = 0; start < bodies.length;) {
        let rows = INSERT_ROWS;
        while (rows > bodies.length - start) rows /= 2;
        const end = start + rows;
        const values: Array<string | number> = [];
        for (let i = start; i < end; i += 1) {
          const { body, receivedAtMs } = bodies[i]!;
          const bytes = Buffer.byteLength(body);
          values.push(body, bytes, receivedAtMs);
          this.bytes += bytes;
        }
        // Rows of one statement take consecutive numbers; the last row's is the newest.
        this.lastSeq = Number(insertOf(rows).run(...values).lastInsertRowid);
        for (let i = start; i < end; i += 1) added.push({ seq: this.lastSeq - (end - 1 - i), body: bodies[i]!.body, receivedAtMs: bodies[i]!.receivedAtMs });
        this.messages += rows;
        start = end;
      }
      return { dropped: this.enforceCap(), added };
    });
    const totals = this.db.prepare('SELECT count(*) AS messages, coalesce(sum(bytes), 0) AS bytes, min(received_at_ms) AS oldest FROM message').get() as {
      messages: number;
      bytes: number;
      oldest: number | null;
    };
    this.messages = totals.messages;
    this.bytes = totals.bytes;
    this.oldestAtMs = totals.oldest ?? undefined;
    // AUTOINCREMENT never reuses a number, not even after the newest row was deleted.
    const sequence = this.db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'message'").get() as { seq: number } | undefined;
    this.lastSeq = sequence?.seq ?? 0;
    // After a start every buffered message is read from disk; those appended from now on are held.
    this.recent = new RecentMessages(this.lastSeq);
  }

  /** The highest sequence number ever appended (0 before the first): every later append is above it. */
  get newestSeq(): number {
    return this.lastSeq;
  }

  /** Messages in the buffer. */
  get depthMessages(): number {
    return this.messages;
  }

  /** Payload bytes in the buffer. */
  get depthBytes(): number {
    return this.bytes;
  }

  /** When the oldest buffered message was received (epoch ms), or undefined when empty. */
  get oldestReceivedAtMs(): number | undefined {
    return this.oldestAtMs;
  }

  /**
   * Appends `bodies` in one transaction, durable when this returns (fsynced). Throws
   * BufferFullError when the disk is full; then nothing of this call was written.
   */
  append(bodies: Array<{ body: string; receivedAtMs: number }>): AppendResult {
    if (bodies.length === 0) return { dropped: 0 };
    const before = { messages: this.messages, bytes: this.bytes, lastSeq: this.lastSeq };
    const free = this.freeBytes();
    if (free !== undefined && free < this.reserveBytes) {
      throw new BufferFullError(new Error(`${free} bytes free on the buffer's file system, below the ${this.reserveBytes} byte reserve`));
    }
    try {
      const { dropped, added } = this.appendAll(bodies);
      // Committed. The cap's drops deleted the oldest rows, maybe held ones: hold only what comes next.
      if (dropped > 0) this.recent.startAfresh(this.lastSeq);
      else this.recent.committed(added);
      if (this.oldestAtMs === undefined || dropped > 0) this.refreshOldest();
      return { dropped };
    } catch (error) {
      // The transaction rolled back: so do the counters.
      this.messages = before.messages;
      this.bytes = before.bytes;
      this.lastSeq = before.lastSeq;
      const code = (error as { code?: string }).code;
      if (code && FULL_CODES.has(code)) throw new BufferFullError(error as Error);
      throw error;
    }
  }

  /** Up to `limit` of the oldest messages, oldest first, without removing them. */
  oldest(limit: number): BufferedMessage[] {
    return this.selectOldest.all(limit);
  }

  /**
   * The first sequence number above `afterSeq` whose message was received after `sinceMs`
   * (`newestSeq + 1` when none was). Messages are appended in the order they arrive, so a
   * binary search over sequence numbers finds it in a few dozen index probes.
   */
  firstSeqReceivedAfter(afterSeq: number, sinceMs: number): number {
    let low = afterSeq + 1;
    let high = this.lastSeq + 1;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      const row = this.selectFrom.get(middle);
      if (row === undefined) high = middle;
      else if (row.receivedAtMs > sinceMs) high = Math.min(middle, row.seq);
      else low = row.seq + 1;
    }
    return low;
  }

  /** Up to `limit` messages with `afterSeq < seq < beforeSeq`, oldest first, without removing them. */
  between(afterSeq: number, beforeSeq: number, limit: number): BufferedMessage[] {
    if (this.recent.covers(afterSeq)) return this.recent.between(afterSeq, beforeSeq, limit);
    return this.selectRange.all(afterSeq, beforeSeq, limit);
  }

  /**
   * Removes the messages with `firstSeq <= seq <= lastSeq` (the cloud acknowledged them), moving
   * those among them the cloud refused for good to the quarantine, in one transaction.
   */
  remove(firstSeq: number, lastSeq: number, refusals: Refusal[] = [], nowMs = Date.now()): number {
    let removed: { messages: number; bytes: number };
    try {
      removed = this.removeRange(firstSeq, lastSeq, refusals, nowMs);
    } catch (error) {
      if (!FULL_CODES.has((error as { code?: string }).code ?? '')) throw error;
      // Copy the log into the database and restart it from its beginning, then try once more.
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      removed = this.removeRange(firstSeq, lastSeq, refusals, nowMs);
    }
    this.bytes -= removed.bytes;
    this.messages -= removed.messages;
    this.recent.removed(firstSeq, lastSeq);
    this.refreshOldest();
    return removed.messages;
  }

  /** Messages waiting in the quarantine (counted in SQL: an operator's command may have purged some). */
  get quarantinedMessages(): number {
    return this.countQuarantine.get()!.messages;
  }

  /**
   * Moves the quarantined messages an operator marked for replay (`farmiq ingestor quarantine
   * replay`, another process) back into the queue, received at `nowMs`; returns how many.
   */
  readmitReplays(nowMs = Date.now()): number {
    const before = { messages: this.messages, bytes: this.bytes, lastSeq: this.lastSeq };
    try {
      const readmitted = this.readmit(nowMs);
      // Readmitted rows are not held: what comes after them is (reads of them go to disk).
      if (readmitted > 0) this.recent.startAfresh(this.lastSeq);
      if (readmitted > 0 && this.oldestAtMs === undefined) this.refreshOldest();
      return readmitted;
    } catch (error) {
      this.messages = before.messages;
      this.bytes = before.bytes;
      this.lastSeq = before.lastSeq;
      throw error;
    }
  }

  /** Deletes quarantined messages quarantined before `beforeMs` (the retention limit); returns how many. */
  expireQuarantine(beforeMs: number): number {
    return this.expire.run(beforeMs).changes;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private enforceCap(): number {
    let dropped = 0;
    while (this.messages > this.options.maxMessages || (this.bytes > this.options.maxBytes && this.messages > 0)) {
      // Over the message cap: drop exactly the excess; over the byte cap: drop in small steps.
      const excess = this.messages > this.options.maxMessages ? this.messages - this.options.maxMessages : Math.max(1, Math.ceil(this.messages / 100));
      const rows = this.dropOldest.all(excess);
      for (const row of rows) this.bytes -= row.bytes;
      this.messages -= rows.length;
      dropped += rows.length;
    }
    return dropped;
  }

  private freeBytes(): number | undefined {
    try {
      const disk = fs.statfsSync(path.dirname(this.options.file));
      // Pages freed by the forwarder's deletes stay in the file and are reused before it grows.
      const reusable = (this.db.pragma('freelist_count', { simple: true }) as number) * (this.db.pragma('page_size', { simple: true }) as number);
      return disk.bavail * disk.bsize + reusable;
    } catch {
      return undefined;
    }
  }

  private refreshOldest(): void {
    const row = this.selectOldest.get(1);
    this.oldestAtMs = row?.receivedAtMs;
  }
}
