import { randomUUID } from 'node:crypto';
import { migratedDatabase } from '../../../tests/support/database';
import { backends } from '../../../tests/support/postgres';
import { firstIdsPerGroup } from '../firstPerGroup';

const BATCHES_BY_FARM = { table: '"kpi"."batch"', groupColumn: 'farm_id', orderBy: 'placed_on DESC, id' };

describe.each(backends())('firstIdsPerGroup on %s', (backend) => {
  let database: Awaited<ReturnType<typeof migratedDatabase>>;
  beforeAll(async () => {
    database = await migratedDatabase(backend);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('returns the newest rows of each parent up to the cap, within the tenant only', async () => {
    const db = database.db.prisma;
    const tenant = randomUUID();
    const [north, south, quiet] = [randomUUID(), randomUUID(), randomUUID()];
    const place = (tenantId: string, farmId: string, placedOn: string) =>
      db.batch.create({
        data: { tenantId, farmId, species: 'PIG', placedOn: new Date(`${placedOn}T00:00:00Z`), headCountPlaced: 1, placementWeightGrams: 7000 },
      });
    const n1 = await place(tenant, north, '2026-01-01');
    const n2 = await place(tenant, north, '2026-03-01');
    const n3 = await place(tenant, north, '2026-02-01');
    const s1 = await place(tenant, south, '2026-05-01');
    await place(randomUUID(), south, '2026-06-01'); // another tenant's row on the same farm id
    const ids = await firstIdsPerGroup(db, BATCHES_BY_FARM, tenant, [north, south, quiet], 2);
    expect(ids.sort()).toEqual([n2.id, n3.id, s1.id].sort());
    expect(ids).not.toContain(n1.id);
  });
});
