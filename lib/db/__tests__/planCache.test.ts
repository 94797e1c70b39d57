import { openDatabase, type Database, type DatabaseLocation } from '../database';
import { applyMigrations } from '../migrate';
import { PLAN_CACHE_ENTRIES, planCacheStats } from '../planCache';
import { backends, createPostgresDatabase } from '../../../tests/support/postgres';

describe.each(backends())('remembered query plans on %s', (backend) => {
  let db: Database;
  let drop: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    let location: DatabaseLocation = { kind: 'pglite', dir: 'memory' };
    if (backend === 'postgres') {
      const postgres = await createPostgresDatabase();
      drop = postgres.drop;
      location = { kind: 'postgres', url: postgres.url };
    }
    db = await openDatabase(location);
    await applyMigrations(db.sql);
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    await drop();
  });

  it('should compile a repeated read twice, then no more, and still answer with the data as it is now', async () => {
    const tenant = await db.prisma.tenant.create({ data: { name: 'Before' } });
    const read = () => db.prisma.tenant.findUnique({ where: { id: tenant.id }, select: { name: true } });
    expect(await read()).toEqual({ name: 'Before' });
    expect(await read()).toEqual({ name: 'Before' });
    const before = planCacheStats();
    await db.prisma.tenant.update({ where: { id: tenant.id }, data: { name: 'After' } });
    // The plan is remembered, never the rows: the same read sees the rename.
    expect(await read()).toEqual({ name: 'After' });
    expect(await read()).toEqual({ name: 'After' });
    const after = planCacheStats();
    expect(after.hits - before.hits).toBe(2);
    expect(after.misses - before.misses).toBe(0);
  });

  it('should keep a repeated read through a stream of reads that never repeat', async () => {
    const tenant = await db.prisma.tenant.create({ data: { name: 'Hot' } });
    const hot = () => db.prisma.tenant.findUnique({ where: { id: tenant.id } });
    await hot();
    await hot();
    // More one-off reads than the cache holds (as the climate pair's raw SELECTs, new values every batch).
    for (let value = 0; value <= PLAN_CACHE_ENTRIES; value += 1) {
      await db.prisma.$queryRawUnsafe('SELECT count(*)::int AS n FROM identity.tenant WHERE name = $1', `one-off ${value}`);
    }
    const before = planCacheStats();
    expect((await hot())?.name).toBe('Hot');
    expect(planCacheStats().hits - before.hits).toBe(1);
    expect(planCacheStats().entries).toBeLessThanOrEqual(PLAN_CACHE_ENTRIES);
  });

  it('should compile a read with other values as its own plan', async () => {
    const [a, b] = await Promise.all([db.prisma.tenant.create({ data: { name: 'Farm A' } }), db.prisma.tenant.create({ data: { name: 'Farm B' } })]);
    const before = planCacheStats();
    expect((await db.prisma.tenant.findUnique({ where: { id: a.id } }))?.name).toBe('Farm A');
    expect((await db.prisma.tenant.findUnique({ where: { id: b.id } }))?.name).toBe('Farm B');
    expect(planCacheStats().misses - before.misses).toBe(2);
  });

  it('should never remember a write: the same create twice makes two rows', async () => {
    const before = planCacheStats();
    await db.prisma.tenant.create({ data: { name: 'Twice' } });
    await db.prisma.tenant.create({ data: { name: 'Twice' } });
    expect(planCacheStats().hits - before.hits).toBe(0);
    expect(await db.prisma.tenant.count({ where: { name: 'Twice' } })).toBe(2);
  });

  it('should remember a raw SELECT by its text and values, and answer with the rows as they are now', async () => {
    const count = () => db.prisma.$queryRawUnsafe<Array<{ n: number }>>('SELECT count(*)::int AS n FROM identity.tenant WHERE name = $1', 'Raw read');
    expect(await count()).toEqual([{ n: 0 }]);
    expect(await count()).toEqual([{ n: 0 }]);
    const before = planCacheStats();
    await db.prisma.tenant.create({ data: { name: 'Raw read' } });
    expect(await count()).toEqual([{ n: 1 }]);
    expect(planCacheStats().hits - before.hits).toBe(1);
  });
});
