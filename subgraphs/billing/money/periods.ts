import type { BillingCycle } from './plans';

/** `date` plus `months` calendar months in UTC; a day the target month lacks becomes its last day (31 Jan + 1 = 28/29 Feb). */
export function addMonthsUtc(date: Date, months: number): Date {
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target;
}

export const cycleMonths = (cycle: BillingCycle): number => (cycle === 'ANNUAL' ? 12 : 1);

/** The end (exclusive) of a period of `cycle` starting at `start`. */
export const periodEnd = (start: Date, cycle: BillingCycle): Date => addMonthsUtc(start, cycleMonths(cycle));

/** `date` with its milliseconds dropped: periods and proration count whole seconds. */
export const wholeSecond = (date: Date): Date => new Date(Math.floor(date.getTime() / 1000) * 1000);
