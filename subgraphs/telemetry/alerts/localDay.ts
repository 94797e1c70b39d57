/**
 * Farm-local calendar arithmetic for the water-intake rule: where a local day starts, and the
 * same stretch of the previous days, across DST changes (a local day may have 23 or 25 hours).
 */
interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock in `timeZone` at `instant`. */
export function wallClockAt(instant: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: instant.getUTCMilliseconds(),
  };
}

const asUtc = (clock: WallClock) => Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second, clock.millisecond);

/**
 * The instant the wall clock in `timeZone` shows `clock` (the day may overflow: day 0 is the
 * last of the previous month). A time skipped by a DST change lands just after the change.
 */
export function instantOf(clock: WallClock, timeZone: string): Date {
  const target = asUtc(clock);
  // The zone's offset at a guess, corrected once more for a guess on the other side of a change.
  let guess = target;
  for (let i = 0; i < 2; i++) guess = target - (asUtc(wallClockAt(new Date(guess), timeZone)) - guess);
  return new Date(guess);
}

export interface Span {
  from: Date;
  to: Date;
}

/**
 * The stretch of the local day of `at` from local midnight to `at`, and the same stretch (local
 * midnight to the same wall-clock time) of each of the `days` previous local days, newest first.
 */
export function sameSpanOfPreviousDays(at: Date, timeZone: string, days: number): { today: Span; previous: Span[] } {
  const now = wallClockAt(at, timeZone);
  const span = (daysBack: number): Span => ({
    from: instantOf({ ...now, day: now.day - daysBack, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone),
    to: daysBack === 0 ? at : instantOf({ ...now, day: now.day - daysBack }, timeZone),
  });
  return { today: span(0), previous: Array.from({ length: days }, (_, index) => span(index + 1)) };
}
