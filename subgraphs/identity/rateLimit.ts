import { ErrorCode, userError } from '../../lib/errors';
import type { RateLimitStore } from './rateLimitStore';

/** Failed logins allowed per account in the window; the next one is RATE_LIMITED. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Per client address: higher, since one office or NAT may hold many users. */
export const MAX_FAILURES_PER_ADDRESS = 20;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

export const accountKey = (email: string) => `account:${email.toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;

/**
 * Refuses with RATE_LIMITED (and the seconds until a retry can succeed) when either key has
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
