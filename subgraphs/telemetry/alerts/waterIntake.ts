import type { Span } from './localDay';

/** Days of history the water-intake baseline averages. */
export const BASELINE_DAYS = 3;
/** Before this much of the local day has passed, volumes are too small to compare. */
export const MIN_SPAN_MS = 60 * 60 * 1000;

export interface SpanVolume {
  span: Span;
  litres: number;
  /** Readings in the span: a day without any is missing data, not zero intake. */
  readings: number;
}

/**
 * How much less water the barn drank today than usual, in percent (negative when more):
 * today's litres from local midnight up to now, against the average of the same local-time span
 * of each of the previous three days. Null when it cannot be judged: less than an hour of the
 * day has passed, one of the previous days has no water readings, or they add up to nothing.
 */
export function waterIntakeDropPercent(today: SpanVolume, previous: readonly SpanVolume[]): number | null {
  if (today.span.to.getTime() - today.span.from.getTime() < MIN_SPAN_MS) return null;
  if (previous.length < BASELINE_DAYS || previous.some((day) => day.readings === 0)) return null;
  const baseline = previous.reduce((sum, day) => sum + day.litres, 0) / previous.length;
  if (baseline <= 0) return null;
  return ((baseline - today.litres) / baseline) * 100;
}
