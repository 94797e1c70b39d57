import type { Batch as BatchRow } from '../../../lib/db/generated/client';
import type { SubgraphContext } from '../../../lib/graphql/context';
import type { BatchDay, BatchPerformance as BatchPerformanceView, KpiValue as KpiValueView } from '../__generated__/resolvers-types';
import { batchPerformance } from '../formulas/batchPerformance';
import { dailySeries } from '../formulas/dailySeries';
import { addDays, dateColumnToDay } from '../formulas/dates';
import type { KpiValue } from '../formulas/kpiValue';
import { latestWeighSession } from '../formulas/latestWeighSession';
import { loadBatchFacts, loadSessionWeights } from '../records/loadFacts';
import { gramsToKilograms } from '../weight';
import { batchAge, MAX_SERIES_DAYS } from './asOf';
import { farmToday } from './farmToday';

/** A KPI value converted (grams → kg, fraction → %); a missing value keeps its reason. */
const converted = (kpi: KpiValue, convert: (value: number) => number): KpiValueView => ({
  value: kpi.value === null ? null : convert(kpi.value),
  unavailableReason: kpi.unavailableReason,
});
// Dividing by 1000 (not multiplying by 0.001) reads 2222 g as exactly 2.222 kg.
const inKg = (kpi: KpiValue) => converted(kpi, gramsToKilograms);
const inPercent = (kpi: KpiValue) => converted(kpi, (fraction) => fraction * 100);

/** Every KPI of `batch` on `asOf`, in the API's units. */
export async function performanceOf(ctx: SubgraphContext, batch: BatchRow, asOfArg: string | null | undefined): Promise<BatchPerformanceView> {
  const { asOf, ageDays } = batchAge(batch, asOfArg, await farmToday(ctx, batch));
  const facts = await loadBatchFacts(ctx, batch);
  const placedOn = dateColumnToDay(batch.placedOn);
  // Uniformity reads the individual weights of the very session the average weight comes from.
  const latestSessionDay = latestWeighSession(facts.weighSessions, ageDays)?.dayOfAge ?? null;
  const weights = latestSessionDay === null ? [] : await loadSessionWeights(ctx, batch, addDays(placedOn, latestSessionDay));
  const kpis = batchPerformance(facts, ageDays, weights);
  return {
    asOf,
    ageDays,
    durationDays: kpis.durationDays,
    deadCount: kpis.deadCount,
    culledCount: kpis.culledCount,
    depletedCount: kpis.depletedCount,
    headCountAlive: kpis.headCountAlive,
    feedKg: gramsToKilograms(kpis.feedGrams),
    waterLitres: kpis.waterMillilitres / 1000,
    weighedOn: kpis.weightDayOfAge === null ? null : addDays(placedOn, kpis.weightDayOfAge),
    averageWeightKg: inKg(kpis.averageWeightGrams),
    adgGramsPerDay: kpis.adgGramsPerDay,
    adfiGramsPerAnimalPerDay: kpis.adfiGramsPerAnimalPerDay,
    fcrKgFeedPerKgGain: kpis.fcrKgFeedPerKgGain,
    fcrMortalityAdjustedKgFeedPerKgGain: kpis.fcrMortalityAdjustedKgFeedPerKgGain,
    mortalityPercent: kpis.mortalityPercent,
    survivalRate: kpis.survivalRate,
    livabilityPercent: kpis.livabilityPercent,
    uniformity: {
      weighedOn: latestSessionDay === null ? null : addDays(placedOn, latestSessionDay),
      sampleCount: kpis.uniformity.sampleCount,
      meanWeightKg: inKg(kpis.uniformity.meanWeightGrams),
      standardDeviationKg: inKg(kpis.uniformity.standardDeviationGrams),
      cvPercent: kpis.uniformity.cvPercent,
      uniformityScore: kpis.uniformity.uniformityScore,
      withinTenPercentOfMeanPercent: kpis.uniformity.withinTenPercentOfMeanPercent,
    },
    health: kpis.health,
    epef: kpis.epef,
    iep: kpis.iep,
    targetWeightKg: inKg(kpis.targetWeightGrams),
    targetDeviationPercent: inPercent(kpis.targetDeviationFraction),
    waterToFeedLitresPerKg: kpis.waterToFeedLitresPerKg,
    waterToFeedStatus: kpis.waterToFeedStatus,
  };
}

/** The batch day by day from placement to `asOf`, in the API's units. */
export async function dailySeriesOf(ctx: SubgraphContext, batch: BatchRow, asOfArg: string | null | undefined): Promise<BatchDay[]> {
  const { ageDays } = batchAge(batch, asOfArg, await farmToday(ctx, batch), MAX_SERIES_DAYS);
  const placedOn = dateColumnToDay(batch.placedOn);
  const days = dailySeries(await loadBatchFacts(ctx, batch), ageDays);
  return days.map((day) => ({
    date: addDays(placedOn, day.dayOfAge),
    dayOfAge: day.dayOfAge,
    deadCount: day.deadCount,
    culledCount: day.culledCount,
    depletedCount: day.depletedCount,
    headCountAlive: day.headCountAlive,
    cumulativeMortalityPercent: day.cumulativeMortalityPercent,
    feedKg: gramsToKilograms(day.feedGrams),
    waterLitres: day.waterMillilitres / 1000,
    averageWeightKg: day.averageWeightGrams === null ? null : gramsToKilograms(day.averageWeightGrams),
    sampleCount: day.sampleCount,
    targetWeightKg: inKg(day.targetWeightGrams),
    targetDeviationPercent: inPercent(day.targetDeviationFraction),
  }));
}
