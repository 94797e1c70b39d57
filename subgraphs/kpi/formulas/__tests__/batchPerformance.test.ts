import { batchPerformance, type BatchFacts } from '../batchPerformance';
import { dailySeries } from '../dailySeries';

/**
 * A broiler batch worked by hand: 1000 placed at 40 g; 30 dead on day 5 (unweighed); 20 culled
 * on day 20 weighing 10 kg in all; 3000 kg feed; 5400 L water; 50 sick and 100 treatments; a
 * weigh session on day 35 of 4 birds totalling 8 kg (mean 2000 g); target 2100 g on day 35.
 */
const broilers = (): BatchFacts => ({
  species: 'BROILER',
  headCountPlaced: 1000,
  placementWeightGrams: 40,
  mortality: [
    { dayOfAge: 5, kind: 'DEAD', headCount: 30, weightGrams: null },
    { dayOfAge: 20, kind: 'CULLED', headCount: 20, weightGrams: 10_000 },
  ],
  depletions: [],
  feed: [
    { dayOfAge: 1, feedGrams: 1_000_000 },
    { dayOfAge: 20, feedGrams: 2_000_000 },
  ],
  water: [{ dayOfAge: 30, waterMillilitres: 5_400_000 }],
  health: [{ dayOfAge: 10, sickCount: 50, treatedCount: 100 }],
  weighSessions: [{ dayOfAge: 35, sampleCount: 4, sumGrams: 8_000 }],
  targetCurve: [
    { dayOfAge: 0, weightGrams: 42 },
    { dayOfAge: 35, weightGrams: 2_100 },
  ],
});

describe('batchPerformance of a hand-worked broiler batch on day 35', () => {
  const kpis = batchPerformance(broilers(), 35, [1900, 2000, 2000, 2100]);

  it('counts the animals: 950 alive, 5 % mortality, 95 % livability', () => {
    expect([kpis.deadCount, kpis.culledCount, kpis.headCountAlive]).toEqual([30, 20, 950]);
    expect(kpis.mortalityPercent.value).toBe(5);
    expect(kpis.livabilityPercent.value).toBe(95);
    expect(kpis.survivalRate.value).toBe(0.95);
  });

  it('ADG = (2000 − 40) g / 35 days = 56 g/day', () => {
    expect(kpis.averageWeightGrams.value).toBe(2000);
    expect(kpis.adgGramsPerDay.value).toBeCloseTo(56, 10);
  });

  it('ADFI = 3,000,000 g / 33,800 animal-days = 88.757 g/animal/day', () => {
    // Animal-days: 1000 × 35 − 30 × (35 − 5) − 20 × (35 − 20) = 35,000 − 900 − 300 = 33,800.
    expect(kpis.adfiGramsPerAnimalPerDay.value).toBeCloseTo(88.7574, 4);
  });

  it('standard FCR 1.6129 and mortality-adjusted FCR 1.5961', () => {
    // Standard gain: 950 × 2000 − 1000 × 40 = 1,860,000 g; 3,000,000 / 1,860,000 = 1.61290.
    expect(kpis.fcrKgFeedPerKgGain.value).toBeCloseTo(1.6129, 4);
    // Dead weight: 30 birds on day 5 at 40 + (2000 − 40) × 5/35 = 320 g = 9,600 g, plus the culls' 10,000 g = 19,600 g.
    // Adjusted gain 1,860,000 + 19,600 = 1,879,600 g; 3,000,000 / 1,879,600 = 1.59608.
    expect(kpis.fcrMortalityAdjustedKgFeedPerKgGain.value).toBeCloseTo(1.59608, 5);
  });

  it('EPEF = 95 × 2.0 kg / (35 × 1.6129) × 100 = 336.57; no IEP for broilers', () => {
    // 35 × 1.612903 = 56.45161; 190 / 56.45161 × 100 = 336.571.
    expect(kpis.epef.value).toBeCloseTo(336.571, 3);
    expect(kpis.iep).toEqual({ value: null, unavailableReason: 'NOT_FOR_SPECIES' });
  });

  it('health score 75.5 from components 50, 95 and 90', () => {
    // Mortality 0.05 → 100 − 50 = 50; morbidity 50/1000 → 95; treatments 100/1000 → 90; 0.4 × 50 + 0.3 × 95 + 0.3 × 90 = 75.5.
    expect(kpis.health.mortalityComponent.value).toBeCloseTo(50, 10);
    expect(kpis.health.score.value).toBeCloseTo(75.5, 10);
  });

  it('deviates (2000 − 2100) / 2100 = −4.76 % from the target, and drinks 1.8 L per kg of feed', () => {
    expect(kpis.targetWeightGrams.value).toBe(2100);
    expect(kpis.targetDeviationFraction.value).toBeCloseTo(-0.047619, 6);
    expect(kpis.waterToFeedLitresPerKg.value).toBe(1.8);
    expect(kpis.waterToFeedStatus).toBe('IN_RANGE');
  });

  it('takes uniformity from the latest session’s weights', () => {
    // 1900, 2000, 2000, 2100: mean 2000, SD √(20,000/3) = 81.65, CV 4.0825 %.
    expect(kpis.uniformity.cvPercent.value).toBeCloseTo(4.0825, 4);
  });
});

