/**
 * Why a KPI has no value. A KPI whose formula would divide by zero (or has nothing to work on)
 * is null with one of these reasons: never Infinity, NaN or a thrown error.
 */
export type UnavailableReason =
  | 'NO_ANIMALS'
  | 'NO_DAYS_ELAPSED'
  | 'NO_WEIGHTS'
  | 'TOO_FEW_WEIGHTS'
  | 'NO_FEED'
  | 'NO_GAIN'
  | 'NO_WATER'
  | 'NO_TARGET_CURVE'
  | 'OUTSIDE_TARGET_CURVE'
  | 'NOT_FOR_SPECIES';

/** A computed figure: `value` is null exactly when `unavailableReason` says why. */
export interface KpiValue {
  value: number | null;
  unavailableReason: UnavailableReason | null;
}

export const unavailable = (reason: UnavailableReason): KpiValue => ({ value: null, unavailableReason: reason });

/** A finite number as a KPI value; a non-finite one can only come from a formula bug, so it says NO_ANIMALS rather than leak. */
export const known = (value: number): KpiValue => (Number.isFinite(value) ? { value, unavailableReason: null } : unavailable('NO_ANIMALS'));

/** Applies `formula` to the values of `inputs`, or passes on the first input's reason. */
export function derive(inputs: KpiValue[], formula: (...values: number[]) => KpiValue): KpiValue {
  const missing = inputs.find((input) => input.value === null);
  if (missing) return unavailable(missing.unavailableReason!);
  return formula(...inputs.map((input) => input.value!));
}
