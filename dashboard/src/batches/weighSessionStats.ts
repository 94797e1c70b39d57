/**
 * A weigh session's figures as the batch page shows them, by the kpi subgraph's definitions
 * (subgraphs/kpi/formulas/uniformity.ts): CV % = sample standard deviation / mean × 100; within
 * ±10 % = share of weights no further than a tenth of the mean from it. Null below 2 weights.
 */
export interface SessionStats {
  cvPercent: number | null;
  withinTenPercentOfMeanPercent: number | null;
}

export function sessionStats(weightsKg: readonly number[]): SessionStats {
  const n = weightsKg.length;
  const sum = weightsKg.reduce((total, weight) => total + weight, 0);
  if (n < 2 || sum <= 0) return { cvPercent: null, withinTenPercentOfMeanPercent: null };
  const mean = sum / n;
  const sd = Math.sqrt(weightsKg.reduce((total, weight) => total + (weight - mean) ** 2, 0) / (n - 1));
  // |w − sum/n| ≤ 0.1 × sum/n ⇔ 10 × |w × n − sum| ≤ sum (the subgraph's exact form); a hair of slack for kg decimals.
  const within = weightsKg.filter((weight) => 10 * Math.abs(weight * n - sum) <= sum * (1 + 1e-9)).length;
  return { cvPercent: (sd / mean) * 100, withinTenPercentOfMeanPercent: (within / n) * 100 };
}

/** One bar of a histogram: weights in [fromKg, toKg) (the last bar includes its upper bound). */
export interface HistogramBin {
  fromKg: number;
  toKg: number;
  count: number;
}

/** Weights in bins of `binKg` (0.1 kg: a broiler scale's useful step), from the bin holding the lightest to the heaviest's. */
export function histogram(weightsKg: readonly number[], binKg = 0.1): HistogramBin[] {
  if (weightsKg.length === 0) return [];
  // Work in tenths of a bin to keep 2.2 / 0.1 from landing in the bin below.
  const index = (weight: number) => Math.floor(Math.round((weight / binKg) * 1000) / 1000);
  const first = index(Math.min(...weightsKg));
  const last = index(Math.max(...weightsKg));
  const bins = Array.from({ length: last - first + 1 }, (_, i): HistogramBin => ({ fromKg: (first + i) * binKg, toKg: (first + i + 1) * binKg, count: 0 }));
  for (const weight of weightsKg) bins[index(weight) - first]!.count += 1;
  return bins;
}