describe('batchPerformance: late data and edge cases', () => {
  it('recomputes mortality and FCR when a death dated in the past is added', () => {
    const facts = broilers();
    facts.mortality.push({ dayOfAge: 10, kind: 'DEAD', headCount: 10, weightGrams: 3_000 });
    const kpis = batchPerformance(facts, 35, []);
    // (40 + 20) / 1000 = 6 %; standard gain 940 × 2000 − 40,000 = 1,840,000 g; FCR 3,000,000 / 1,840,000 = 1.63043.
    expect(kpis.mortalityPercent.value).toBe(6);
    expect(kpis.fcrKgFeedPerKgGain.value).toBeCloseTo(1.63043, 5);
  });

  it('ignores records after the day asked about', () => {
    // On day 10 only the 30 dead of day 5 count: 3 %; no weigh session yet, so no ADG/FCR but a reason.
    const kpis = batchPerformance(broilers(), 10, []);
    expect(kpis.mortalityPercent.value).toBe(3);
    expect(kpis.adgGramsPerDay).toEqual({ value: null, unavailableReason: 'NO_WEIGHTS' });
    expect(kpis.fcrKgFeedPerKgGain).toEqual({ value: null, unavailableReason: 'NO_WEIGHTS' });
    expect(kpis.epef).toEqual({ value: null, unavailableReason: 'NO_WEIGHTS' });
    expect(kpis.uniformity.cvPercent).toEqual({ value: null, unavailableReason: 'NO_WEIGHTS' });
  });

  it('uses the sale weight of a closed batch and ends its duration on the last sale', () => {
    // 100 pigs at 25 kg, all sold on day 100 for 11,000 kg (110 kg each); 20,000 kg feed; asked on day 120.
    // ADG (110,000 − 25,000) / 100 = 850 g/day; gain 11,000,000 − 2,500,000 = 8,500,000 g; FCR 20,000,000 / 8,500,000 = 2.35294;
    // IEP 850 × (100 − 0) / 2.35294 / 10 = 3612.5.
    const kpis = batchPerformance(
      {
        species: 'PIG',
        headCountPlaced: 100,
        placementWeightGrams: 25_000,
        mortality: [],
        depletions: [{ dayOfAge: 100, headCount: 100, totalLiveWeightGrams: 11_000_000 }],
        feed: [{ dayOfAge: 50, feedGrams: 20_000_000 }],
        water: [],
        health: [],
        weighSessions: [],
        targetCurve: [],
      },
      120,
      [],
    );
    expect(kpis.headCountAlive).toBe(0);
    expect(kpis.durationDays).toBe(100);
    expect(kpis.adgGramsPerDay.value).toBe(850);
    expect(kpis.fcrKgFeedPerKgGain.value).toBeCloseTo(2.35294, 5);
    expect(kpis.iep.value).toBeCloseTo(3612.5, 6);
    expect(kpis.epef).toEqual({ value: null, unavailableReason: 'NOT_FOR_SPECIES' });
    expect(kpis.waterToFeedLitresPerKg).toEqual({ value: null, unavailableReason: 'NO_WATER' });
    expect(kpis.targetDeviationFraction).toEqual({ value: null, unavailableReason: 'NO_TARGET_CURVE' });
  });

  it('has no KPI that is Infinity or NaN on the placement day of an empty batch', () => {
    const facts: BatchFacts = { ...broilers(), mortality: [], feed: [], water: [], health: [], weighSessions: [], targetCurve: [] };
    const kpis = batchPerformance(facts, 0, []);
    const values = JSON.stringify(kpis);
    expect(values).not.toMatch(/Infinity|NaN/);
    expect(kpis.adfiGramsPerAnimalPerDay).toEqual({ value: null, unavailableReason: 'NO_ANIMALS' });
    expect(kpis.fcrKgFeedPerKgGain).toEqual({ value: null, unavailableReason: 'NO_WEIGHTS' });
    expect(kpis.waterToFeedLitresPerKg).toEqual({ value: null, unavailableReason: 'NO_FEED' });
    expect(kpis.mortalityPercent.value).toBe(0);
  });

  it('says NO_ANIMALS, not a number, when every animal died', () => {
    const facts: BatchFacts = { ...broilers(), mortality: [{ dayOfAge: 3, kind: 'DEAD', headCount: 1000, weightGrams: null }] };
    const kpis = batchPerformance(facts, 35, []);
    expect(kpis.mortalityPercent.value).toBe(100);
    expect(kpis.livabilityPercent.value).toBe(0);
    expect(kpis.averageWeightGrams).toEqual({ value: null, unavailableReason: 'NO_ANIMALS' });
    expect(kpis.fcrKgFeedPerKgGain).toEqual({ value: null, unavailableReason: 'NO_ANIMALS' });
    expect(kpis.durationDays).toBe(3);
  });
});

describe('dailySeries', () => {
  it('lists each day of age with its records, head count and target', () => {
    const days = dailySeries(broilers(), 35);
    expect(days).toHaveLength(36);
    // Day 5: 30 dead → 970 left, 3 % cumulative mortality; target between (0, 42) and (35, 2100): 42 + 2058 × 5/35 = 336 g.
    expect(days[5]).toMatchObject({ dayOfAge: 5, deadCount: 30, headCountAlive: 970, cumulativeMortalityPercent: 3, averageWeightGrams: null });
    expect(days[5]!.targetWeightGrams.value).toBeCloseTo(336, 10);
    // Day 35: the session mean 2000 g against 2100 g.
    expect(days[35]).toMatchObject({ averageWeightGrams: 2000, sampleCount: 4, headCountAlive: 950 });
    expect(days[35]!.targetDeviationFraction.value).toBeCloseTo(-0.047619, 6);
  });
});
