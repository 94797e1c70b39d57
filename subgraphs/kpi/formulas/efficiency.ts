import { known, unavailable, type KpiValue } from './kpiValue';

/**
 * EPEF (European Production Efficiency Factor, broilers)
 * = livability % × average live weight (kg) / (age in days × FCR) × 100.
 */
export function epef(livabilityPercent: number, averageWeightKg: number, ageDays: number, fcr: number): KpiValue {
  if (ageDays <= 0) return unavailable('NO_DAYS_ELAPSED');
  if (fcr <= 0) return unavailable('NO_FEED');
  return known(((livabilityPercent * averageWeightKg) / (ageDays * fcr)) * 100);
}

/** IEP (the pig equivalent) = ADG (g/day) × (100 − mortality %) / FCR / 10. */
export function iep(adgGramsPerDay: number, mortalityPercent: number, fcr: number): KpiValue {
  if (fcr <= 0) return unavailable('NO_FEED');
  return known((adgGramsPerDay * (100 - mortalityPercent)) / fcr / 10);
}
