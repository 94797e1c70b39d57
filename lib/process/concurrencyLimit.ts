/**
 * Runs at most `max` of the given tasks at once; the others wait their turn in order. For a burst
 * that would otherwise hit a downstream pool all at once (thousands of dashboards reconnecting
 * after a gateway restart each asking a subgraph to check their subscription).
 */
export function concurrencyLimit(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
