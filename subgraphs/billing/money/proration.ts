import { divideHalfEven, toMinor } from './rounding';

export interface Period {
  start: Date;
  end: Date;
}

/** Whole seconds from `at` to the end of the period (0 after it, the whole period before it). */
export function remainingSeconds(period: Period, at: Date): number {
  const totalSeconds = periodSeconds(period);
  const remaining = Math.floor((period.end.getTime() - at.getTime()) / 1000);
  return Math.min(totalSeconds, Math.max(0, remaining));
}

export const periodSeconds = (period: Period): number => Math.floor((period.end.getTime() - period.start.getTime()) / 1000);

/**
 * The share of `periodAmountMinor` for the seconds left in the period after `at`:
 * amount × remaining ÷ total, rounded half-even once.
 */
export function prorateMinor(periodAmountMinor: number, period: Period, at: Date): number {
  const total = periodSeconds(period);
  if (total <= 0) throw new RangeError('a period must last at least one second');
  return toMinor(divideHalfEven(BigInt(periodAmountMinor) * BigInt(remainingSeconds(period, at)), BigInt(total)));
}
