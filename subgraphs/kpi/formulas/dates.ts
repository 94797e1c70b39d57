const DAY_MS = 86_400_000;

/** A farm-local calendar day (YYYY-MM-DD) as a whole day count since 1970-01-01; no time zone is involved. */
export const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** A DATE column's value (midnight UTC of that calendar day) as YYYY-MM-DD. */
export const dateColumnToDay = (value: Date): string => value.toISOString().slice(0, 10);

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export const daysBetween = (from: string, to: string): number => Math.round(dayNumber(to) - dayNumber(from));

/** The calendar day `days` after `date`. */
export const addDays = (date: string, days: number): string => new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);

/** The calendar day (YYYY-MM-DD) an instant falls on in `timeZone` (IANA): a farm-local day. */
export const localDate = (at: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
