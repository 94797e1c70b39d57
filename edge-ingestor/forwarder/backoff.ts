/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And
 * Jitter"): a random pause between 0 and min(maxMs, baseMs * 2^attempt), so many edges that lost
 * the cloud at once do not come back in lock-step.
 */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(random() * ceiling);
}

/**
 * A token bucket over messages: `take(n)` waits until `n` messages may be sent at
 * `perSecond`, with a burst of one second's worth. 0 means no limit.
 */
export function messageRateLimiter(perSecond: number, now: () => number = Date.now) {
  let tokens = perSecond;
  let updatedAt = now();
  return {
    /** How long to wait before sending `n` messages; the tokens are taken. */
    take(n: number): number {
      if (perSecond <= 0) return 0;
      const current = now();
      tokens = Math.min(perSecond, tokens + ((current - updatedAt) / 1000) * perSecond);
      updatedAt = current;
      tokens -= n;
      return tokens >= 0 ? 0 : Math.ceil((-tokens / perSecond) * 1000);
    },
  };
}
