import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../../lib/db/generated/client';
import { createLogger } from '../../../lib/logger';
import { createMemoryPubSub, TOPICS, type ReadingEvent } from '../../../lib/pubsub/pubsub';
import { migratedDatabase } from '../../../tests/support/database';
import { backends } from '../../../tests/support/postgres';
import { recordScaleWeights, startScaleWeighIn } from '../records/scaleWeights';

describe.each(backends())('scale weights into weigh sessions on %s', (backend) => {
  let db: PrismaClient;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const opened = await migratedDatabase(backend);
    db = opened.db.prisma;
    close = opened.close;
  });
  afterAll(async () => close?.());

  /** A Bangkok (UTC+7) farm with a barn and two batches placed in it, on 1 and 20 November. */
  async function barnWithBatches() {
    const tenantId = randomUUID();
    const farm = await db.farm.create({ data: { tenantId, name: 'Farm', timeZone: 'Asia/Bangkok' } });
    const barn = await db.barn.create({ data: { tenantId, farmId: farm.id, name: 'House', species: 'BROILER', capacityHead: 100 } });
    const batch = (placedOn: string) =>
      db.batch.create({ data: { tenantId, farmId: farm.id, barnId: barn.id, species: 'BROILER', placedOn: new Date(`${placedOn}T00:00:00Z`), headCountPlaced: 100, placementWeightGrams: 42 } });
    return { tenantId, farmId: farm.id, barnId: barn.id, first: await batch('2026-11-01'), second: await batch('2026-11-20') };
  }

  const reading = (target: { tenantId: string; farmId: string; barnId: string }, metric: string, value: number, observedAt: string): ReadingEvent => ({
    ...target,
    deviceId: randomUUID(),
    eventId: randomUUID(),
    metric,
    unit: 'kg',
    value,
    observedAt,
    receivedAt: observedAt,
  });

  it("weighs into the batch placed in the scale's barn on the farm-local day, and nothing else", async () => {
    const farm = await barnWithBatches();
    // 19 Nov 20:00 UTC is 20 Nov 03:00 in Bangkok: the second batch's placement day.
    // 19 Nov 16:00 UTC is 19 Nov 23:00 in Bangkok: still the first batch.
    await recordScaleWeights(db, [
      reading(farm, 'weightKg', 1.25, '2026-11-19T20:00:00.000Z'),
      reading(farm, 'weightKg', 0.9, '2026-11-19T16:00:00.000Z'),
      reading(farm, 'temperatureC', 30, '2026-11-19T16:00:00.000Z'),
      reading({ ...farm, tenantId: randomUUID() }, 'weightKg', 2, '2026-11-19T16:00:00.000Z'),
    ]);
    const samples = await db.weighSample.findMany({ where: { tenantId: farm.tenantId }, orderBy: { weightGrams: 'asc' }, select: { batchId: true, weighedOn: true, weightGrams: true, source: true } });
    expect(samples).toEqual([
      { batchId: farm.first.id, weighedOn: new Date('2026-11-19T00:00:00Z'), weightGrams: 900, source: 'SCALE' },
      { batchId: farm.second.id, weighedOn: new Date('2026-11-20T00:00:00Z'), weightGrams: 1250, source: 'SCALE' },
    ]);
  });

  it('takes the weights telemetry announces on the bus', async () => {
    const farm = await barnWithBatches();
    const pubsub = createMemoryPubSub();
    const weighIn = await startScaleWeighIn({ db, pubsub, log: createLogger('silent') });
    await pubsub.publish(TOPICS.readingsStored, { readings: [reading(farm, 'weightKg', 0.5, '2026-11-05T03:00:00.000Z')] });
    await weighIn.stop();
    expect(await db.weighSample.count({ where: { batchId: farm.first.id } })).toBe(1);
  });
});
