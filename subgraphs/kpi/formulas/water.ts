import { known, unavailable, type KpiValue } from './kpiValue';

/** The water:feed range (litres per kg) outside which broilers raise an alert. */
export const BROILER_WATER_TO_FEED_RANGE = { minLitresPerKg: 1.6, maxLitresPerKg: 2.0 } as const;

export type WaterToFeedStatus = 'IN_RANGE' | 'BELOW_RANGE' | 'ABOVE_RANGE' | 'NO_RANGE' | 'UNKNOWN';

/** Water:feed in litres per kg = water (L) / feed (kg) = millilitres / grams. */
export function waterToFeedLitresPerKg(waterMillilitres: number, feedGrams: number): KpiValue {
  if (feedGrams <= 0) return unavailable('NO_FEED');
  if (waterMillilitres <= 0) return unavailable('NO_WATER');
  return known(waterMillilitres / feedGrams);
}

/** Broilers: outside 1.6–2.0 L/kg is an alert (bounds are in range). Pigs have no range here: NO_RANGE. */
export function waterToFeedStatus(species: 'PIG' | 'BROILER', ratio: KpiValue): WaterToFeedStatus {
  if (species !== 'BROILER') return 'NO_RANGE';
  if (ratio.value === null) return 'UNKNOWN';
  if (ratio.value < BROILER_WATER_TO_FEED_RANGE.minLitresPerKg) return 'BELOW_RANGE';
  if (ratio.value > BROILER_WATER_TO_FEED_RANGE.maxLitresPerKg) return 'ABOVE_RANGE';
  return 'IN_RANGE';
}
