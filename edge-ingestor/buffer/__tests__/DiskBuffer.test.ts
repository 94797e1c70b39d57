import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BufferFullError, DiskBuffer } from '../DiskBuffer';
import { RecentMessages } from '../recentMessages';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-buffer-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

const message = (n: number, size = 40) => ({ body: JSON.stringify({ n, pad: 'x'.repeat(size) }), receivedAtMs: 1_000 + n });
const numbers = (buffer: DiskBuffer, limit = 1_000_000) => buffer.oldest(limit).map((row) => (JSON.parse(row.body) as { n: number }).n);
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('DiskBuffer', () => {
  it('should give messages back oldest first after a reopen, and forget only what was removed', () => {
    const file = path.join(tempDir(), 'buffer.sqlite');
    const first = new DiskBuffer({ file, maxMessages: 1_000, maxBytes: 1e9 });
    first.append(range(0, 10).map((n) => message(n)));
    const [a, , c] = first.oldest(3);
    expect(first.remove(a!.seq, c!.seq)).toBe(3);
    first.close();
    const reopened = new DiskBuffer({ file, maxMessages: 1_000, maxBytes: 1e9 });
    expect(numbers(reopened)).toEqual(range(3, 10));
    expect(reopened.depthMessages).toBe(7);
    expect(reopened.depthBytes).toBe(range(3, 10).reduce((sum, n) => sum + Buffer.byteLength(message(n).body), 0));
    expect(reopened.oldestReceivedAtMs).toBe(1_003);
    reopened.close();
  });

  it('should read the messages it just committed exactly as the disk holds them, through removals in any order, cap drops, readmissions and reopens', () => {
    const file = path.join(tempDir(), 'buffer.sqlite');
    const options = { file, maxMessages: 600, maxBytes: 1e9 };
    let buffer = new DiskBuffer(options);
    const disk = new Database(file);
    const onDisk = disk.prepare<[number, number, number], { seq: number; body: string; receivedAtMs: number }>(
      'SELECT seq, body, received_at_ms AS receivedAtMs FROM message WHERE seq > ? AND seq < ? ORDER BY seq LIMIT ?',
    );
    const seqs = () => (disk.prepare('SELECT seq FROM message ORDER BY seq').all() as Array<{ seq: number }>).map((row) => row.seq);
    // A fixed pseudo-random sequence (xorshift): the same run every time.
    let state = 2026;
    const random = (below: number) => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) % below;
    };
    let n = 0;
    for (let step = 0; step < 300; step += 1) {
      const action = random(20);
      const present = seqs();
      if (action < 9) {
        buffer.append(range(n, (n += 1 + random(300))).map((k) => message(k, k % 13)));
      } else if (action < 16 && present.length > 0) {
        // A batch acknowledged out of order, sometimes with a refusal that goes to the quarantine.
        const from = random(present.length);
        const to = Math.min(present.length - 1, from + random(400));
        const refusals = random(3) === 0 ? [{ seq: present[from]!, code: 'TEST', reason: 'refused' }] : [];
        buffer.remove(present[from]!, present[to]!, refusals);
      } else if (action < 18) {
        disk.prepare('UPDATE quarantine SET replay_requested_at_ms = 1').run();
        buffer.readmitReplays();
      } else {
        buffer.close();
        buffer = new DiskBuffer(options);
      }
      const after = seqs();
      for (const afterSeq of [0, buffer.newestSeq - 1, after[random(after.length + 1)] ?? 0, random(buffer.newestSeq + 1)]) {
        const [beforeSeq, limit] = [random(2) ? Number.MAX_SAFE_INTEGER : afterSeq + random(600), 1 + random(500)];
        expect(buffer.between(afterSeq, beforeSeq, limit)).toEqual(onDisk.all(afterSeq, beforeSeq, limit));
      }
    }
    disk.close();
    buffer.close();
  });

  it('should hold at most its bounds of recent messages, letting the oldest go to be read from disk', () => {
    const recent = new RecentMessages(0, 100, 1e9);
    recent.committed(range(1, 251).map((seq) => ({ seq, body: 'x', receivedAtMs: seq })));
    expect(recent.size).toBe(100);
    expect(recent.covers(150)).toBe(true);
    expect(recent.covers(149)).toBe(false);
    expect(recent.between(150, Number.MAX_SAFE_INTEGER, 3).map((message) => message.seq)).toEqual([151, 152, 153]);
    const bytes = new RecentMessages(0, 1e9, 10 * (100 + 64));
    bytes.committed(range(1, 21).map((seq) => ({ seq, body: 'y'.repeat(100), receivedAtMs: seq })));
    expect(bytes.size).toBe(10);
    expect(bytes.covers(10)).toBe(true);
    expect(bytes.covers(9)).toBe(false);
  });

  it('should keep every message of a large commit in order, with consecutive sequence numbers and its size counted', () => {
    const buffer = new DiskBuffer({ file: path.join(tempDir(), 'buffer.sqlite'), maxMessages: 10_000, maxBytes: 1e9 });
    // 300 = 128 + 128 + 32 + 8 + 4 rows of the multi-row INSERTs; then one more commit of 1.
    buffer.append(range(0, 300).map((n) => message(n, n % 7)));
    buffer.append([message(300)]);
    const rows = buffer.oldest(1_000);
    expect(rows.map((row) => (JSON.parse(row.body) as { n: number }).n)).toEqual(range(0, 301));
    expect(rows.map((row) => row.seq)).toEqual(range(1, 302));
    expect(rows.map((row) => row.receivedAtMs)).toEqual(range(1_000, 1_301));
    expect(buffer.newestSeq).toBe(301);
    expect(buffer.depthMessages).toBe(301);
    expect(buffer.depthBytes).toBe([...range(0, 300).map((n) => message(n, n % 7)), message(300)].reduce((sum, m) => sum + Buffer.byteLength(m.body), 0));
    buffer.close();
  });

  it('should never hand out a sequence number twice, not even after the newest message was removed and the buffer reopened', () => {
    const file = path.join(tempDir(), 'buffer.sqlite');
    const first = new DiskBuffer({ file, maxMessages: 1_000, maxBytes: 1e9 });
    expect(first.newestSeq).toBe(0);
    first.append(range(0, 5).map((n) => message(n)));
    const newest = first.newestSeq;
    expect(
      first
        .oldest(10)
        .map((row) => row.seq)
        .at(-1),
    ).toBe(newest);
    first.remove(0, newest);
    first.close();
    const reopened = new DiskBuffer({ file, maxMessages: 1_000, maxBytes: 1e9 });
    expect(reopened.newestSeq).toBe(newest);
    reopened.append([message(5)]);
    expect(reopened.oldest(1)[0]!.seq).toBe(newest + 1);
    reopened.close();
  });

  it('should find the first message received after a moment, and read ranges between sequence numbers', () => {
    const buffer = new DiskBuffer({ file: path.join(tempDir(), 'b.sqlite'), maxMessages: 1_000, maxBytes: 1e9 });
    buffer.append(range(0, 100).map((n) => message(n)));
    const seqOf = (n: number) => buffer.oldest(1_000).find((row) => (JSON.parse(row.body) as { n: number }).n === n)!.seq;
    // message(n) was received at 1,000 + n ms.
    expect(buffer.firstSeqReceivedAfter(0, 1_041)).toBe(seqOf(42));
    expect(buffer.firstSeqReceivedAfter(0, 0)).toBe(seqOf(0));
    expect(buffer.firstSeqReceivedAfter(0, 5_000)).toBe(buffer.newestSeq + 1);
    const [a, b] = [buffer.oldest(1_000).find((row) => row.seq === seqOf(10))!, buffer.oldest(1_000).find((row) => row.seq === seqOf(20))!];
    buffer.remove(seqOf(30), seqOf(60));
    expect(buffer.firstSeqReceivedAfter(0, 1_035)).toBeGreaterThan(seqOf(29));
    expect(buffer.firstSeqReceivedAfter(0, 1_035)).toBeLessThanOrEqual(seqOf(61));
    expect(buffer.between(a.seq, b.seq, 100).map((row) => (JSON.parse(row.body) as { n: number }).n)).toEqual(range(11, 20));
    expect(buffer.between(a.seq, b.seq, 3)).toHaveLength(3);
    buffer.close();
  });

  it('should drop the oldest messages when over the message cap, and count them', () => {
    const buffer = new DiskBuffer({ file: path.join(tempDir(), 'b.sqlite'), maxMessages: 100, maxBytes: 1e9 });
    expect(buffer.append(range(0, 80).map((n) => message(n))).dropped).toBe(0);
    expect(buffer.append(range(80, 130).map((n) => message(n))).dropped).toBe(30);
    expect(numbers(buffer)).toEqual(range(30, 130));
    expect(buffer.depthMessages).toBe(100);
    expect(buffer.oldestReceivedAtMs).toBe(1_030);
    buffer.close();
  });

  it('should drop the oldest messages when over the byte cap, and count them', () => {
    const size = Buffer.byteLength(message(0, 100).body);
    const buffer = new DiskBuffer({ file: path.join(tempDir(), 'b.sqlite'), maxMessages: 1e6, maxBytes: size * 50 });
    const { dropped } = buffer.append(range(0, 60).map((n) => message(n, 100)));
    // Bodies of one-digit numbers are a byte shorter: 10 or 11 of the oldest must go.
    expect(dropped).toBeGreaterThanOrEqual(10);
    expect(buffer.depthBytes).toBeLessThanOrEqual(size * 50);
    expect(numbers(buffer)).toEqual(range(dropped, 60));
    buffer.close();
  });

  describe('after a crash', () => {
    /** The buffer's files as a kill -9 leaves them: the WAL not checkpointed into the database. */
    function crashedCopy(transactions: number, perTransaction: number): { dir: string; wal: string } {
      const source = tempDir();
      const buffer = new DiskBuffer({ file: path.join(source, 'buffer.sqlite'), maxMessages: 1e6, maxBytes: 1e9 });
      for (let t = 0; t < transactions; t += 1) buffer.append(range(t * perTransaction, (t + 1) * perTransaction).map((n) => message(n, 300)));
      const copy = tempDir();
      for (const name of fs.readdirSync(source)) fs.copyFileSync(path.join(source, name), path.join(copy, name));
      buffer.close();
      return { dir: copy, wal: path.join(copy, 'buffer.sqlite-wal') };
    }
    const reopen = (dir: string) => new DiskBuffer({ file: path.join(dir, 'buffer.sqlite'), maxMessages: 1e6, maxBytes: 1e9 });

    it('should keep every committed append when nothing was torn', () => {
      const { dir } = crashedCopy(5, 20);
      const buffer = reopen(dir);
      expect(numbers(buffer)).toEqual(range(0, 100));
      buffer.close();
    });

    it('should discard a torn last transaction and keep every one before it', () => {
      const { dir, wal } = crashedCopy(5, 20);
      // Cut the WAL in the middle of the last transaction's frames.
      fs.truncateSync(wal, fs.statSync(wal).size - 3_000);
      const buffer = reopen(dir);
      expect(numbers(buffer)).toEqual(range(0, 80));
      expect(buffer.depthMessages).toBe(80);
      buffer.close();
    });

    it('should discard garbage written over the tail of the log and keep every earlier transaction', () => {
      const { dir, wal } = crashedCopy(5, 20);
      const size = fs.statSync(wal).size;
      const fd = fs.openSync(wal, 'r+');
      fs.writeSync(fd, Buffer.alloc(2_000, 0xa5), 0, 2_000, size - 2_000);
      fs.closeSync(fd);
      const buffer = reopen(dir);
      expect(numbers(buffer)).toEqual(range(0, 80));
      buffer.close();
      const check = new Database(path.join(dir, 'buffer.sqlite'), { readonly: true });
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      check.close();
    });
  });

  describe('when the disk is full', () => {
    /** A 2 MiB tmpfs when this runs as root; else SQLite's own page ceiling (same SQLITE_FULL path). */
    function smallDisk(): { dir: string; maxPageCount?: number; release(): void } {
      const dir = tempDir();
      if (process.getuid?.() === 0) {
        try {
          execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir], { stdio: 'ignore' });
          return { dir, release: () => execFileSync('umount', ['-l', dir]) };
        } catch {
          // Not allowed here (a container without CAP_SYS_ADMIN): fall through.
        }
      }
      return { dir, maxPageCount: 400, release: () => undefined };
    }

    it('should refuse the append that does not fit, keep everything before it intact, and accept again once the forwarder freed space', () => {
      const disk = smallDisk();
      try {
        const file = path.join(disk.dir, 'buffer.sqlite');
        const buffer = new DiskBuffer({ file, maxMessages: 1e6, maxBytes: 1e9, maxPageCount: disk.maxPageCount });
        let appended = 0;
        let refusal: unknown;
        for (let t = 0; t < 1_000 && !refusal; t += 1) {
          try {
            buffer.append(range(appended, appended + 50).map((n) => message(n, 500)));
            appended += 50;
          } catch (error) {
            refusal = error;
          }
        }
        expect(refusal).toBeInstanceOf(BufferFullError);
        expect(appended).toBeGreaterThan(0);
        expect(buffer.depthMessages).toBe(appended);
        expect(numbers(buffer)).toEqual(range(0, appended));
        // The forwarder delivers the oldest half, batch by batch; new messages fit again.
        const half = Math.floor(appended / 100) * 50;
        for (let sent = 0; sent < half; sent += 50) {
          const batch = buffer.oldest(50);
          expect(buffer.remove(batch[0]!.seq, batch[49]!.seq)).toBe(50);
        }
        buffer.append(range(appended, appended + 50).map((n) => message(n, 500)));
        expect(numbers(buffer)).toEqual(range(half, appended + 50));
        buffer.close();
        const check = new Database(file, { readonly: true });
        expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
        check.close();
      } finally {
        disk.release();
      }
    });
  });
});
