import { known, unavailable, type KpiValue } from './kpiValue';

/** Spread of one weigh session's individual weights. */
export interface Uniformity {
  sampleCount: number;
  meanWeightGrams: KpiValue;
  /** Sample standard deviation (n − 1) in grams. */
  standardDeviationGrams: KpiValue;
  /** CV % = sample standard deviation / mean × 100. */
  cvPercent: KpiValue;
  /** clamp(100 − CV %, 0, 100). */
  uniformityScore: KpiValue;
  /** % of the weights within ±10 % of the mean (bounds included). */
  withinTenPercentOfMeanPercent: KpiValue;
}

/** Uniformity of a weigh session; fewer than 2 weights give nulls with a reason, never 0. */
export function uniformity(weightsGrams: number[]): Uniformity {
  const n = weightsGrams.length;
  const sum = weightsGrams.reduce((total, weight) => total + weight, 0);
  if (n < 2 || sum <= 0) {
    const reason = n === 0 ? unavailable('NO_WEIGHTS') : unavailable('TOO_FEW_WEIGHTS');
    return {
      sampleCount: n,
      meanWeightGrams: n > 0 ? known(sum / n) : reason,
      standardDeviationGrams: reason,
      cvPercent: reason,
      uniformityScore: reason,
      withinTenPercentOfMeanPercent: reason,
    };
  }
  const mean = sum / n;
  const squares = weightsGrams.reduce((total, weight) => total + (weight - mean) ** 2, 0);
  const sd = Math.sqrt(squares / (n - 1));
  const cv = (sd / mean) * 100;
  // |w − sum/n| ≤ 0.1 × sum/n  ⇔  10 × |w × n − sum| ≤ sum: exact in integers, so a weight on the bound counts.
  const within = weightsGrams.filter((weight) => 10 * Math.abs(weight * n - sum) <= sum).length;
  return {
    sampleCount: n,
    meanWeightGrams: known(mean),
    standardDeviationGrams: known(sd),
    cvPercent: known(cv),
    uniformityScore: known(Math.min(100, Math.max(0, 100 - cv))),
    withinTenPercentOfMeanPercent: known((within / n) * 100),
  };
}
