/** The first retry waits this long; each later one twice as long as the one before. */
export const FIRST_RETRY_MS = 30_000;
/** No retry waits longer than this. */
export const MAX_RETRY_MS = 60 * 60_000;
/** A delivery that has failed this long after it was written is given up (and its webhook endpoint disabled). */
export const RETRY_WINDOW_MS = 24 * 60 * 60_000;

/** The wait before the next try after `attempts` failed tries (1, 2, ...): 30 s, 1 min, 2 min, ... capped at 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}
