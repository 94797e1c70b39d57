import { migratedDatabase } from '../../../tests/support/database';
import { backends } from '../../../tests/support/postgres';
import { activeSubscriptionOf, alertRulesOfFarms, batchesOfFarms, farmsOfTenant, tenantsById } from '../preparedReads';

/**
 * The prepared reads answer exactly what the Prisma queries they replace answered (same fields,
 * same types, same order), and never another tenant's rows. `TZ=Asia/Bangkok` checks the
 * `date` column too (node-postgres alone would read it as local midnight, the previous day in UTC).
 */
describe.each(backends())('prepared reads on %s', (backend) => {
  let database: Awaited<ReturnType<typeof migratedDatabase>>;
  beforeAll(async () => {
    database = await migratedDatabase(backend);
  });
  afterAll(async () => {
    await database?.close();
  });

  /** Two tenants with farms, batches, rules and subscriptions; returns the first's ids. */
  async function seed() {
    const db = database.db.prisma;
    const [mine, theirs] = await Promise.all([db.tenant.create({ data: { name: 'Mine' } }), db.tenant.create({ data: { name: 'Theirs', requireMfa: true } })]);
    const farm = (tenantId: string, name: string) => db.farm.create({ data: { tenantId, name, timeZone: 'Asia/Bangkok' } });
    const north = await farm(mine.id, 'North');
    const south = await farm(mine.id, 'South');
    const other = await farm(theirs.id, 'Other');
    const place = (tenantId: string, farmId: string, placedOn: string, breed: string | null = null) =>
      db.batch.create({
        data: { tenantId, farmId, species: 'BROILER', breed, placedOn: new Date(`${placedOn}T00:00:00Z`), headCountPlaced: 20_000, placementWeightGrams: 40 },
      });
    await place(mine.id, north.id, '2026-01-01', 'Ross 308');
    await place(mine.id, north.id, '2026-03-01');
    await place(mine.id, north.id, '2026-02-01');
    await place(mine.id, south.id, '2026-05-01');
    await place(theirs.id, north.id, '2026-06-01'); // another tenant's row naming my farm's id
    const rule = (tenantId: string, farmId: string, metric: string) =>
      db.alertRule.create({ data: { tenantId, farmId, metric, comparison: 'ABOVE', threshold: 25.5, clearThreshold: metric === 'ammoniaPpm' ? 20.25 : null } });
    await rule(mine.id, north.id, 'ammoniaPpm');
    await rule(mine.id, north.id, 'temperatureC');
    await rule(mine.id, north.id, 'humidityPct');
    await rule(theirs.id, north.id, 'co2Ppm');
    await db.planSubscription.create({ data: { tenantId: theirs.id, plan: 'PROFESSIONAL' } });
    return { mine, theirs, north, south, other };
  }

  it('should answer what Prisma answered, field for field, within the tenant only', async () => {
    const db = database.db.prisma;
    const sql = database.db.sql;
    const { mine, theirs, north, south, other } = await seed();

    const tenants = await tenantsById(sql, [mine.id, theirs.id]);
    expect(tenants.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      await db.tenant.findMany({ where: { id: { in: [mine.id, theirs.id] } }, orderBy: { id: 'asc' } }),
    );

    expect(await farmsOfTenant(sql, mine.id, null, 10)).toEqual(
      await db.farm.findMany({ where: { tenantId: mine.id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    );
    expect((await farmsOfTenant(sql, mine.id, null, 1)).map((farm) => farm.name)).toEqual(['North']);
    // A partner confined to some farms sees those only, and never another tenant's even when granted its id.
    expect((await farmsOfTenant(sql, mine.id, [south.id, other.id], 10)).map((farm) => farm.name)).toEqual(['South']);
    expect(await farmsOfTenant(sql, mine.id, [], 10)).toEqual([]);

    const batches = await batchesOfFarms(sql, mine.id, [north.id, south.id], 2);
    const newestTwo = [
      ...(await db.batch.findMany({ where: { tenantId: mine.id, farmId: north.id }, orderBy: [{ placedOn: 'desc' }, { id: 'asc' }], take: 2 })),
      ...(await db.batch.findMany({ where: { tenantId: mine.id, farmId: south.id } })),
    ].sort((a, b) => b.placedOn.getTime() - a.placedOn.getTime() || a.id.localeCompare(b.id));
    expect(batches).toEqual(newestTwo);
    expect(batches.map((batch) => batch.placedOn.toISOString().slice(0, 10))).toEqual(['2026-05-01', '2026-03-01', '2026-02-01']);

    const rules = await alertRulesOfFarms(sql, mine.id, [north.id, south.id], 2);
    expect(rules).toEqual(
      await db.alertRule.findMany({ where: { tenantId: mine.id, farmId: north.id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: 2 }),
    );

    expect(await activeSubscriptionOf(sql, mine.id)).toBeNull();
    expect(await activeSubscriptionOf(sql, theirs.id)).toEqual(await db.planSubscription.findFirst({ where: { tenantId: theirs.id, status: 'ACTIVE' } }));
  });
});
