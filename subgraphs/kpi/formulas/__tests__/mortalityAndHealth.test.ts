import { healthScore } from '../healthScore';
import { livabilityPercent, mortalityPercent, survivalRate } from '../mortality';

describe('mortality %, survival rate and livability %', () => {
  it('counts dead and culled against the head count placed', () => {
    // (30 dead + 20 culled) / 1000 × 100 = 5 %; survival 1 − 50/1000 = 0.95; livability 100 − 5 = 95 %.
    expect(mortalityPercent(30, 20, 1000).value).toBe(5);
    expect(survivalRate(30, 20, 1000).value).toBe(0.95);
    expect(livabilityPercent(30, 20, 1000).value).toBe(95);
  });

  it('is null with NO_ANIMALS when nothing was placed', () => {
    for (const kpi of [mortalityPercent(0, 0, 0), survivalRate(0, 0, 0), livabilityPercent(0, 0, 0)]) {
      expect(kpi).toEqual({ value: null, unavailableReason: 'NO_ANIMALS' });
    }
  });
});

describe('health score (0–100) and its components', () => {
  it('weighs mortality 0.4, morbidity 0.3 and treatments 0.3, and returns each part', () => {
    // 1000 placed, 20 dead or culled (0.02), 50 sick (0.05), 100 treated (0.10):
    // mortality component 100 − 0.02 × 1000 = 80; morbidity 100 − 0.05 × 100 = 95; treatment 100 − 0.10 × 100 = 90;
    // score = 0.4 × 80 + 0.3 × 95 + 0.3 × 90 = 32 + 28.5 + 27 = 87.5.
    const health = healthScore({ headCountPlaced: 1000, deadAndCulledCount: 20, sickCount: 50, treatedCount: 100 });
    expect(health.mortalityFraction.value).toBe(0.02);
    expect(health.mortalityComponent.value).toBeCloseTo(80, 10);
    expect(health.morbidityComponent.value).toBeCloseTo(95, 10);
    expect(health.treatmentComponent.value).toBeCloseTo(90, 10);
    expect(health.score.value).toBeCloseTo(87.5, 10);
  });

  it('never lets a component go below 0', () => {
    // 15 % mortality: 100 − 0.15 × 1000 = −50 → 0; 2 treatments per animal: 100 − 200 → 0; no sick: 100.
    // score = 0.4 × 0 + 0.3 × 100 + 0.3 × 0 = 30.
    const health = healthScore({ headCountPlaced: 100, deadAndCulledCount: 15, sickCount: 0, treatedCount: 200 });
    expect(health.mortalityComponent.value).toBe(0);
    expect(health.treatmentComponent.value).toBe(0);
    expect(health.score.value).toBeCloseTo(30, 10);
  });

  it('is null with NO_ANIMALS when nothing was placed', () => {
    expect(healthScore({ headCountPlaced: 0, deadAndCulledCount: 0, sickCount: 0, treatedCount: 0 }).score).toEqual({
      value: null,
      unavailableReason: 'NO_ANIMALS',
    });
  });
});
