import { known, unavailable, type KpiValue } from './kpiValue';

/**
 * ADG in g/day = (average weight now − average placement weight) × 1000 / days since placement,
 * with weights in kg. Weights here are already grams, so the × 1000 is done: the result reads
 * in grams per day. A loss of weight gives a negative ADG (that is information, not an error).
 */
export function adgGramsPerDay(averageWeightGrams: number, placementWeightGrams: number, daysSincePlacement: number): KpiValue {
  if (daysSincePlacement <= 0) return unavailable('NO_DAYS_ELAPSED');
  return known((averageWeightGrams - placementWeightGrams) / daysSincePlacement);
}

/** A head count leaving the batch on a day of age (death, cull or sale). */
export interface Removal {
  dayOfAge: number;
  headCount: number;
}

/**
 * Animal-days from placement (day of age 0) up to, not including, `ageDays`: the sum over each
 * day of the animals alive that day. An animal removed on day r lived days 0 … r − 1.
 */
export function animalDays(headCountPlaced: number, removals: Removal[], ageDays: number): number {
  let total = headCountPlaced * Math.max(0, ageDays);
  for (const removal of removals) {
    if (removal.dayOfAge < ageDays) total -= removal.headCount * (ageDays - Math.max(0, removal.dayOfAge));
  }
  return Math.max(0, total);
}

/** ADFI in g/animal/day = feed used (kg) × 1000 / animal-days; feed here is grams already. */
export function adfiGramsPerAnimalPerDay(feedGrams: number, animalDayCount: number): KpiValue {
  if (animalDayCount <= 0) return unavailable('NO_ANIMALS');
  if (feedGrams <= 0) return unavailable('NO_FEED');
  return known(feedGrams / animalDayCount);
}

/**
 * FCR in kg feed per kg live-weight gain = feed used ÷ gain. Both in grams here (the ratio is
 * the same). No feed → NO_FEED; no (or negative) gain → NO_GAIN.
 */
export function fcrKgFeedPerKgGain(feedGrams: number, gainGrams: number): KpiValue {
  if (feedGrams <= 0) return unavailable('NO_FEED');
  if (gainGrams <= 0) return unavailable('NO_GAIN');
  return known(feedGrams / gainGrams);
}

/** What left the batch and what is still in it, all weights in grams. */
export interface LiveWeightBalance {
  headCountPlaced: number;
  placementWeightGrams: number;
  headCountAlive: number;
  /** Average weight of the animals still in the batch; only read when some are alive. */
  averageWeightGrams: number;
  /** Total live weight of animals sold or moved out alive. */
  depletedWeightGrams: number;
  /** Total weight of the animals that died or were culled. */
  deadWeightGrams: number;
}

/**
 * Live-weight gain used by the standard FCR: live weight out (animals present × their average
 * weight + weight sold) − live weight placed (head placed × placement weight). The weight of
 * dead animals is lost, so mortality raises the standard FCR.
 */
export const standardGainGrams = (b: LiveWeightBalance): number =>
  b.headCountAlive * b.averageWeightGrams + b.depletedWeightGrams - b.headCountPlaced * b.placementWeightGrams;

/** Gain used by the mortality-adjusted FCR: the standard gain plus the weight of the animals that died or were culled. */
export const mortalityAdjustedGainGrams = (b: LiveWeightBalance): number => standardGainGrams(b) + b.deadWeightGrams;

/** A known average weight on a day of age (placement, a weigh session). */
export interface WeightPoint {
  dayOfAge: number;
  weightGrams: number;
}

/**
 * The average weight on `dayOfAge` read off known points (sorted by day): linear between two
 * points, the last point's weight after it, the first point's before it. Used to estimate the
 * weight of animals that died unweighed.
 */
export function weightOnDay(points: WeightPoint[], dayOfAge: number): number {
  if (points.length === 0) return 0;
  if (dayOfAge <= points[0]!.dayOfAge) return points[0]!.weightGrams;
  for (let i = 1; i < points.length; i++) {
    const before = points[i - 1]!;
    const after = points[i]!;
    if (dayOfAge <= after.dayOfAge) {
      return before.weightGrams + ((after.weightGrams - before.weightGrams) * (dayOfAge - before.dayOfAge)) / (after.dayOfAge - before.dayOfAge);
    }
  }
  return points[points.length - 1]!.weightGrams;
}
