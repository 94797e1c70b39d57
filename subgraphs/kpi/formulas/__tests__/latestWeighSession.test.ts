import { batchPerformance, type BatchFacts } from '../batchPerformance';
import { latestWeighSession } from '../latestWeighSession';

describe('latestWeighSession (the one session every weight KPI reads)', () => {
  const sessions = [
    { dayOfAge: 0, sampleCount: 2, sumGrams: 90 },
    { dayOfAge: 7, sampleCount: 2, sumGrams: 360 },
  ];

  it('includes the placement day and leaves out sessions after the day asked about', () => {
    expect(latestWeighSession(sessions, 0)).toEqual(sessions[0]);
    expect(latestWeighSession(sessions, 6)).toEqual(sessions[0]);
    expect(latestWeighSession(sessions, 7)).toEqual(sessions[1]);
    expect(latestWeighSession([], 7)).toBeNull();
    expect(latestWeighSession([{ dayOfAge: 3, sampleCount: 0, sumGrams: 0 }], 7)).toBeNull();
  });
});

describe('batchPerformance with a weigh session on the placement day', () => {
  // 100 broilers placed at 40 g; weighed on day 0: 44 g and 46 g (mean 45 g).
  const facts = (): BatchFacts => ({
    species: 'BROILER',
    headCountPlaced: 100,
    placementWeightGrams: 40,
    mortality: [],
    depletions: [],
    feed: [],
    water: [],
    health: [],
    weighSessions: [{ dayOfAge: 0, sampleCount: 2, sumGrams: 90 }],
    targetCurve: [],
  });

  it('reads the average weight from it, as uniformity does, and has no ADG over zero days', () => {
    const kpis = batchPerformance(facts(), 3, [44, 46]);
    expect(kpis.averageWeightGrams).toEqual({ value: 45, unavailableReason: null });
    expect(kpis.weightDayOfAge).toBe(0);
    expect(kpis.uniformity.meanWeightGrams.value).toBe(45);
    // ADG = (45 − 40) g / (0 days from placement to the weigh day): nothing to divide by.
    expect(kpis.adgGramsPerDay).toEqual({ value: null, unavailableReason: 'NO_DAYS_ELAPSED' });
  });

  it('moves on to a later session once there is one: ADG = (110 − 40) g / 2 days = 35 g/day', () => {
    const later = { ...facts(), weighSessions: [...facts().weighSessions, { dayOfAge: 2, sampleCount: 2, sumGrams: 220 }] };
    const kpis = batchPerformance(later, 3, [100, 120]);
    expect([kpis.averageWeightGrams.value, kpis.weightDayOfAge, kpis.adgGramsPerDay.value]).toEqual([110, 2, 35]);
  });
});
