import {
  adfiGramsPerAnimalPerDay,
  adgGramsPerDay,
  animalDays,
  fcrKgFeedPerKgGain,
  mortalityAdjustedGainGrams,
  standardGainGrams,
  weightOnDay,
  type LiveWeightBalance,
  type WeightPoint,
} from './growth';
import { healthScore, type HealthScore } from './healthScore';
import { latestWeighSession, type WeighSession } from './latestWeighSession';
import { derive, known, unavailable, type KpiValue } from './kpiValue';
import { livabilityPercent, mortalityPercent, survivalRate } from './mortality';
import { epef, iep } from './efficiency';
import { targetDeviationFraction, targetWeightGrams, type TargetPoint } from './targetCurve';
import { uniformity, type Uniformity } from './uniformity';
import { waterToFeedLitresPerKg, waterToFeedStatus, type WaterToFeedStatus } from './water';

/**
 * Everything recorded against a batch, in integer grams / millilitres and days of age (the
 * placement day is day 0). Records after the day asked about are ignored, so late data and
 * "as of" questions are the same computation.
 */
export interface BatchFacts {
  species: 'PIG' | 'BROILER';
  headCountPlaced: number;
  placementWeightGrams: number;
  mortality: Array<{ dayOfAge: number; kind: 'DEAD' | 'CULLED'; headCount: number; weightGrams: number | null }>;
  depletions: Array<{ dayOfAge: number; headCount: number; totalLiveWeightGrams: number }>;
  feed: Array<{ dayOfAge: number; feedGrams: number }>;
  water: Array<{ dayOfAge: number; waterMillilitres: number }>;
  health: Array<{ dayOfAge: number; sickCount: number; treatedCount: number }>;
  /** One entry per weigh session (day): how many weights and their sum. */
  weighSessions: WeighSession[];
  targetCurve: TargetPoint[];
}

export interface BatchPerformance {
  ageDays: number;
  /** Placement to the last animal out, or to `ageDays` while animals remain. */
  durationDays: number;
  deadCount: number;
  culledCount: number;
  depletedCount: number;
  headCountAlive: number;
  feedGrams: number;
  waterMillilitres: number;
  /** The day of age the average weight is from (latest weigh session, or the last sale of a closed batch). */
  weightDayOfAge: number | null;
  averageWeightGrams: KpiValue;
  adgGramsPerDay: KpiValue;
  adfiGramsPerAnimalPerDay: KpiValue;
  fcrKgFeedPerKgGain: KpiValue;
  fcrMortalityAdjustedKgFeedPerKgGain: KpiValue;
  mortalityPercent: KpiValue;
  survivalRate: KpiValue;
  livabilityPercent: KpiValue;
  uniformity: Uniformity;
  health: HealthScore;
  epef: KpiValue;
  iep: KpiValue;
  targetWeightGrams: KpiValue;
  targetDeviationFraction: KpiValue;
  waterToFeedLitresPerKg: KpiValue;
  waterToFeedStatus: WaterToFeedStatus;
}

const sum = <T>(rows: T[], value: (row: T) => number) => rows.reduce((total, row) => total + value(row), 0);

/**
 * The average weights known by day of age, for interpolating the weight of unweighed deaths:
 * placement weight anchors day 0, then each later weigh session's mean.
 */
export function growthPoints(facts: BatchFacts, ageDays: number): WeightPoint[] {
  const sessions = facts.weighSessions
    .filter((session) => session.dayOfAge <= ageDays && session.dayOfAge > 0 && session.sampleCount > 0)
    .sort((a, b) => a.dayOfAge - b.dayOfAge)
    .map((session) => ({ dayOfAge: session.dayOfAge, weightGrams: session.sumGrams / session.sampleCount }));
  return [{ dayOfAge: 0, weightGrams: facts.placementWeightGrams }, ...sessions];
}

/**
 * Every KPI of a batch on day of age `ageDays`, from its records. `latestSessionWeightsGrams`
 * are the individual weights of `latestWeighSession(facts.weighSessions, ageDays)` (uniformity),
 * the same session the average weight comes from.
 */
