import type { BucketInterval } from '../gql/graphql';

export type RangeKey = '1h' | '24h' | '7d' | '30d' | 'batch' | 'custom';
export const RANGE_KEYS: readonly RangeKey[] = ['1h', '24h', '7d', '30d', 'batch', 'custom'];

const HOUR_MS = 3_600_000;
const SPAN_MS: Record<'1h' | '24h' | '7d' | '30d', number> = { '1h': HOUR_MS, '24h': 24 * HOUR_MS, '7d': 7 * 24 * HOUR_MS, '30d': 30 * 24 * HOUR_MS };

/** The API's bucket sizes, smallest first, in seconds (DAY as 24 h: only for counting). */
const INTERVALS: ReadonlyArray<[BucketInterval, number]> = [
  ['MINUTE', 60],
  ['FIVE_MINUTES', 300],
  ['FIFTEEN_MINUTES', 900],
  ['HOUR', 3600],
  ['SIX_HOURS', 21_600],
  ['DAY', 86_400],
];

/**
 * At most this many buckets per chart: about one per pixel column of a desktop chart. Beyond
 * that a chart is not sharper, only slower (the API would allow 2000).
 */
export const MAX_POINTS = 1000;

export interface TimeWindow {
  from: Date;
  to: Date;
  interval: BucketInterval;
  intervalSeconds: number;
}

/** The smallest bucket that keeps the window at or under MAX_POINTS buckets. */
export function intervalFor(spanMs: number): [BucketInterval, number] {
  return INTERVALS.find(([, seconds]) => spanMs / 1000 / seconds <= MAX_POINTS) ?? INTERVALS[INTERVALS.length - 1]!;
}

/** The window of a range key at `nowMs`; the rolling ones end a minute ahead so fresh buckets count. */
export function windowFor(range: RangeKey, nowMs: number, custom: { from?: string; to?: string }, batchPlacedOn?: string): TimeWindow | undefined {
  let from: number;
  let to = nowMs + 60_000;
  if (range === 'batch') {
    if (!batchPlacedOn) return undefined;
    from = new Date(`${batchPlacedOn}T00:00:00Z`).getTime() - 24 * HOUR_MS;
  } else if (range === 'custom') {
    if (!custom.from || !custom.to) return undefined;
    from = new Date(custom.from).getTime();
    to = new Date(custom.to).getTime();
    if (!(from < to)) return undefined;
  } else {
    from = nowMs - SPAN_MS[range];
  }
  const [interval, intervalSeconds] = intervalFor(to - from);
  return { from: new Date(from), to: new Date(to), interval, intervalSeconds };
}

/**
 * How often live readings are wanted per device and metric: a sixtieth of the bucket width
 * (1 s for the hour's 1-minute buckets, 60 s for 30 days of hours), so the newest bucket fills
 * visibly without flooding a long range with points it cannot show.
 */
export const liveEverySeconds = (intervalSeconds: number): number => Math.max(1, Math.min(3600, Math.round(intervalSeconds / 60)));
