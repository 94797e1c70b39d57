import { known, unavailable, type KpiValue } from './kpiValue';

/** Mortality % = (dead + culled) / placed × 100. */
export function mortalityPercent(deadCount: number, culledCount: number, headCountPlaced: number): KpiValue {
  if (headCountPlaced <= 0) return unavailable('NO_ANIMALS');
  return known(((deadCount + culledCount) / headCountPlaced) * 100);
}

/** Survival rate (a fraction 0–1) = 1 − (dead + culled) / placed. */
export function survivalRate(deadCount: number, culledCount: number, headCountPlaced: number): KpiValue {
  if (headCountPlaced <= 0) return unavailable('NO_ANIMALS');
  return known(1 - (deadCount + culledCount) / headCountPlaced);
}

/** Livability % = 100 − mortality %. */
export function livabilityPercent(deadCount: number, culledCount: number, headCountPlaced: number): KpiValue {
  const mortality = mortalityPercent(deadCount, culledCount, headCountPlaced);
  return mortality.value === null ? mortality : known(100 - mortality.value);
}
