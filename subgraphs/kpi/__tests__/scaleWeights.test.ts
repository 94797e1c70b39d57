import { randomUUID } from 'node:crypto';
import type { Database } from '../../../lib/db/database';
import type { PrismaClient } from '../../../lib/db/generated/client';
import { appendEvent } from '../../../lib/events/outbox';
import { READINGS_STORED, type ReadingEvent } from '../../../lib/events/topics';
import { createLogger } from '../../../lib/logger';
import type { Consumer } from '../../../lib/events/consumer';
import { startTopologyReadModel } from '../../../lib/topology/startTopologyReadModel';
import { migratedDatabase } from '../../../tests/support/database';
import { backends } from '../../../tests/support/postgres';
import { recordScaleWeights, startScaleWeighIn } from '../records/scaleWeights';

describe.each(backends())('scale weights into weigh sessions on %s', (backend) => {
  let db: PrismaClient;
  let database: Database;
  let close: () => Promise<void>;
  let topology: Consumer | undefined;
  beforeAll(async () => {
    const opened = await migratedDatabase(backend);
    database = opened.db;
    db = opened.db.prisma;
    close = opened.close;
    // The kpi worker that keeps its read model of devices' topology (the farms and barns made below).
    topology = await startTopologyReadModel({ sql: database.sql, log: createLogger('silent'), schema: 'kpi' });
  });
  afterAll(async () => {
    await topology?.stop();
    await close?.();
  });

  /** A Bangkok (UTC+7) farm with a barn and two batches placed in it, on 1 and 20 November. */
  async function barnWithBatches() {
    const tenantId = randomUUID();
    const farm = await db.farm.create({ data: { tenantId, name: 'Farm', timeZone: 'Asia/Bangkok' } });
    const barn = await db.barn.create({ data: { tenantId, farmId: farm.id, name: 'House', species: 'BROILER', capacityHead: 100 } });
    const batch = (placedOn: string) =>
      db.batch.create({
        data: {
          tenantId,
          farmId: farm.id,
          barnId: barn.id,
          species: 'BROILER',
          placedOn: new Date(`${placedOn}T00:00:00Z`),
          headCountPlaced: 100,
          placementWeightGrams: 42,
        },
      });
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
    const samples = await db.weighSample.findMany({
      where: { tenantId: farm.tenantId },
      orderBy: { weightGrams: 'asc' },
      select: { batchId: true, weighedOn: true, weightGrams: true, source: true },
    });
    expect(samples).toEqual([
      { batchId: farm.first.id, weighedOn: new Date('2026-11-19T00:00:00Z'), weightGrams: 900, source: 'SCALE' },
      { batchId: farm.second.id, weighedOn: new Date('2026-11-20T00:00:00Z'), weightGrams: 1250, source: 'SCALE' },
    ]);
  });

  it('takes the weights telemetry writes to the outbox, each once however often it is delivered', async () => {
    const farm = await barnWithBatches();
    const weight = reading(farm, 'weightKg', 0.5, '2026-11-05T03:00:00.000Z');
    await recordScaleWeights(db, [weight]);
    const weighIn = await startScaleWeighIn({ db: database, log: createLogger('silent') });
    try {
      await database.sql.transaction((tx) =>
        appendEvent(tx, READINGS_STORED, { readings: [weight, reading(farm, 'weightKg', 0.6, '2026-11-05T04:00:00.000Z')] }),
      );
      await weighIn.drain();
    } finally {
      await weighIn.stop();
    }
    expect((await db.weighSample.findMany({ where: { batchId: farm.first.id }, orderBy: { weightGrams: 'asc' } })).map((sample) => sample.weightGrams)).toEqual(
      [500, 600],
    );
  });
});
