import type { Batch as BatchRow } from '../../../lib/db/generated/client';
import { badInput } from '../../../lib/errors';
import { addDays, dateColumnToDay, daysBetween } from '../formulas/dates';

/** The longest daily series one query may ask for. */
export const MAX_SERIES_DAYS = 1000;

/**
 * The farm-local day a KPI question is about and the batch's day of age on it. Without `asOf`
 * it is `farmToday` (today's date in the farm's time zone, see farmToday.ts), held within the
 * placement day and `maxDays` after it so that a batch placed in the future or long ago still
 * answers. A given `asOf` before placement, or more than `maxDays` after it, is BAD_USER_INPUT.
 */
export function batchAge(batch: BatchRow, asOf: string | null | undefined, farmToday: string, maxDays = Infinity): { asOf: string; ageDays: number } {
  const placedOn = dateColumnToDay(batch.placedOn);
  if (asOf == null) {
    const ageDays = Math.min(Math.max(0, daysBetween(placedOn, farmToday)), maxDays);
    return { asOf: addDays(placedOn, ageDays), ageDays };
  }
  const ageDays = daysBetween(placedOn, asOf);
  if (ageDays < 0) throw badInput(`asOf: expected ${placedOn} (the placement day) or later, got ${asOf}`, 'asOf');
  if (ageDays > maxDays) throw badInput(`asOf: expected at most ${maxDays} days after ${placedOn}, got ${ageDays} days (${asOf})`, 'asOf');
  return { asOf, ageDays };
}
