/**
 * How long a device may stay quiet before it counts as silent. A device's cadence is learned from
 * its own history (a moving average of the gaps between its observations); until a few gaps are
 * known its kind's usual reporting period stands in. Silent means three usual gaps without a word:
 * one lost message or a slow batch is not an alarm, a dead sensor is.
 */

/** The usual reporting period of each device kind, before a device's own is learned. */
export const DEFAULT_REPORTING_PERIOD_SECONDS: Readonly<Record<string, number>> = {
  CLIMATE: 60,
  WATER_METER: 300,
  FEED_BIN: 900,
  // A scale reports when an animal stands on it: hours may pass at night.
  SCALE: 4 * 3600,
  GENERIC: 600,
};

/** Silent after this many usual gaps (a farm may choose its own: SilencePolicy). */
export const SILENCE_FACTOR = 3;
/** Never silent sooner than this (batching and clock jitter), never later than a day. */
export const MIN_SILENCE_WINDOW_SECONDS = 120;
export const MAX_SILENCE_WINDOW_SECONDS = 24 * 3600;

/**
 * A farm's own judgement of silence (setFarmSilenceThreshold): a barn on a flaky uplink wants more
 * gaps before anyone is woken, a hatchery fewer. The ceiling of a day holds for every farm.
 */
export interface SilencePolicy {
  /** Silent after this many usual gaps. */
  gapMultiplier: number;
  /** Never silent sooner than this. */
  minSeconds: number;
}

export const DEFAULT_SILENCE_POLICY: SilencePolicy = { gapMultiplier: SILENCE_FACTOR, minSeconds: MIN_SILENCE_WINDOW_SECONDS };
/** The range a farm may choose its multiplier in: below 1.5 one late message would be an alarm. */
export const MIN_GAP_MULTIPLIER = 1.5;
export const MAX_GAP_MULTIPLIER = 20;
/** The range of a farm's minimum, in minutes: at most the one-day ceiling. */
export const MIN_SILENCE_MINUTES = 1;
export const MAX_SILENCE_MINUTES = MAX_SILENCE_WINDOW_SECONDS / 60;
/** The learned gap replaces the kind's default once this many gaps were seen. */
export const GAPS_BEFORE_TRUSTED = 3;
/** Weight of the newest gap in the moving average. */
const SMOOTHING = 0.2;

/** What is known of a device's cadence. */
export interface Cadence {
  intervalSeconds: number | null;
  intervalSamples: number;
}

/** The silence window of a device of `kind` with what is known of its cadence, on a farm judging by `policy`. */
export function silenceWindowSeconds(kind: string, cadence: Cadence, policy: SilencePolicy = DEFAULT_SILENCE_POLICY): number {
  const period =
    cadence.intervalSeconds !== null && cadence.intervalSamples >= GAPS_BEFORE_TRUSTED
      ? cadence.intervalSeconds
      : (DEFAULT_REPORTING_PERIOD_SECONDS[kind] ?? DEFAULT_REPORTING_PERIOD_SECONDS.GENERIC!);
  return Math.min(MAX_SILENCE_WINDOW_SECONDS, Math.max(policy.minSeconds, Math.ceil(policy.gapMultiplier * period)));
}

/**
 * The cadence after the device observed at `observedAtMs` (ascending, any duplicates), the newest
 * observation before them being `lastObservedAtMs` (null: none). A gap longer than the window in
 * force was a silence, not the device's rhythm, and is not learned once the rhythm is trusted;
 * observations not newer than the last one (a late backlog) teach nothing.
 */
export function learnCadence(
  kind: string,
  cadence: Cadence,
  lastObservedAtMs: number | null,
  observedAtMs: readonly number[],
  policy: SilencePolicy = DEFAULT_SILENCE_POLICY,
): Cadence {
  let { intervalSeconds, intervalSamples } = cadence;
  let previous = lastObservedAtMs;
  for (const at of observedAtMs) {
    if (previous !== null && at <= previous) continue;
    if (previous !== null) {
      const gapSeconds = (at - previous) / 1000;
      const window = silenceWindowSeconds(kind, { intervalSeconds, intervalSamples }, policy);
      if (intervalSamples < GAPS_BEFORE_TRUSTED || gapSeconds <= window) {
        intervalSeconds = intervalSeconds === null ? gapSeconds : SMOOTHING * gapSeconds + (1 - SMOOTHING) * intervalSeconds;
        intervalSamples++;
      }
    }
    previous = at;
  }
  return { intervalSeconds, intervalSamples };
}
