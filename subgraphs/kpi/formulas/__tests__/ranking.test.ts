import { normalise, rankBatches } from '../ranking';

describe('normalise', () => {
  it('maps min–max onto 0–1, flipped when lower is better', () => {
    expect(normalise([1.6, 1.8, 1.7], true).map((v) => v!.toFixed(6))).toEqual(['1.000000', '0.000000', '0.500000']);
    expect(normalise([50, 60, null], false)).toEqual([0, 1, null]);
  });

  it('gives 0.5 to every batch when all share a value', () => {
    expect(normalise([1.7, 1.7, 1.7], true)).toEqual([0.5, 0.5, 0.5]);
    expect(normalise([55], false)).toEqual([0.5]);
  });
});

describe('rankBatches', () => {
  it('ranks by the mean of normalised FCR (lower better) and ADG (higher better)', () => {
    // A: FCR 1.6 → 1, ADG 60 → 1, score 1. B: FCR 1.8 → 0, ADG 50 → 0, score 0. C: 1.7 → 0.5, 55 → 0.5, score 0.5.
    const ranked = rankBatches([
      { batchId: 'B', fcr: 1.8, adgGramsPerDay: 50 },
      { batchId: 'A', fcr: 1.6, adgGramsPerDay: 60 },
      { batchId: 'C', fcr: 1.7, adgGramsPerDay: 55 },
    ]);
    expect(ranked.map((r) => [r.batchId, r.rank, Number(r.score!.toFixed(6))])).toEqual([
      ['A', 1, 1],
      ['C', 2, 0.5],
      ['B', 3, 0],
    ]);
  });

  it('scores equal FCRs 0.5 each so ADG alone decides, and shares a rank on equal scores', () => {
    // FCR all 1.7 → 0.5 each. ADG 50 → 0, 60 → 1, 60 → 1. Scores (0.5 + 0)/2 = 0.25 and (0.5 + 1)/2 = 0.75.
    const ranked = rankBatches([
      { batchId: 'slow', fcr: 1.7, adgGramsPerDay: 50 },
      { batchId: 'fast1', fcr: 1.7, adgGramsPerDay: 60 },
      { batchId: 'fast2', fcr: 1.7, adgGramsPerDay: 60 },
    ]);
    expect(ranked.map((r) => [r.batchId, r.rank, r.fcrScore, r.score])).toEqual([
      ['fast1', 1, 0.5, 0.75],
      ['fast2', 1, 0.5, 0.75],
      ['slow', 3, 0.5, 0.25],
    ]);
  });

  it('puts batches without an FCR or ADG last, unranked, without letting them move the scale', () => {
    // Only A and B are scored: A 1, B 0. D's ADG 100 is ignored because its FCR is unknown.
    const ranked = rankBatches([
      { batchId: 'D', fcr: null, adgGramsPerDay: 100 },
      { batchId: 'A', fcr: 1.6, adgGramsPerDay: 60 },
      { batchId: 'B', fcr: 1.8, adgGramsPerDay: 50 },
    ]);
    expect(ranked.map((r) => [r.batchId, r.rank, r.score])).toEqual([
      ['A', 1, 1],
      ['B', 2, 0],
      ['D', null, null],
    ]);
  });
});
