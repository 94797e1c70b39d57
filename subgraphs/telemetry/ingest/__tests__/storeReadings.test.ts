import { randomUUID } from 'node:crypto';
import { copyTextLine } from '../../../../lib/db/copyText';
import { openDatabase, type Database, type DatabaseLocation } from '../../../../lib/db/database';
import { applyMigrations } from '../../../../lib/db/migrate';
import { backends, createPostgresDatabase } from '../../../../tests/support/postgres';
import { readingKey, storeReadings, type ReadingRow } from '../storeReadings';

describe.each(backends())('storing readings on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void> = async () => undefined;
  const [tenantId, farmId, barnId, deviceId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const row = (eventId: string, observedAt: string, metric = 'temperatureC', value = 21.5): ReadingRow => ({
    deviceId,
    eventId,
    metric,
    value,
    observedAt: new Date(observedAt),
    receivedAt: new Date(observedAt),
    tenantId,
    farmId,
    barnId,
  });
  const stored = async (eventId: string) =>
    db.sql.query<{ metric: string; value: number; observed_at: Date }>(
      'SELECT metric, value, observed_at FROM telemetry.reading WHERE device_id = $1::uuid AND event_id = $2 ORDER BY metric, observed_at',
      [deviceId, eventId],
    );

  beforeAll(async () => {
    let location: DatabaseLocation = { kind: 'pglite', dir: 'memory' };
    if (backend === 'postgres') {
      const postgres = await createPostgresDatabase();
      drop = postgres.drop;
      location = { kind: 'postgres', url: postgres.url };
    }
    db = await openDatabase(location);
    await applyMigrations(db.sql);
    await db.sql.exec(`CREATE TABLE IF NOT EXISTS telemetry.reading_y2026m11 PARTITION OF telemetry.reading FOR VALUES FROM ('2026-11-01') TO ('2026-12-01')`);
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    await drop();
  });

  it('should store a batch in a transaction (by COPY on PostgreSQL) and return exactly the rows it wrote, once', async () => {
    const batch = [row('a-1', '2026-11-30T10:00:00Z'), row('a-1', '2026-11-30T10:00:00Z', 'humidityPct', 61), row('a-2', '2026-11-30T10:00:01Z')];
    const first = await db.sql.transaction((tx) => {
      // COPY on PostgreSQL; PGlite keeps the statement.
      expect(tx.copyIn !== undefined).toBe(backend === 'postgres');
      return storeReadings(tx, batch, 1);
    });
    expect([...first].sort()).toEqual([
      readingKey(deviceId, 'a-1', 'humidityPct'),
      readingKey(deviceId, 'a-1', 'temperatureC'),
      readingKey(deviceId, 'a-2', 'temperatureC'),
    ]);
    // The same batch again (a retry) and a re-sent event beside a new one: only the new one is written.
    const again = await db.sql.transaction((tx) => storeReadings(tx, [...batch, row('a-3', '2026-11-30T10:00:02Z')], 1));
    expect([...again]).toEqual([readingKey(deviceId, 'a-3', 'temperatureC')]);
    expect(await stored('a-1')).toEqual([
      { metric: 'humidityPct', value: 61, observed_at: new Date('2026-11-30T10:00:00Z') },
      { metric: 'temperatureC', value: 21.5, observed_at: new Date('2026-11-30T10:00:00Z') },
    ]);
  });

  it('should write a reading twice in one batch once, and two batches of one transaction each once', async () => {
    const written = await db.sql.transaction(async (tx) => {
      const first = await storeReadings(tx, [row('b-1', '2026-11-30T11:00:00Z'), row('b-1', '2026-11-30T11:00:00Z')], 1);
      const second = await storeReadings(tx, [row('b-1', '2026-11-30T11:00:00Z'), row('b-2', '2026-11-30T11:00:01Z')], 1);
      return [[...first], [...second]];
    });
    expect(written).toEqual([[readingKey(deviceId, 'b-1', 'temperatureC')], [readingKey(deviceId, 'b-2', 'temperatureC')]]);
    expect(await stored('b-1')).toHaveLength(1);
  });

  it('should store an event id with a tab, a backslash or a line break as it came, not shift a column', async () => {
    const eventId = 'odd\tid\\with\nbreaks\r';
    const written = await db.sql.transaction((tx) => storeReadings(tx, [row(eventId, '2026-11-30T12:00:00Z', 'temperatureC', -3.25)], 1));
    expect([...written]).toEqual([readingKey(deviceId, eventId, 'temperatureC')]);
    expect(await stored(eventId)).toEqual([{ metric: 'temperatureC', value: -3.25, observed_at: new Date('2026-11-30T12:00:00Z') }]);
  });

  it('should write nothing of a batch whose transaction rolls back, and leave no staged row behind', async () => {
    await expect(
      db.sql.transaction(async (tx) => {
        await storeReadings(tx, [row('c-1', '2026-11-30T13:00:00Z')], 1);
        throw new Error('the outbox write failed');
      }),
    ).rejects.toThrow('the outbox write failed');
    expect(await stored('c-1')).toEqual([]);
    const written = await db.sql.transaction((tx) => storeReadings(tx, [row('c-2', '2026-11-30T13:00:01Z')], 1));
    expect([...written]).toEqual([readingKey(deviceId, 'c-2', 'temperatureC')]);
  });

  it('should store a small batch with one statement, in a transaction or not, the same way', async () => {
    expect(db.sql.copyIn).toBeUndefined();
    const small = await db.sql.transaction((tx) => storeReadings(tx, [row('d-0', '2026-11-30T14:00:00Z'), row('d-0', '2026-11-30T14:00:00Z')]));
    expect([...small]).toEqual([readingKey(deviceId, 'd-0', 'temperatureC')]);
    const written = await storeReadings(db.sql, [row('d-1', '2026-11-30T14:00:00Z'), row('d-1', '2026-11-30T14:00:00Z')]);
    expect([...written]).toEqual([readingKey(deviceId, 'd-1', 'temperatureC')]);
    expect([...(await storeReadings(db.sql, [row('d-1', '2026-11-30T14:00:00Z')]))]).toEqual([]);
  });
});

describe('copyTextLine', () => {
  it('should separate columns by tabs, write null as \\N and escape what would end a row or a column', () => {
    expect(copyTextLine(['a', 1.5, null, 'x\ty\\z\nw\rv'])).toBe('a\t1.5\t\\N\tx\\ty\\\\z\\nw\\rv\n');
  });
});
