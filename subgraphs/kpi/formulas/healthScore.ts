import { known, unavailable, type KpiValue } from './kpiValue';

/** The health score and the parts it is made of, so a manager can see what pulled it down. */
export interface HealthScore {
  /** 0.4 × mortality component + 0.3 × morbidity component + 0.3 × treatment component (0–100). */
  score: KpiValue;
  /** (dead + culled) / placed. */
  mortalityFraction: KpiValue;
  /** Sick cases / placed. */
  morbidityFraction: KpiValue;
  /** Treatments / placed. */
  treatmentFraction: KpiValue;
  /** max(0, 100 − mortality fraction × 1000). */
  mortalityComponent: KpiValue;
  /** max(0, 100 − morbidity fraction × 100). */
  morbidityComponent: KpiValue;
  /** max(0, 100 − treatment fraction × 100). */
  treatmentComponent: KpiValue;
}

export const HEALTH_WEIGHTS = { mortality: 0.4, morbidity: 0.3, treatment: 0.3 } as const;

export function healthScore(input: { headCountPlaced: number; deadAndCulledCount: number; sickCount: number; treatedCount: number }): HealthScore {
  if (input.headCountPlaced <= 0) {
    const none = unavailable('NO_ANIMALS');
    return {
      score: none,
      mortalityFraction: none,
      morbidityFraction: none,
      treatmentFraction: none,
      mortalityComponent: none,
      morbidityComponent: none,
      treatmentComponent: none,
    };
  }
  const mortalityFraction = input.deadAndCulledCount / input.headCountPlaced;
  const morbidityFraction = input.sickCount / input.headCountPlaced;
  const treatmentFraction = input.treatedCount / input.headCountPlaced;
  const mortalityComponent = Math.max(0, 100 - mortalityFraction * 1000);
  const morbidityComponent = Math.max(0, 100 - morbidityFraction * 100);
  const treatmentComponent = Math.max(0, 100 - treatmentFraction * 100);
  const score = HEALTH_WEIGHTS.mortality * mortalityComponent + HEALTH_WEIGHTS.morbidity * morbidityComponent + HEALTH_WEIGHTS.treatment * treatmentComponent;
  return {
    score: known(score),
    mortalityFraction: known(mortalityFraction),
    morbidityFraction: known(morbidityFraction),
    treatmentFraction: known(treatmentFraction),
    mortalityComponent: known(mortalityComponent),
    morbidityComponent: known(morbidityComponent),
    treatmentComponent: known(treatmentComponent),
  };
}
