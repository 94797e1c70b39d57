import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../lib/db/database';
import { applyMigrations } from '../lib/db/migrate';
import { rewindConsumer, startConsumer } from '../lib/events/consumer';
import { appendEvent } from '../lib/events/outbox';
import { pruneOutbox } from '../lib/events/retention';
import { decoderFor, type Topic } from '../lib/events/topic';
import { createLogger } from '../lib/logger';
import { migratedDatabase } from './support/database';
import { backends, createPostgresDatabase } from './support/postgres';

const log = createLogger('silent');
const ROOT = path.join(__dirname, '..');

interface Note {
  key: string;
  object?: string;
  id?: string;
  n: number;
}
const notes = (name: string, compactedBy?: string[]): Topic<Note> => {
  const d = decoderFor(name);
  return {
    name,
    decode: (raw) => {
      const o = d.object(raw, '$');
      return {
        key: d.string(o.key, '$.key'),
        n: d.number(o.n, '$.n'),
        ...(o.object ? { object: d.string(o.object, '$.object'), id: d.string(o.id, '$.id') } : {}),
      };
    },
    partitionKey: (note) => note.key,
    ...(compactedBy ? { compactedBy } : {}),
  };
};

async function append(db: Database, topic: Topic<Note>, note: Note, ageDays = 0): Promise<number> {
  const position = await db.sql.transaction((tx) => appendEvent(tx, topic, note));
  if (ageDays > 0) await db.sql.query(`UPDATE "events"."outbox" SET recorded_at = now() - make_interval(days => $2) WHERE position = $1`, [position, ageDays]);
  return position;
}

/** Applies every event of `topic` as consumer `name` (at least once), then stops it; returns the n of each note it was handed. */
async function consume(db: Database, name: string, topic: Topic<Note>, partitions = 2): Promise<number[]> {
  const handled: number[] = [];
  const consumer = await startConsumer({ name, topic, sql: db.sql, log, partitions, pollMs: 100, handle: async (note) => void handled.push(note.n) });
  await consumer.drain(60_000);
  await consumer.stop();
  return handled.sort((a, b) => a - b);
}

const remaining = async (db: Database, topic: string) =>
  (await db.sql.query<{ position: string }>(`SELECT position::text AS position FROM "events"."outbox" WHERE topic = $1 ORDER BY position`, [topic])).map(
    (row) => Number(row.position),
  );

describe.each(backends())('outbox pruning on %s', (backend) => {
  let db: Database;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await migratedDatabase(backend));
  }, 120_000);
  afterAll(async () => close?.());

  it('deletes events older than the retention that every consumer of their topic applied, and nothing else', async () => {
    const topic = notes('test.pruning');
    const old1 = await append(db, topic, { key: 'a', n: 1 }, 10);
    const old2 = await append(db, topic, { key: 'b', n: 2 }, 10);
    const old3 = await append(db, topic, { key: 'c', n: 3 }, 10);
    const recent = await append(db, topic, { key: 'd', n: 4 });
    expect(await consume(db, 'test.pruning-fast', topic)).toEqual([1, 2, 3, 4]);
    expect(await consume(db, 'test.pruning-slow', topic)).toEqual([1, 2, 3, 4]);
    // The slow consumer is sent back to old2: it still has old2 and old3 (and recent) to apply.
    await rewindConsumer(db.sql, 'test.pruning-slow', old2);
    expect(await pruneOutbox(db.sql, { retentionDays: 7, topics: [topic] })).toBe(1);
    expect(await remaining(db, topic.name)).toEqual([old2, old3, recent]);
    // Once it applied them again, the old ones go; the recent one stays for its 7 days.
    expect(await consume(db, 'test.pruning-slow', topic)).toEqual([2, 3, 4]);
    expect(await pruneOutbox(db.sql, { retentionDays: 7, topics: [topic] })).toBe(2);
    expect(await remaining(db, topic.name)).toEqual([recent]);
    expect(old1).toBeLessThan(old2);
  }, 120_000);

  const compacted = notes('test.pruning-compacted', ['object', 'id']);

  it('keeps the newest event of each object of a compacted topic, however old', async () => {
    const topic = compacted;
    const farmV1 = await append(db, topic, { key: 'k', object: 'farm', id: 'f1', n: 1 }, 30);
    const farmV2 = await append(db, topic, { key: 'k', object: 'farm', id: 'f1', n: 2 }, 30);
    const barn = await append(db, topic, { key: 'k', object: 'barn', id: 'f1', n: 3 }, 30);
    await consume(db, 'test.pruning-compacted', topic, 1);
    expect(await pruneOutbox(db.sql, { retentionDays: 7, topics: [topic] })).toBe(1);
    expect(await remaining(db, topic.name)).toEqual([farmV2, barn]);
    expect(farmV1).toBeLessThan(farmV2);
  }, 60_000);

  it('keeps a topic nobody consumes for the retention only', async () => {
    const topic = notes('test.pruning-unread');
    await append(db, topic, { key: 'a', n: 1 }, 8);
    const recent = await append(db, topic, { key: 'a', n: 2 }, 6);
    expect(await pruneOutbox(db.sql, { retentionDays: 7, topics: [compacted] })).toBe(1);
    expect(await remaining(db, topic.name)).toEqual([recent]);
  });
});

