import type { Batch as BatchRow } from '../../../lib/db/generated/client';
import { badInput } from '../../../lib/errors';
import { dateColumnToDay, daysBetween, todayUtc } from '../formulas/dates';

/** The longest daily series one query may ask for. */
export const MAX_SERIES_DAYS = 1000;

/**
 * The farm-local day a KPI question is about and the batch's day of age on it. Without `asOf`
 * it is today's date in UTC (the kpi subgraph does not know the farm's zone: clients pass the
 * farm-local date). A day before placement is BAD_USER_INPUT.
 */
export function batchAge(batch: BatchRow, asOf: string | null | undefined): { asOf: string; ageDays: number } {
  const placedOn = dateColumnToDay(batch.placedOn);
  const day = asOf ?? todayUtc();
  const ageDays = daysBetween(placedOn, day);
  if (ageDays < 0) throw badInput(`asOf: expected ${placedOn} (the placement day) or later, got ${day}`, 'asOf');
  return { asOf: day, ageDays };
}
