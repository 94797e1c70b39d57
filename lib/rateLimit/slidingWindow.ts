import { ErrorCode, userError } from '../errors';
import type { RateLimitStore } from './store';

/** How far back failures count: a limited caller can try again 15 minutes after its oldest counted failure. */
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

/**
 * Refuses with RATE_LIMITED (and the seconds until a retry can succeed) when any key has
 * reached its limit in the sliding window.
 */
export async function assertNotRateLimited(store: RateLimitStore, limits: Array<{ key: string; max: number }>, now = new Date()): Promise<void> {
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS);
  for (const { key, max } of limits) {
    const failures = await store.recentFailures(key, since, max);
    if (failures.length >= max) {
      const oldestCounted = failures[failures.length - 1]!;
      const retryAfterSeconds = Math.max(1, Math.ceil((oldestCounted.getTime() + FAILURE_WINDOW_MS - now.getTime()) / 1000));
      throw userError(ErrorCode.RateLimited, `Too many failed attempts; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
    }
  }
}

/** Records one failure under each key, and forgets those keys' failures that left the window. */
export const recordFailure = (store: RateLimitStore, keys: string[], now = new Date()): Promise<void> =>
  store.record(keys, now, new Date(now.getTime() - FAILURE_WINDOW_MS));

export const clearFailures = (store: RateLimitStore, key: string): Promise<void> => store.clear(key);
