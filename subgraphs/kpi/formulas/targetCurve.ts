import { known, unavailable, type KpiValue } from './kpiValue';

/** A point of a tenant's target growth curve. */
export interface TargetPoint {
  dayOfAge: number;
  weightGrams: number;
}

/**
 * The target weight in grams on `dayOfAge`: the point of that day, or linear between the two
 * points around it. Outside the curve's first and last day there is no target.
 */
export function targetWeightGrams(curve: TargetPoint[], dayOfAge: number): KpiValue {
  if (curve.length === 0) return unavailable('NO_TARGET_CURVE');
  const points = [...curve].sort((a, b) => a.dayOfAge - b.dayOfAge);
  if (dayOfAge < points[0]!.dayOfAge || dayOfAge > points[points.length - 1]!.dayOfAge) return unavailable('OUTSIDE_TARGET_CURVE');
  for (let i = 0; i < points.length; i++) {
    const point = points[i]!;
    if (point.dayOfAge === dayOfAge) return known(point.weightGrams);
    const next = points[i + 1];
    if (next && dayOfAge < next.dayOfAge) {
      return known(point.weightGrams + ((next.weightGrams - point.weightGrams) * (dayOfAge - point.dayOfAge)) / (next.dayOfAge - point.dayOfAge));
    }
  }
  return unavailable('OUTSIDE_TARGET_CURVE');
}

/**
 * Deviation from target = (actual − target) / target, as a fraction: both arguments in grams,
 * so the units cancel. A zero target has no deviation.
 */
export function targetDeviationFraction(actualGrams: number, targetGrams: number): KpiValue {
  if (targetGrams <= 0) return unavailable('NO_TARGET_CURVE');
  return known((actualGrams - targetGrams) / targetGrams);
}
