import { uniformity } from '../uniformity';

describe('uniformity of a weigh session', () => {
  it('gives CV %, the score and the share within ±10 % of the mean (bounds included)', () => {
    // 900, 1000, 1100, 1000 g: mean 1000; squared deviations 10,000 + 0 + 10,000 + 0 = 20,000;
    // sample variance 20,000 / 3 = 6,666.67; SD 81.6497 g; CV 8.16497 %; score 100 − 8.16497 = 91.835;
    // ±10 % is 900–1100 g: all four (two on the bounds) → 100 %.
    const result = uniformity([900, 1000, 1100, 1000]);
    expect(result.meanWeightGrams.value).toBe(1000);
    expect(result.standardDeviationGrams.value).toBeCloseTo(81.6497, 4);
    expect(result.cvPercent.value).toBeCloseTo(8.16497, 5);
    expect(result.uniformityScore.value).toBeCloseTo(91.83503, 5);
    expect(result.withinTenPercentOfMeanPercent.value).toBe(100);
  });

  it('counts only the weights within ±10 %', () => {
    // 800, 1000, 1200 g: mean 1000; variance (40,000 + 0 + 40,000) / 2 = 40,000; SD 200; CV 20 %; score 80;
    // only 1000 is within 900–1100 → 1 of 3 = 33.33 %.
    const result = uniformity([800, 1000, 1200]);
    expect(result.cvPercent.value).toBeCloseTo(20, 10);
    expect(result.uniformityScore.value).toBeCloseTo(80, 10);
    expect(result.withinTenPercentOfMeanPercent.value).toBeCloseTo(33.333, 3);
  });

  it('clamps the score to 0 when the CV is above 100 %', () => {
    // 100, 100, 5000 g: mean 1733.33; SD 2829.0; CV 163.2 % → score clamp(100 − 163.2) = 0.
    const result = uniformity([100, 100, 5000]);
    expect(result.cvPercent.value).toBeCloseTo(163.21, 2);
    expect(result.uniformityScore.value).toBe(0);
  });

  it('is null with a reason, not 0, with fewer than 2 weights', () => {
    expect(uniformity([1000]).cvPercent).toEqual({ value: null, unavailableReason: 'TOO_FEW_WEIGHTS' });
    expect(uniformity([1000]).uniformityScore).toEqual({ value: null, unavailableReason: 'TOO_FEW_WEIGHTS' });
    expect(uniformity([]).withinTenPercentOfMeanPercent).toEqual({ value: null, unavailableReason: 'NO_WEIGHTS' });
  });
});
