/** A weigh session: the weights taken on one day of age, counted and summed in grams. */
export interface WeighSession {
  dayOfAge: number;
  sampleCount: number;
  sumGrams: number;
}

/**
 * The one definition of "the latest weigh session" every KPI reads (average weight, ADG, FCR,
 * EPEF, target deviation and uniformity): the session with weights on the latest day of age
 * from the placement day (day 0, included) to `ageDays`.
 */
export function latestWeighSession(sessions: readonly WeighSession[], ageDays: number): WeighSession | null {
  let latest: WeighSession | null = null;
  for (const session of sessions) {
    if (session.sampleCount <= 0 || session.dayOfAge < 0 || session.dayOfAge > ageDays) continue;
    if (!latest || session.dayOfAge > latest.dayOfAge) latest = session;
  }
  return latest;
}
