import { addDays, daysBetween, todayUtc } from '../dates';

describe('farm-local calendar days', () => {
  it('counts whole days between dates whatever the process time zone or daylight saving', () => {
    // Europe switches to summer time on 2026-03-29: still 2 calendar days from the 28th to the 30th.
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-01', '2026-11-05')).toBe(35);
    expect(daysBetween('2026-10-01', '2026-09-30')).toBe(-1);
    // Across a year end and a leap day: 2027-12-31 → 2028-03-01 is 31 + 29 + 1 = 61 days.
    expect(daysBetween('2027-12-31', '2028-03-01')).toBe(61);
  });

  it('adds days to a date and names today in UTC (the default asOf)', () => {
    expect(addDays('2026-10-01', 35)).toBe('2026-11-05');
    expect(todayUtc(new Date('2026-11-25T23:30:00-05:00'))).toBe('2026-11-26');
  });
});
