import type { Logger } from './logger';

/**
 * A pass of work run on a timer and on demand, one at a time: a pass asked for while one runs
 * starts after it, a failed pass is logged and answered with `fallback`, and the timer counts from
 * the end of a pass (a slow pass never overlaps the next). Used by the delivery worker and the
 * silence watcher.
 */
export interface PeriodicPass<T> {
  /** Runs a pass after the one in hand; resolves with its result (`fallback` if it failed). */
  runOnce(): Promise<T>;
  /** Stops the timer and waits for the pass in hand. */
  stop(): Promise<void>;
}

export interface PeriodicPassOptions<T> {
  run(): Promise<T>;
  /** The wait between the end of one pass and the start of the next; 0: only `runOnce` (tests). */
  intervalMs?: number;
  log: Logger;
  /** Logged with the error when a pass throws. */
  failureMessage: string;
  /** What a failed pass resolves with. */
  fallback: T;
}

export function startPeriodicPass<T>(options: PeriodicPassOptions<T>): PeriodicPass<T> {
  let pass: Promise<T> = Promise.resolve(options.fallback);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const runOnce = () => {
    pass = pass
      .catch(() => options.fallback)
      .then(options.run)
      .catch((error) => {
        options.log.error({ err: error }, options.failureMessage);
        return options.fallback;
      });
    return pass;
  };
  if (options.intervalMs) {
    const tick = () => {
      void runOnce().finally(() => {
        if (!stopped) timer = setTimeout(tick, options.intervalMs);
      });
    };
    timer = setTimeout(tick, options.intervalMs);
  }
  return {
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await pass;
    },
  };
}
