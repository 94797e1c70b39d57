import { kilogramsToGrams } from '../../weight';
import {
  adfiGramsPerAnimalPerDay,
  adgGramsPerDay,
  animalDays,
  fcrKgFeedPerKgGain,
  mortalityAdjustedGainGrams,
  standardGainGrams,
  weightOnDay,
} from '../growth';

describe('ADG (g/day)', () => {
  it('reads in grams per day when the weights were entered in kilograms', () => {
    // (2.5 kg − 0.040 kg) × 1000 / 35 days = 2460 / 35 = 70.2857 g/day (not 0.0703 kg/day).
    const adg = adgGramsPerDay(kilogramsToGrams(2.5), kilogramsToGrams(0.04), 35);
    expect(adg.value).toBeCloseTo(70.2857, 4);
    expect(adg.unavailableReason).toBeNull();
  });

  it('is negative when the animals lost weight, and null with NO_DAYS_ELAPSED on the placement day', () => {
    // (6.0 − 6.5) kg × 1000 / 2 days = −250 g/day.
    expect(adgGramsPerDay(6000, 6500, 2).value).toBe(-250);
    expect(adgGramsPerDay(6000, 6000, 0)).toEqual({ value: null, unavailableReason: 'NO_DAYS_ELAPSED' });
  });
});

describe('animal-days and ADFI (g/animal/day)', () => {
  it('counts the animals alive each day: the ones that died count until the day before', () => {
    // 100 placed, 5 dead on day 4, 10 days: days 0–3 have 100 (400), days 4–9 have 95 (570) = 970.
    expect(animalDays(100, [{ dayOfAge: 4, headCount: 5 }], 10)).toBe(970);
    // A death on the day asked about (day 10) is outside days 0–9.
    expect(animalDays(100, [{ dayOfAge: 10, headCount: 5 }], 10)).toBe(1000);
    expect(animalDays(100, [], 0)).toBe(0);
  });

  it('divides feed by animal-days: 97 kg over 970 animal-days is 100 g/animal/day', () => {
    // 97 kg × 1000 / 970 = 100.
    expect(adfiGramsPerAnimalPerDay(97_000, 970).value).toBe(100);
  });

  it('is null with a reason, not Infinity or 0, without animal-days or feed', () => {
    expect(adfiGramsPerAnimalPerDay(97_000, 0)).toEqual({ value: null, unavailableReason: 'NO_ANIMALS' });
    expect(adfiGramsPerAnimalPerDay(0, 970)).toEqual({ value: null, unavailableReason: 'NO_FEED' });
  });
});

describe('FCR (kg feed / kg gain), standard and mortality-adjusted', () => {
  // 1000 placed at 40 g; 950 alive at 2.5 kg; 50 died weighing 50 kg in all; 4000 kg of feed.
  const balance = {
    headCountPlaced: 1000,
    placementWeightGrams: 40,
    headCountAlive: 950,
    averageWeightGrams: 2500,
    depletedWeightGrams: 0,
    deadWeightGrams: 50_000,
  };

  it('standard: gain = live weight out − weight placed; dead animals add nothing', () => {
    // 950 × 2500 g − 1000 × 40 g = 2,375,000 − 40,000 = 2,335,000 g; 4,000,000 / 2,335,000 = 1.71306.
    expect(standardGainGrams(balance)).toBe(2_335_000);
    expect(fcrKgFeedPerKgGain(4_000_000, standardGainGrams(balance)).value).toBeCloseTo(1.71306, 5);
  });

  it('mortality-adjusted: the weight of the dead counts as gain, so the FCR is lower', () => {
    // 2,335,000 + 50,000 = 2,385,000 g; 4,000,000 / 2,385,000 = 1.67715.
    expect(mortalityAdjustedGainGrams(balance)).toBe(2_385_000);
    expect(fcrKgFeedPerKgGain(4_000_000, mortalityAdjustedGainGrams(balance)).value).toBeCloseTo(1.67715, 5);
  });

  it('is null with NO_FEED or NO_GAIN instead of 0, Infinity or a negative ratio', () => {
    expect(fcrKgFeedPerKgGain(0, 1000)).toEqual({ value: null, unavailableReason: 'NO_FEED' });
    expect(fcrKgFeedPerKgGain(1000, 0)).toEqual({ value: null, unavailableReason: 'NO_GAIN' });
    expect(fcrKgFeedPerKgGain(1000, -500)).toEqual({ value: null, unavailableReason: 'NO_GAIN' });
  });
});

describe('weightOnDay (estimating the weight of animals that died unweighed)', () => {
  const points = [
    { dayOfAge: 0, weightGrams: 40 },
    { dayOfAge: 7, weightGrams: 180 },
    { dayOfAge: 14, weightGrams: 460 },
  ];
  it('is linear between known weights and holds the last one after it', () => {
    // Day 10: 180 + (460 − 180) × 3/7 = 180 + 120 = 300 g.
    expect(weightOnDay(points, 10)).toBeCloseTo(300, 10);
    expect(weightOnDay(points, 7)).toBe(180);
    expect(weightOnDay(points, 20)).toBe(460);
  });
});
