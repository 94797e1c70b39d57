import type { Batch as BatchRow } from '../../../lib/db/generated/client';
import type { SubgraphContext } from '../../../lib/graphql/context';
import { batchPerformance } from '../formulas/batchPerformance';
import { daysBetween, dateColumnToDay } from '../formulas/dates';
import { rankBatches } from '../formulas/ranking';
import { loadBatchFacts } from '../records/loadFacts';
import { farmToday } from './farmToday';

/** A farm's batches ranked on `asOf` by normalised FCR and ADG; batches placed after `asOf` are left out. */
export async function rankFarmBatches(ctx: SubgraphContext, batches: BatchRow[], asOf: string | null | undefined) {
  if (batches.length === 0) return [];
  // One farm's batches: its local date is every batch's default day.
  const day = asOf ?? (await farmToday(ctx, batches[0]!));
  const placed = batches.filter((batch) => daysBetween(dateColumnToDay(batch.placedOn), day) >= 0);
  const inputs = await Promise.all(
    placed.map(async (batch) => {
      // FCR and ADG need no individual weights, so no session weights are loaded here.
      const kpis = batchPerformance(await loadBatchFacts(ctx, batch), daysBetween(dateColumnToDay(batch.placedOn), day), []);
      return { batchId: batch.id, fcr: kpis.fcrKgFeedPerKgGain.value, adgGramsPerDay: kpis.adgGramsPerDay.value };
    }),
  );
  const byId = new Map(placed.map((batch) => [batch.id, batch]));
  return rankBatches(inputs).map((entry) => ({
    batch: byId.get(entry.batchId)!,
    rank: entry.rank,
    score: entry.score,
    fcrScore: entry.fcrScore,
    adgScore: entry.adgScore,
    fcrKgFeedPerKgGain: entry.fcr,
    adgGramsPerDay: entry.adgGramsPerDay,
  }));
}
