import type { Batch as BatchRow } from '../../../lib/db/generated/client';
import type { SubgraphContext } from '../../../lib/graphql/context';
import { groupByKey, requestLoader } from '../../../lib/graphql/requestLoader';
import type { BatchFacts } from '../formulas/batchPerformance';
import { dateColumnToDay, daysBetween } from '../formulas/dates';

/** A batch's records as stored (dates as YYYY-MM-DD, grams and millilitres as numbers). */
interface StoredRecords {
  mortality: Array<{ on: string; kind: 'DEAD' | 'CULLED'; headCount: number; weightGrams: number | null }>;
  depletions: Array<{ on: string; headCount: number; totalLiveWeightGrams: number }>;
  feed: Array<{ on: string; feedGrams: number }>;
  water: Array<{ on: string; waterMillilitres: number }>;
  health: Array<{ on: string; sickCount: number; treatedCount: number }>;
  weighSessions: Array<{ on: string; sampleCount: number; sumGrams: number }>;
}

/**
 * The records of every batch asked about in one request, six queries in all however many
 * batches (a farm's ranking, a list): weigh samples come summed per day, not one row each.
 */
function recordsLoader(ctx: SubgraphContext, tenantId: string) {
  return requestLoader<StoredRecords>(ctx, 'kpiBatchRecords', async (batchIds) => {
    const where = { tenantId, batchId: { in: [...batchIds] } };
    const [mortality, depletions, feed, water, health, sessions] = await Promise.all([
      ctx.db.mortalityRecord.findMany({ where }),
      ctx.db.depletionRecord.findMany({ where }),
      ctx.db.feedRecord.findMany({ where }),
      ctx.db.waterRecord.findMany({ where }),
      ctx.db.healthRecord.findMany({ where }),
      ctx.db.weighSample.groupBy({ by: ['batchId', 'weighedOn'], where, _count: { _all: true }, _sum: { weightGrams: true } }),
    ]);
    const group = <Row extends { batchId: string }, Out>(rows: Row[], map: (row: Row) => Out) =>
      groupByKey(batchIds, rows, (row) => row.batchId).map((list) => list.map(map));
    const mortalityBy = group(mortality, (r) => ({
      on: dateColumnToDay(r.occurredOn),
      kind: r.kind,
      headCount: r.headCount,
      weightGrams: r.weightGrams === null ? null : Number(r.weightGrams),
    }));
    const depletionsBy = group(depletions, (r) => ({
      on: dateColumnToDay(r.depletedOn),
      headCount: r.headCount,
      totalLiveWeightGrams: Number(r.totalLiveWeightGrams),
    }));
    const feedBy = group(feed, (r) => ({ on: dateColumnToDay(r.recordedOn), feedGrams: Number(r.feedGrams) }));
    const waterBy = group(water, (r) => ({ on: dateColumnToDay(r.recordedOn), waterMillilitres: Number(r.waterMillilitres) }));
    const healthBy = group(health, (r) => ({ on: dateColumnToDay(r.recordedOn), sickCount: r.sickCount, treatedCount: r.treatedCount }));
    const sessionsBy = group(sessions, (r) => ({ on: dateColumnToDay(r.weighedOn), sampleCount: r._count._all, sumGrams: Number(r._sum.weightGrams ?? 0) }));
    return batchIds.map((_id, i) => ({
      mortality: mortalityBy[i]!,
      depletions: depletionsBy[i]!,
      feed: feedBy[i]!,
      water: waterBy[i]!,
      health: healthBy[i]!,
      weighSessions: sessionsBy[i]!,
    }));
  });
}

/** The tenant's target curve points per `species|breed`, one query for all keys of a request. */
function targetCurveLoader(ctx: SubgraphContext, tenantId: string) {
  return requestLoader<Array<{ dayOfAge: number; weightGrams: number }>>(ctx, 'kpiTargetCurves', async (keys) => {
    const pairs = keys.map((key) => key.split('|', 2) as [BatchRow['species'], string]);
    const rows = await ctx.db.targetCurvePoint.findMany({
      where: { tenantId, OR: pairs.map(([species, breed]) => ({ species, breed })) },
      orderBy: { dayOfAge: 'asc' },
    });
    return groupByKey(keys, rows, (row) => `${row.species}|${row.breed}`).map((list) =>
      list.map((row) => ({ dayOfAge: row.dayOfAge, weightGrams: row.weightGrams })),
    );
  });
}

/** Everything recorded against `batch`, by day of age, ready for the formulas. */
export async function loadBatchFacts(ctx: SubgraphContext, batch: BatchRow): Promise<BatchFacts> {
  const placedOn = dateColumnToDay(batch.placedOn);
  const [records, targetCurve] = await Promise.all([
    recordsLoader(ctx, batch.tenantId).load(batch.id),
    batch.breed ? targetCurveLoader(ctx, batch.tenantId).load(`${batch.species}|${batch.breed}`) : Promise.resolve([]),
  ]);
  const age = <T extends { on: string }>(rows: T[]) => rows.map(({ on, ...rest }) => ({ ...rest, dayOfAge: daysBetween(placedOn, on) }));
  return {
    species: batch.species,
    headCountPlaced: batch.headCountPlaced,
    placementWeightGrams: batch.placementWeightGrams,
    mortality: age(records.mortality),
    depletions: age(records.depletions),
    feed: age(records.feed),
    water: age(records.water),
    health: age(records.health),
    weighSessions: age(records.weighSessions),
    targetCurve,
  };
}

/** The individual weights of one batch's weigh session on `weighedOn` (YYYY-MM-DD), batched per request. */
export function loadSessionWeights(ctx: SubgraphContext, batch: BatchRow, weighedOn: string): Promise<number[]> {
  return requestLoader<number[]>(ctx, 'kpiSessionWeights', async (keys) => {
    const pairs = keys.map((key) => key.split('|', 2) as [string, string]);
    const rows = await ctx.db.weighSample.findMany({
      where: { tenantId: batch.tenantId, OR: pairs.map(([batchId, day]) => ({ batchId, weighedOn: new Date(`${day}T00:00:00Z`) })) },
      select: { batchId: true, weighedOn: true, weightGrams: true },
    });
    return groupByKey(keys, rows, (row) => `${row.batchId}|${dateColumnToDay(row.weighedOn)}`).map((list) => list.map((row) => row.weightGrams));
  }).load(`${batch.id}|${weighedOn}`);
}