export function batchPerformance(facts: BatchFacts, ageDays: number, latestSessionWeightsGrams: number[]): BatchPerformance {
  const upTo = <T extends { dayOfAge: number }>(rows: T[]) => rows.filter((row) => row.dayOfAge <= ageDays);
  const mortality = upTo(facts.mortality);
  const depletions = upTo(facts.depletions);
  const deadCount = sum(
    mortality.filter((row) => row.kind === 'DEAD'),
    (row) => row.headCount,
  );
  const culledCount = sum(
    mortality.filter((row) => row.kind === 'CULLED'),
    (row) => row.headCount,
  );
  const depletedCount = sum(depletions, (row) => row.headCount);
  const depletedWeightGrams = sum(depletions, (row) => row.totalLiveWeightGrams);
  const headCountAlive = Math.max(0, facts.headCountPlaced - deadCount - culledCount - depletedCount);
  const feedGrams = sum(upTo(facts.feed), (row) => row.feedGrams);
  const waterMillilitres = sum(upTo(facts.water), (row) => row.waterMillilitres);
  const health = upTo(facts.health);
  const points = growthPoints(facts, ageDays);
  const latestSession = latestWeighSession(facts.weighSessions, ageDays);
  const lastRemovalDay = Math.max(0, ...mortality.map((row) => row.dayOfAge), ...depletions.map((row) => row.dayOfAge));

  // The batch's average weight: its latest weigh session while animals remain; the sale weight once all are gone.
  let averageWeightGrams: KpiValue;
  let weightDayOfAge: number | null = null;
  if (headCountAlive > 0) {
    averageWeightGrams = latestSession ? known(latestSession.sumGrams / latestSession.sampleCount) : unavailable('NO_WEIGHTS');
    weightDayOfAge = latestSession?.dayOfAge ?? null;
  } else if (depletedCount > 0) {
    averageWeightGrams = known(depletedWeightGrams / depletedCount);
    weightDayOfAge = Math.max(...depletions.map((row) => row.dayOfAge));
  } else {
    averageWeightGrams = unavailable('NO_ANIMALS');
  }

  const deadWeightGrams = sum(mortality, (row) => row.weightGrams ?? row.headCount * weightOnDay(points, row.dayOfAge));
  const balance = (average: number): LiveWeightBalance => ({
    headCountPlaced: facts.headCountPlaced,
    placementWeightGrams: facts.placementWeightGrams,
    headCountAlive,
    averageWeightGrams: average,
    depletedWeightGrams,
    deadWeightGrams,
  });
  const fcr = derive([averageWeightGrams], (average) => fcrKgFeedPerKgGain(feedGrams, standardGainGrams(balance(average))));
  const fcrAdjusted = derive([averageWeightGrams], (average) => fcrKgFeedPerKgGain(feedGrams, mortalityAdjustedGainGrams(balance(average))));
  const adg = derive([averageWeightGrams], (average) => adgGramsPerDay(average, facts.placementWeightGrams, weightDayOfAge ?? 0));
  const removals = [...mortality, ...depletions];
  const mortalityPct = mortalityPercent(deadCount, culledCount, facts.headCountPlaced);
  const livability = livabilityPercent(deadCount, culledCount, facts.headCountPlaced);
  const target =
    weightDayOfAge === null ? unavailable(averageWeightGrams.unavailableReason ?? 'NO_WEIGHTS') : targetWeightGrams(facts.targetCurve, weightDayOfAge);
  const waterRatio = waterToFeedLitresPerKg(waterMillilitres, feedGrams);

  return {
    ageDays,
    durationDays: headCountAlive === 0 && removals.length > 0 ? lastRemovalDay : ageDays,
    deadCount,
    culledCount,
    depletedCount,
    headCountAlive,
    feedGrams,
    waterMillilitres,
    weightDayOfAge,
    averageWeightGrams,
    adgGramsPerDay: adg,
    adfiGramsPerAnimalPerDay: adfiGramsPerAnimalPerDay(feedGrams, animalDays(facts.headCountPlaced, removals, ageDays)),
    fcrKgFeedPerKgGain: fcr,
    fcrMortalityAdjustedKgFeedPerKgGain: fcrAdjusted,
    mortalityPercent: mortalityPct,
    survivalRate: survivalRate(deadCount, culledCount, facts.headCountPlaced),
    livabilityPercent: livability,
    uniformity: uniformity(latestSessionWeightsGrams),
    health: healthScore({
      headCountPlaced: facts.headCountPlaced,
      deadAndCulledCount: deadCount + culledCount,
      sickCount: sum(health, (row) => row.sickCount),
      treatedCount: sum(health, (row) => row.treatedCount),
    }),
    epef:
      facts.species === 'BROILER'
        ? derive([livability, averageWeightGrams, fcr], (liv, average, f) => epef(liv, average / 1000, weightDayOfAge ?? 0, f))
        : unavailable('NOT_FOR_SPECIES'),
    iep: facts.species === 'PIG' ? derive([adg, mortalityPct, fcr], (a, m, f) => iep(a, m, f)) : unavailable('NOT_FOR_SPECIES'),
    targetWeightGrams: target,
    targetDeviationFraction: derive([averageWeightGrams, target], (actual, targetGrams) => targetDeviationFraction(actual, targetGrams)),
    waterToFeedLitresPerKg: waterRatio,
    waterToFeedStatus: waterToFeedStatus(facts.species, waterRatio),
  };
}
