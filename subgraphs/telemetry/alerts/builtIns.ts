import type { ConditionRule } from './conditionState';
import { HEAT_STRESS_CLEAR_MARGIN, HEAT_STRESS_THI, type Species } from './thi';

export type BuiltInKind = 'HEAT_STRESS_THI' | 'AMMONIA_HIGH' | 'WATER_INTAKE_DROP';

export interface BuiltInRule extends ConditionRule {
  kind: BuiltInKind;
  /** What the alert's values measure (a derived metric for THI and the water drop). */
  metric: string;
}

/** Ammonia above 25 ppm (the common exposure limit for people and the welfare limit in barns) for 10 minutes; clears at 20 ppm. */
export const AMMONIA_HIGH: BuiltInRule = {
  kind: 'AMMONIA_HIGH',
  metric: 'ammoniaPpm',
  comparison: 'ABOVE',
  threshold: 25,
  clearThreshold: 20,
  minDurationSeconds: 600,
};

/** Water intake 20 % or more below the previous three days' (see waterIntake.ts); clears within 10 %. */
export const WATER_INTAKE_DROP: BuiltInRule = {
  kind: 'WATER_INTAKE_DROP',
  metric: 'waterIntakeDropPercent',
  comparison: 'ABOVE',
  threshold: 20,
  clearThreshold: 10,
  minDurationSeconds: 0,
  inclusive: true,
};

/** THI at or above the species' heat-stress threshold for 10 minutes; clears 2 points below it. */
export function heatStressRule(species: Species): BuiltInRule {
  const threshold = HEAT_STRESS_THI[species];
  return {
    kind: 'HEAT_STRESS_THI',
    metric: 'temperatureHumidityIndex',
    comparison: 'ABOVE',
    threshold,
    clearThreshold: threshold - HEAT_STRESS_CLEAR_MARGIN,
    minDurationSeconds: 600,
    inclusive: true,
  };
}