/** Runs `farmiq <args>` as an operator would; resolves with its exit code and output. */
function farmiq(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'bin', 'farmiq.ts'), ...args],
      { env: { PATH: process.env.PATH!, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env }, timeout: 120_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (((error as NodeJS.ErrnoException & { code?: number }).code as unknown as number) ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe.each(backends())('farmiq events (the command) on %s', (backend) => {
  it('shows consumers, replays one from a position (applied once more from there) and refuses unknown consumers', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-events-cli-'));
    const postgres = backend === 'postgres' ? await createPostgresDatabase() : undefined;
    const location = postgres ? ({ kind: 'postgres', url: postgres.url } as const) : ({ kind: 'pglite', dir: dataDir } as const);
    const env = { FARMIQ_DATA_DIR: dataDir, ...(postgres ? { DATABASE_URL: postgres.url } : {}) };
    const topic = notes('test.cli');
    try {
      // The system is stopped while the command runs: on PGlite one process owns the folder.
      let db = await openDatabase(location);
      await applyMigrations(db.sql);
      const positions = [await append(db, topic, { key: 'a', n: 1 }), await append(db, topic, { key: 'b', n: 2 }), await append(db, topic, { key: 'c', n: 3 })];
      expect(await consume(db, 'test.cli-consumer', topic)).toEqual([1, 2, 3]);
      await db.close();

      const status = await farmiq(['events', 'status'], env);
      expect(status).toMatchObject({ code: 0 });
      expect(status.stdout).toMatch(/test\.cli-consumer {2}test\.cli {2}\d+ {2}0 {2}0/);

      const replay = await farmiq(['events', 'replay', '--consumer', 'test.cli-consumer', '--from', String(positions[1])], env);
      expect(replay).toMatchObject({ code: 0 });
      expect(replay.stdout).toContain(`test.cli-consumer applies every event from position ${positions[1]} again`);

      const unknown = await farmiq(['events', 'replay', '--consumer', 'test.nobody', '--from', '1'], env);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('no consumer named "test.nobody"');
      const malformed = await farmiq(['events', 'replay', '--consumer', 'test.cli-consumer', '--from', 'yesterday'], env);
      expect(malformed.code).toBe(1);
      expect(malformed.stderr).toContain('--from: expected a whole number');

      db = await openDatabase(location);
      try {
        expect(await consume(db, 'test.cli-consumer', topic)).toEqual([2, 3]);
        await db.sql.query(`UPDATE "events"."outbox" SET recorded_at = now() - interval '2 days' WHERE topic = $1`, [topic.name]);
      } finally {
        await db.close();
      }

      // The operator's retention (EVENTS_RETENTION_DAYS) is the command's default: applied events two days old stay at 3 days and go at 1.
      expect((await farmiq(['events', 'prune'], { ...env, EVENTS_RETENTION_DAYS: '3' })).stdout).toContain('deleted 0 events');
      const refused = await farmiq(['events', 'prune'], { ...env, EVENTS_RETENTION_DAYS: 'a week' });
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain('EVENTS_RETENTION_DAYS');
      expect((await farmiq(['events', 'prune'], { ...env, EVENTS_RETENTION_DAYS: '1' })).stdout).toContain(
        'deleted 3 events every consumer had applied, older than 1 days',
      );
    } finally {
      await postgres?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});
