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
 * A token bucket over messages with a burst of one second's worth. `take(n)` takes `n` tokens
 * (going into debt if need be: live data is sent regardless and slows what comes after);
 * `delayFor(n)` says how long until `n` could be taken without debt. 0 means no limit.
 */
export function messageRateLimiter(perSecond: number, now: () => number = Date.now) {
  let tokens = perSecond;
  let updatedAt = now();
  const refill = () => {
    const current = now();
    tokens = Math.min(perSecond, tokens + ((current - updatedAt) / 1000) * perSecond);
    updatedAt = current;
  };
  return {
    /** Milliseconds until `n` messages fit the rate. */
    delayFor(n: number): number {
      if (perSecond <= 0) return 0;
      refill();
      return tokens >= n ? 0 : Math.ceil(((n - tokens) / perSecond) * 1000);
    },
    /** Takes `n` messages' worth; returns how long the caller would have had to wait. */
    take(n: number): number {
      if (perSecond <= 0) return 0;
      refill();
      tokens -= n;
      return tokens >= 0 ? 0 : Math.ceil((-tokens / perSecond) * 1000);
    },
  };
}
