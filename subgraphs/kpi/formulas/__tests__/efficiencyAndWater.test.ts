import { epef, iep } from '../efficiency';
import { targetDeviationFraction, targetWeightGrams } from '../targetCurve';
import { waterToFeedLitresPerKg, waterToFeedStatus } from '../water';
import { kilogramsToGrams } from '../../weight';

describe('EPEF (broilers) and IEP (pigs)', () => {
  it('EPEF of 1.85 kg, 95 % livability, 44 days and FCR 1.88 is 212', () => {
    // 95 × 1.85 / (44 × 1.88) × 100 = 175.75 / 82.72 × 100 = 212.46.
    const value = epef(95, 1.85, 44, 1.88).value!;
    expect(Math.abs(value - 212)).toBeLessThanOrEqual(1);
    expect(value).toBeCloseTo(212.46, 2);
  });

  it('IEP of ADG 61 g/day, 96 % livability (4 % mortality) and FCR 1.62 is 361 (the issue calls this figure an EPEF)', () => {
    // 61 × (100 − 4) / 1.62 / 10 = 5856 / 16.2 = 361.48.
    const value = iep(61, 4, 1.62).value!;
    expect(Math.abs(value - 361)).toBeLessThanOrEqual(1);
    expect(value).toBeCloseTo(361.48, 2);
  });

  it('is null with a reason when there are no days or no FCR', () => {
    expect(epef(95, 1.85, 0, 1.88)).toEqual({ value: null, unavailableReason: 'NO_DAYS_ELAPSED' });
    expect(epef(95, 1.85, 44, 0)).toEqual({ value: null, unavailableReason: 'NO_FEED' });
    expect(iep(61, 4, 0)).toEqual({ value: null, unavailableReason: 'NO_FEED' });
  });
});

describe('target curve and deviation', () => {
  const curve = [
    { dayOfAge: 0, weightGrams: 42 },
    { dayOfAge: 7, weightGrams: 190 },
    { dayOfAge: 14, weightGrams: 480 },
  ];

  it('reads the target between two points linearly, and none outside the curve', () => {
    // Day 10: 190 + (480 − 190) × 3/7 = 190 + 124.2857 = 314.2857 g.
    expect(targetWeightGrams(curve, 10).value).toBeCloseTo(314.2857, 4);
    expect(targetWeightGrams(curve, 14).value).toBe(480);
    expect(targetWeightGrams(curve, 15)).toEqual({ value: null, unavailableReason: 'OUTSIDE_TARGET_CURVE' });
    expect(targetWeightGrams([], 3)).toEqual({ value: null, unavailableReason: 'NO_TARGET_CURVE' });
  });

  it('compares grams with grams: 1.995 kg against a 2.1 kg target is −5 %', () => {
    // Target 2.1 kg = 2100 g, actual 1.995 kg = 1995 g: (1995 − 2100) / 2100 = −0.05.
    // (Mixing units, 1.995 against 2100, would read −99.9 %.)
    expect(targetDeviationFraction(kilogramsToGrams(1.995), kilogramsToGrams(2.1)).value).toBeCloseTo(-0.05, 10);
  });
});

describe('water:feed ratio (L/kg)', () => {
  it('divides litres by kilograms: 3600 L over 2000 kg is 1.8', () => {
    // 3,600,000 mL / 2,000,000 g = 3600 L / 2000 kg = 1.8 L/kg.
    const ratio = waterToFeedLitresPerKg(3_600_000, 2_000_000);
    expect(ratio.value).toBe(1.8);
    expect(waterToFeedStatus('BROILER', ratio)).toBe('IN_RANGE');
  });

  it('alerts broilers outside 1.6–2.0 L/kg, bounds included in range, and has no range for pigs', () => {
    expect(waterToFeedStatus('BROILER', waterToFeedLitresPerKg(1_500, 1_000))).toBe('BELOW_RANGE');
    expect(waterToFeedStatus('BROILER', waterToFeedLitresPerKg(2_100, 1_000))).toBe('ABOVE_RANGE');
    expect(waterToFeedStatus('BROILER', waterToFeedLitresPerKg(1_600, 1_000))).toBe('IN_RANGE');
    expect(waterToFeedStatus('BROILER', waterToFeedLitresPerKg(2_000, 1_000))).toBe('IN_RANGE');
    expect(waterToFeedStatus('PIG', waterToFeedLitresPerKg(1_500, 1_000))).toBe('NO_RANGE');
  });

  it('is null with NO_FEED or NO_WATER rather than Infinity or 0', () => {
    expect(waterToFeedLitresPerKg(1_000, 0)).toEqual({ value: null, unavailableReason: 'NO_FEED' });
    expect(waterToFeedLitresPerKg(0, 1_000)).toEqual({ value: null, unavailableReason: 'NO_WATER' });
    expect(waterToFeedStatus('BROILER', waterToFeedLitresPerKg(1_000, 0))).toBe('UNKNOWN');
  });
});
