import { randomUUID } from 'node:crypto';
import { openDatabase, type Database } from '../../db/database';
import { createLogger } from '../../logger';
import { migratedDatabase } from '../../../tests/support/database';
import { backends, createPostgresDatabase } from '../../../tests/support/postgres';
import { waitFor } from '../../../tests/support/waitFor';
import { startConsumer, rewindConsumer, type Consumer } from '../consumer';
import { appendEvent } from '../outbox';
import { decoderFor, type Topic } from '../topic';
import { applyMigrations } from '../../db/migrate';

/** A test topic: numbered items of a farm (the partition key). */
interface Item {
  farmId: string;
  n: number;
}
const items = decoderFor('test.items');
const ITEMS: Topic<Item> = {
  name: 'test.items',
  decode: (raw) => {
    const item = items.object(raw, '$');
    return { farmId: items.string(item.farmId, '$.farmId'), n: items.number(item.n, '$.n') };
  },
  partitionKey: (item) => item.farmId,
};

const log = createLogger('silent');
const publish = (db: Database, ...list: Item[]) => db.sql.transaction(async (tx) => Promise.all(list.map((item) => appendEvent(tx, ITEMS, item))));

describe.each(backends())('durable event consumers on %s', (backend) => {
  let db: Database;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const opened = await migratedDatabase(backend);
    db = opened.db;
    close = opened.close;
  });
  afterAll(async () => close?.());

  it('delivers every committed event in order per partition key, and none of a rolled-back transaction', async () => {
    const seen: Item[] = [];
    const farms = [randomUUID(), randomUUID(), randomUUID()];
    await publish(db, ...farms.flatMap((farmId) => [1, 2, 3].map((n) => ({ farmId, n }))));
    await expect(
      db.sql.transaction(async (tx) => {
        await appendEvent(tx, ITEMS, { farmId: farms[0]!, n: 99 });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const consumer = await startConsumer({ name: `order-${randomUUID()}`, topic: ITEMS, sql: db.sql, log, handle: async (item) => void seen.push(item) });
    try {
      await publish(db, { farmId: farms[0]!, n: 4 });
      await consumer.drain();
    } finally {
      await consumer.stop();
    }
    for (const farmId of farms) {
      expect(seen.filter((item) => item.farmId === farmId).map((item) => item.n)).toEqual(farmId === farms[0] ? [1, 2, 3, 4] : [1, 2, 3]);
    }
  });

  it.each([
    ['after each event', false],
    ['once per turn', true],
  ])(
    'retries a failing event with backoff while later ones wait, dead-letters it after N tries, and a replay after the fix applies it once (cursor moved %s)',
    async (_how, advancePerTurn) => {
      const farmId = randomUUID();
      const applied = new Map<number, number>();
      const tries: number[] = [];
      let fixed = false;
      const name = `poison-${randomUUID()}`;
      const consumer = await startConsumer({
        name,
        topic: ITEMS,
        sql: db.sql,
        log,
        partitions: 1,
        maxAttempts: 3,
        retryBaseMs: 100,
        pollMs: 50,
        advancePerTurn,
        handle: async (item) => {
          if (item.farmId !== farmId) return;
          if (item.n === 2 && !fixed) {
            tries.push(Date.now());
            throw new Error('cannot apply item 2');
          }
          // Idempotent as a real handler is: it records what it applied (here, per item number).
          if (!applied.has(item.n)) applied.set(item.n, 0);
          applied.set(item.n, applied.get(item.n)! + 1);
        },
      });
      try {
        await publish(db, { farmId, n: 1 }, { farmId, n: 2 }, { farmId, n: 3 });
        await consumer.drain();
        // Three tries, the pauses growing (100 ms, then 200 ms), then on to item 3.
        expect(tries).toHaveLength(3);
        expect(tries[1]! - tries[0]!).toBeGreaterThanOrEqual(90);
        expect(tries[2]! - tries[1]!).toBeGreaterThanOrEqual(190);
        expect([...applied.keys()].sort()).toEqual([1, 3]);
        const letters = await db.sql.query<{ attempts: number; error: string; replayed_at: Date | null; payload: unknown }>(
          `SELECT attempts, error, replayed_at, payload FROM events.dead_letter WHERE consumer = $1`,
          [name],
        );
        expect(letters).toEqual([{ attempts: 3, error: 'cannot apply item 2', replayed_at: null, payload: { farmId, n: 2 } }]);

        fixed = true;
        expect(await consumer.replayDeadLetters()).toEqual({ replayed: 1, failed: 0 });
        expect(await consumer.replayDeadLetters()).toEqual({ replayed: 0, failed: 0 });
        expect(applied.get(2)).toBe(1);
        // The consumer keeps going after all that.
        await publish(db, { farmId, n: 4 });
        await consumer.drain();
        expect([...applied.entries()].sort()).toEqual([
          [1, 1],
          [2, 1],
          [3, 1],
          [4, 1],
        ]);
      } finally {
        await consumer.stop();
      }
    },
  );

  it('moving the cursor once per turn, ends each turn with the cursor past its last event and the partition given back, and the next turn reads on from there', async () => {
    const farmId = randomUUID();
    const seen: number[] = [];
    const name = `per-turn-${randomUUID()}`;
    const consumer = await startConsumer({
      name,
      topic: ITEMS,
      sql: db.sql,
      log,
      partitions: 1,
      batchSize: 2,
      pollMs: 50,
      advancePerTurn: true,
      handle: async (item) => void (item.farmId === farmId && seen.push(item.n)),
    });
    try {
      await publish(db, ...[1, 2, 3, 4, 5].map((n) => ({ farmId, n })));
      await consumer.drain();
      await publish(db, { farmId, n: 6 });
      await consumer.drain();
      expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
      const [partition] = await db.sql.query<{ position: string; lease_owner: string | null; last: string }>(
        `SELECT c.position::text AS position, c.lease_owner, (SELECT max(position)::text FROM events.outbox WHERE topic = 'test.items') AS last
         FROM events.consumer_partition c WHERE c.consumer = $1`,
        [name],
      );
      // One UPDATE moved the cursor and gave the partition back: drained means released.
      expect(partition).toEqual({ position: partition!.last, lease_owner: null, last: partition!.last });
    } finally {
      await consumer.stop();
    }
  });

  it('dead-letters a payload its topic cannot decode at once, without retrying it', async () => {
    const name = `undecodable-${randomUUID()}`;
    const handled: Item[] = [];
    await db.sql.query(`INSERT INTO events.outbox (topic, shard, payload) VALUES ('test.items', 0, '{"farmId": 7}')`);
    const consumer = await startConsumer({ name, topic: ITEMS, sql: db.sql, log, partitions: 1, handle: async (item) => void handled.push(item) });
    try {
      await consumer.drain();
    } finally {
      await consumer.stop();
    }
    const [letter] = await db.sql.query<{ attempts: number; error: string }>(`SELECT attempts, error FROM events.dead_letter WHERE consumer = $1`, [name]);
    expect(letter).toEqual({ attempts: 1, error: 'test.items: $.farmId: expected a string' });
  });

  it('hands the events this process appended to its consumers from memory: the stored payload, decoded once, frozen and shared', async () => {
    const farmId = randomUUID();
    const seen = new Map<string, Item[]>([
      ['a', []],
      ['b', []],
    ]);
    // Appended before the consumers start: a turn already under way (earlier tests' events) takes
    // what the process remembers before its query, so it would read this row's text instead.
    const [position] = await publish(db, { farmId, n: 1 });
    const consumers = await Promise.all(
      [...seen].map(([label, list]) =>
        startConsumer({
          name: `memory-${label}-${randomUUID()}`,
          topic: ITEMS,
          sql: db.sql,
          log,
          handle: async (item) => void (item.farmId === farmId && list.push(item)),
        }),
      ),
    );
    try {
      await Promise.all(consumers.map((consumer) => consumer.drain()));
    } finally {
      await Promise.all(consumers.map((consumer) => consumer.stop()));
    }
    const [a, b] = [seen.get('a')![0]!, seen.get('b')![0]!];
    expect(a).toBe(b);
    expect(Object.isFrozen(a)).toBe(true);
    const [stored] = await db.sql.query<{ payload: unknown }>(`SELECT payload FROM events.outbox WHERE position = $1`, [position]);
    const storedPayload = typeof stored!.payload === 'string' ? JSON.parse(stored!.payload) : stored!.payload;
    expect(a).toEqual(ITEMS.decode(storedPayload));
  });

  it('reads the stored payload when what the process remembers at a position is another row (a restore rewound the positions)', async () => {
    const farmId = randomUUID();
    const seen: Item[] = [];
    const [position] = await publish(db, { farmId, n: 1 });
    db.sql.appended!.remember({
      topic: ITEMS.name,
      position: position!,
      recordedAt: '1999-01-01 00:00:00+00',
      shard: 0,
      json: JSON.stringify({ farmId, n: 999 }),
      payload: { farmId, n: 999 },
    });
    const consumer = await startConsumer({
      name: `restored-${randomUUID()}`,
      topic: ITEMS,
      sql: db.sql,
      log,
      partitions: 1,
      handle: async (item) => void (item.farmId === farmId && seen.push(item)),
    });
    try {
      await consumer.drain();
    } finally {
      await consumer.stop();
    }
    expect(seen).toEqual([{ farmId, n: 1 }]);
  });

  it('decodes an appended payload as it is when its topic decodes by copying, and from its JSON text when that fails', async () => {
    const stamps = decoderFor('test.stamps');
    const STAMPS: Topic<{ farmId: string; at: string }> = {
      name: 'test.stamps',
      decode: (raw) => {
        const stamp = stamps.object(raw, '$');
        return { farmId: stamps.string(stamp.farmId, '$.farmId'), at: stamps.string(stamp.at, '$.at') };
      },
      partitionKey: (stamp) => stamp.farmId,
      decodeCopies: true,
    };
    const farmId = randomUUID();
    const at = new Date('2026-12-01T04:00:00.000Z');
    const seen: Array<{ farmId: string; at: string }> = [];
    const consumer = await startConsumer({ name: `copies-${randomUUID()}`, topic: STAMPS, sql: db.sql, log, handle: async (stamp) => void seen.push(stamp) });
    try {
      await db.sql.transaction(async (tx) => {
        await appendEvent(tx, STAMPS, { farmId, at: at.toISOString() });
        // A Date where the type says text: JSON made it text in the row, and so must the consumer.
        await appendEvent(tx, STAMPS, { farmId, at: at as unknown as string });
      });
      await consumer.drain();
    } finally {
      await consumer.stop();
    }
    expect(seen).toEqual([
      { farmId, at: '2026-12-01T04:00:00.000Z' },
      { farmId, at: '2026-12-01T04:00:00.000Z' },
    ]);
  });

  it('replays from a position: every event from it on is delivered again', async () => {
    const farmId = randomUUID();
    const seen: number[] = [];
    const name = `rewind-${randomUUID()}`;
    const consumer = await startConsumer({
      name,
      topic: ITEMS,
      sql: db.sql,
      log,
      partitions: 2,
      handle: async (item) => void (item.farmId === farmId && seen.push(item.n)),
    });
    try {
      const [, second] = await publish(db, { farmId, n: 1 }, { farmId, n: 2 }, { farmId, n: 3 });
      await consumer.drain();
      await rewindConsumer(db.sql, name, second!);
      await consumer.drain();
    } finally {
      await consumer.stop();
    }
    expect(seen).toEqual([1, 2, 3, 2, 3]);
  });

  it('keeps its lease through a turn longer than the lease when it moves its cursor once per turn (no replica applies the same events meanwhile)', async () => {
    const farmId = randomUUID();
    const name = `long-turn-${randomUUID()}`;
    const appliedBy = new Map<number, string[]>();
    const replica = (replicaName: string) =>
      startConsumer({
        name,
        topic: ITEMS,
        sql: db.sql,
        log,
        partitions: 1,
        leaseMs: 1_000,
        pollMs: 50,
        advancePerTurn: true,
        handle: async (item) => {
          if (item.farmId !== farmId) return;
          appliedBy.set(item.n, [...(appliedBy.get(item.n) ?? []), replicaName]);
          // Four of these make a turn of 1.6 s, longer than the 1 s lease.
          await new Promise((resolve) => setTimeout(resolve, 400));
        },
      });
    const replicas = [await replica('a'), await replica('b')];
    try {
      await publish(db, { farmId, n: 1 }, { farmId, n: 2 }, { farmId, n: 3 }, { farmId, n: 4 });
      await waitFor(() => expect(appliedBy.size).toBe(4), 30_000);
      await Promise.all(replicas.map((consumer) => consumer.drain()));
      expect([...appliedBy.entries()].filter(([, by]) => by.length !== 1)).toEqual([]);
    } finally {
      await Promise.all(replicas.map((consumer) => consumer.stop()));
    }
  });

  it('lets two replicas share the work without applying anything twice', async () => {
    // Each replica has its own connection pool (PostgreSQL) or, on PGlite, shares the one database of the process.
    const postgres = backend === 'postgres' ? await createPostgresDatabase() : undefined;
    const first = postgres ? await openDatabase({ kind: 'postgres', url: postgres.url }) : db;
    const second = postgres ? await openDatabase({ kind: 'postgres', url: postgres.url }) : db;
    if (postgres) await applyMigrations(first.sql);
    const name = `replicas-${randomUUID()}`;
    const appliedBy = new Map<string, string[]>();
    const farms: string[] = Array.from({ length: 8 }, () => randomUUID());
    const replica = (replicaName: string, database: Database): Promise<Consumer> =>
      startConsumer({
        name,
        topic: ITEMS,
        sql: database.sql,
        log,
        partitions: 4,
        batchSize: 5,
        handle: async (item) => {
          if (!farms.includes(item.farmId)) return;
          const key = `${item.farmId} ${item.n}`;
          appliedBy.set(key, [...(appliedBy.get(key) ?? []), replicaName]);
          // Work that takes a moment, so that both replicas are busy at once.
          await new Promise((resolve) => setTimeout(resolve, 2));
        },
      });
    const replicas = [await replica('a', first), await replica('b', second)];
    try {
      for (let n = 0; n < 25; n++) await publish(first, ...farms.map((farmId) => ({ farmId, n })));
      await waitFor(() => expect(appliedBy.size).toBe(200), 60_000);
      await Promise.all(replicas.map((consumer) => consumer.drain()));
      expect([...appliedBy.values()].filter((by) => by.length !== 1)).toEqual([]);
      const byReplica = (replicaName: string) => [...appliedBy.values()].filter((by) => by[0] === replicaName).length;
      expect(byReplica('a')).toBeGreaterThan(0);
      expect(byReplica('b')).toBeGreaterThan(0);
    } finally {
      await Promise.all(replicas.map((consumer) => consumer.stop()));
      if (postgres) {
        await Promise.all([first.close(), second.close()]);
        await postgres.drop();
      }
    }
  });
});
