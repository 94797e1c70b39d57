/** One batch's figures going into a comparison. */
export interface RankingInput {
  batchId: string;
  fcr: number | null;
  adgGramsPerDay: number | null;
}

export interface Ranked extends RankingInput {
  /** 1 for the best score; equal scores share a rank; null when FCR or ADG is unknown. */
  rank: number | null;
  /** (FCR score + ADG score) / 2, from 0 to 1. */
  score: number | null;
  /** (max FCR − FCR) / (max − min): the lowest FCR scores 1. */
  fcrScore: number | null;
  /** (ADG − min ADG) / (max − min): the highest ADG scores 1. */
  adgScore: number | null;
}

/**
 * Min–max normalisation onto 0–1 over the known values; `lowerIsBetter` flips it. When every
 * known value is the same, each scores 0.5 (no batch is better than another).
 */
export function normalise(values: Array<number | null>, lowerIsBetter: boolean): Array<number | null> {
  const known = values.filter((value): value is number => value !== null);
  const min = Math.min(...known);
  const max = Math.max(...known);
  return values.map((value) => {
    if (value === null) return null;
    if (max === min) return 0.5;
    return lowerIsBetter ? (max - value) / (max - min) : (value - min) / (max - min);
  });
}

/** Batches best first by the mean of normalised FCR (lower is better) and ADG (higher is better); unscored ones last. */
export function rankBatches(inputs: RankingInput[]): Ranked[] {
  const scorable = inputs.map((input) => input.fcr !== null && input.adgGramsPerDay !== null);
  const fcrScores = normalise(
    inputs.map((input, i) => (scorable[i] ? input.fcr : null)),
    true,
  );
  const adgScores = normalise(
    inputs.map((input, i) => (scorable[i] ? input.adgGramsPerDay : null)),
    false,
  );
  const scored = inputs.map((input, i) => {
    const fcrScore = fcrScores[i] ?? null;
    const adgScore = adgScores[i] ?? null;
    const score = fcrScore !== null && adgScore !== null ? (fcrScore + adgScore) / 2 : null;
    return { ...input, fcrScore, adgScore, score, rank: null as number | null };
  });
  const order = [...scored].sort((a, b) => (b.score ?? -1) - (a.score ?? -1));
  order.forEach((entry, position) => {
    if (entry.score === null) return;
    const previous = order[position - 1];
    entry.rank = previous && previous.score === entry.score ? previous.rank : position + 1;
  });
  return order;
}
