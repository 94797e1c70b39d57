import { silencePolicyOf } from '../farmSilencePolicy';
import { learnCadence, silenceWindowSeconds } from '../silenceWindow';

const s = (seconds: number) => seconds * 1000;

describe('silence window', () => {
  it("should use three times the kind's usual period until a device's own rhythm is known", () => {
    // CLIMATE reports every 60 s: 3 × 60 = 180 s. FEED_BIN every 900 s: 2,700 s.
    expect(silenceWindowSeconds('CLIMATE', { intervalSeconds: null, intervalSamples: 0 })).toBe(180);
    expect(silenceWindowSeconds('FEED_BIN', { intervalSeconds: 40, intervalSamples: 2 })).toBe(2700);
    // An unknown kind is treated as GENERIC (600 s): 1,800 s.
    expect(silenceWindowSeconds('SOMETHING_NEW', { intervalSeconds: null, intervalSamples: 0 })).toBe(1800);
  });

  it('should learn the gap between observations and judge by three of them, within 2 minutes and a day', () => {
    // Observations every 30 s from t = 0: gaps 30, 30, 30 → average 30 s, trusted after 3 gaps.
    const learned = learnCadence('CLIMATE', { intervalSeconds: null, intervalSamples: 0 }, null, [0, 30, 60, 90].map(s));
    expect(learned).toEqual({ intervalSeconds: 30, intervalSamples: 3 });
    // 3 × 30 = 90 s is below the 120 s floor.
    expect(silenceWindowSeconds('CLIMATE', learned)).toBe(120);
    // A gap of 100 s moves the average by a fifth of the difference: 0.2 × 100 + 0.8 × 30 = 44 s → window 132 s.
    const slower = learnCadence('CLIMATE', learned, s(90), [s(190)]);
    expect(slower.intervalSeconds).toBeCloseTo(44, 9);
    expect(silenceWindowSeconds('CLIMATE', slower)).toBe(132);
    // A device that reports twice a day: 3 × 43,200 s is capped at 86,400 s.
    expect(silenceWindowSeconds('GENERIC', { intervalSeconds: 43_200, intervalSamples: 5 })).toBe(86_400);
  });

  it('should not learn a silence as the rhythm, nor anything from observations older than the last', () => {
    const trusted = { intervalSeconds: 30, intervalSamples: 3 };
    // A 1-hour gap (the device was silent) is longer than the 120 s window: not learned.
    expect(learnCadence('CLIMATE', trusted, s(0), [s(3600)])).toEqual(trusted);
    // A backlog of older observations teaches nothing.
    expect(learnCadence('CLIMATE', trusted, s(600), [s(100), s(200), s(600)])).toEqual(trusted);
    // Several metrics of one message share a time: one observation, one gap (60 s): 0.2 × 60 + 0.8 × 30 = 36.
    expect(learnCadence('CLIMATE', trusted, s(0), [s(60), s(60)]).intervalSeconds).toBeCloseTo(36, 9);
  });

  it("should judge by the farm's own multiplier and minimum, still capped at a day", () => {
    const trusted = { intervalSeconds: 45, intervalSamples: 4 };
    // Multiplier 5 on a learned 45 s gap: 5 × 45 = 225 s (the default 3 × 45 = 135 s).
    expect(silenceWindowSeconds('CLIMATE', trusted, silencePolicyOf({ silenceGapMultiplier: 5, silenceMinMinutes: null }))).toBe(225);
    // Minimum 10 minutes: 3 × 45 = 135 s is raised to 600 s.
    expect(silenceWindowSeconds('CLIMATE', trusted, silencePolicyOf({ silenceGapMultiplier: null, silenceMinMinutes: 10 }))).toBe(600);
    // Both: 2.5 × 45 = 112.5 s, rounded up to 113 s, above the 1-minute minimum.
    expect(silenceWindowSeconds('CLIMATE', trusted, silencePolicyOf({ silenceGapMultiplier: 2.5, silenceMinMinutes: 1 }))).toBe(113);
    // A minute's minimum lets a fast device go silent sooner than the default 2 minutes: 3 × 30 = 90 s.
    expect(
      silenceWindowSeconds('CLIMATE', { intervalSeconds: 30, intervalSamples: 3 }, silencePolicyOf({ silenceGapMultiplier: null, silenceMinMinutes: 1 })),
    ).toBe(90);
    // FEED_BIN's default period 900 s × 20 = 18,000 s; a SCALE's 4 h × 20 = 288,000 s is capped at 86,400 s.
    expect(
      silenceWindowSeconds('FEED_BIN', { intervalSeconds: null, intervalSamples: 0 }, silencePolicyOf({ silenceGapMultiplier: 20, silenceMinMinutes: null })),
    ).toBe(18_000);
    expect(
      silenceWindowSeconds('SCALE', { intervalSeconds: null, intervalSamples: 0 }, silencePolicyOf({ silenceGapMultiplier: 20, silenceMinMinutes: null })),
    ).toBe(86_400);
    // No settings: the defaults, 3 gaps and 2 minutes.
    expect(silencePolicyOf(null)).toEqual({ gapMultiplier: 3, minSeconds: 120 });
  });

  it("should learn a gap as rhythm when it fits the farm's wider window", () => {
    const trusted = { intervalSeconds: 30, intervalSamples: 3 };
    // A 200 s gap is a silence under the default 120 s window, but within 10 × 30 = 300 s: 0.2 × 200 + 0.8 × 30 = 64 s.
    expect(learnCadence('CLIMATE', trusted, s(0), [s(200)])).toEqual(trusted);
    expect(
      learnCadence('CLIMATE', trusted, s(0), [s(200)], silencePolicyOf({ silenceGapMultiplier: 10, silenceMinMinutes: null })).intervalSeconds,
    ).toBeCloseTo(64, 9);
  });
});
