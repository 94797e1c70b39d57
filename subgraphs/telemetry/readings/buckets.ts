import { badInput } from '../../../lib/errors';

export type BucketInterval = 'MINUTE' | 'FIVE_MINUTES' | 'FIFTEEN_MINUTES' | 'HOUR' | 'SIX_HOURS' | 'DAY';

/** The most buckets one series query may return. */
export const MAX_BUCKETS = 2000;

/** Fixed-length intervals, in seconds; DAY is a farm-local calendar day instead. */
export const INTERVAL_SECONDS: Record<Exclude<BucketInterval, 'DAY'>, number> = {
  MINUTE: 60,
  FIVE_MINUTES: 300,
  FIFTEEN_MINUTES: 900,
  HOUR: 3600,
  SIX_HOURS: 21600,
};

/** Refuses `from >= to` and ranges that would need more than MAX_BUCKETS buckets. */
export function requireBucketRange(from: Date, to: Date, interval: BucketInterval): void {
  if (!(from.getTime() < to.getTime())) throw badInput('from: must be before to', 'from');
  const seconds = (to.getTime() - from.getTime()) / 1000;
  // A local day is at least 23 hours long, so a range of N days never needs more than N/23h + 1 buckets.
  const buckets = interval === 'DAY' ? Math.ceil(seconds / (23 * 3600)) + 1 : Math.ceil(seconds / INTERVAL_SECONDS[interval]);
  if (buckets > MAX_BUCKETS) {
    throw badInput(
      `interval: ${interval} buckets over this range would be ${buckets}; at most ${MAX_BUCKETS} per query: use a longer interval or a shorter range`,
      'interval',
    );
  }
}

/**
 * SQL for a bucket's start and end, given `$tz` (the farm's zone) and `$origin` (local midnight
 * of the range's first day). Fixed intervals are laid end to end from local midnight; a DAY
 * runs from one local midnight to the next, 23 or 25 hours on DST days.
 */
export function bucketSql(interval: BucketInterval, tzParam: string, originParam: string): { start: string; end: string } {
  if (interval === 'DAY') {
    const localDay = `date_trunc('day', observed_at AT TIME ZONE ${tzParam})`;
    return { start: `(${localDay}) AT TIME ZONE ${tzParam}`, end: `(${localDay} + interval '1 day') AT TIME ZONE ${tzParam}` };
  }
  const step = `interval '${INTERVAL_SECONDS[interval]} seconds'`;
  const start = `date_bin(${step}, observed_at, ${originParam})`;
  return { start, end: `${start} + ${step}` };
}
