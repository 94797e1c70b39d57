import { sameSpanOfPreviousDays } from '../localDay';
import { waterIntakeDropPercent, type SpanVolume } from '../waterIntake';

const volume = (from: string, to: string, litres: number, readings = 1): SpanVolume => ({ span: { from: new Date(from), to: new Date(to) }, litres, readings });

describe('farm-local day spans', () => {
  it('should start the day at local midnight and repeat the same local span on the three days before', () => {
    // 2026-11-25 10:30 in Bangkok (UTC+7, no DST) is 03:30 UTC; local midnight is 2026-11-24 17:00 UTC.
    const { today, previous } = sameSpanOfPreviousDays(new Date('2026-11-25T03:30:00Z'), 'Asia/Bangkok', 3);
    expect(today).toEqual({ from: new Date('2026-11-24T17:00:00Z'), to: new Date('2026-11-25T03:30:00Z') });
    expect(previous).toEqual([
      { from: new Date('2026-11-23T17:00:00Z'), to: new Date('2026-11-24T03:30:00Z') },
      { from: new Date('2026-11-22T17:00:00Z'), to: new Date('2026-11-23T03:30:00Z') },
      { from: new Date('2026-11-21T17:00:00Z'), to: new Date('2026-11-22T03:30:00Z') },
    ]);
  });

  it('should follow the wall clock across a DST change (23-hour day)', () => {
    // Amsterdam moved from UTC+1 to UTC+2 at 2026-03-29 02:00 local. On 2026-03-30 at 10:00 local
    // (08:00 UTC) the same span on 03-29 runs from 00:00 (+1, 23:00 UTC on 03-28) to 10:00 (+2, 08:00 UTC),
    // 9 hours, and on 03-28 from 00:00 (+1) to 10:00 (+1), 10 hours.
    const { today, previous } = sameSpanOfPreviousDays(new Date('2026-03-30T08:00:00Z'), 'Europe/Amsterdam', 2);
    expect(today.from).toEqual(new Date('2026-03-29T22:00:00Z'));
    expect(previous).toEqual([
      { from: new Date('2026-03-28T23:00:00Z'), to: new Date('2026-03-29T08:00:00Z') },
      { from: new Date('2026-03-27T23:00:00Z'), to: new Date('2026-03-28T09:00:00Z') },
    ]);
  });
});

describe('water intake drop', () => {
  const today = (litres: number) => volume('2026-11-24T17:00:00Z', '2026-11-25T03:30:00Z', litres);
  const history = [
    volume('2026-11-23T17:00:00Z', '2026-11-24T03:30:00Z', 1000),
    volume('2026-11-22T17:00:00Z', '2026-11-23T03:30:00Z', 1100),
    volume('2026-11-21T17:00:00Z', '2026-11-22T03:30:00Z', 900),
  ];

  it('should compare today so far with the average of the same span on the previous three days', () => {
    // Baseline (1000 + 1100 + 900) / 3 = 1000 L; today 780 L: (1000 − 780) / 1000 = 22 % less.
    expect(waterIntakeDropPercent(today(780), history)).toBeCloseTo(22, 10);
    // Today 1050 L: 5 % more, a negative drop.
    expect(waterIntakeDropPercent(today(1050), history)).toBeCloseTo(-5, 10);
  });

  it('should not judge without a full history, or in the first hour of the day', () => {
    expect(waterIntakeDropPercent(today(0), history.slice(0, 2))).toBeNull();
    expect(waterIntakeDropPercent(today(0), [history[0]!, history[1]!, { ...history[2]!, litres: 0, readings: 0 }])).toBeNull();
    expect(waterIntakeDropPercent(volume('2026-11-24T17:00:00Z', '2026-11-24T17:59:59Z', 0), history)).toBeNull();
  });
});
