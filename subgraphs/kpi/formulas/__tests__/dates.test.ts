import { addDays, daysBetween, localDate } from '../dates';

describe('farm-local calendar days', () => {
  it('counts whole days between dates whatever the process time zone or daylight saving', () => {
    // Europe switches to summer time on 2026-03-29: still 2 calendar days from the 28th to the 30th.
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-01', '2026-11-05')).toBe(35);
    expect(daysBetween('2026-10-01', '2026-09-30')).toBe(-1);
    // Across a year end and a leap day: 2027-12-31 → 2028-03-01 is 31 + 29 + 1 = 61 days.
    expect(daysBetween('2027-12-31', '2028-03-01')).toBe(61);
  });

  it('adds days to a date and names the farm-local day of an instant (the default asOf)', () => {
    expect(addDays('2026-10-01', 35)).toBe('2026-11-05');
    // 23:30 UTC on 24 October 2026 is 01:30 on the 25th in Amsterdam (CEST, UTC+2) and 06:30 on the 25th in Bangkok.
    expect(localDate(new Date('2026-10-24T23:30:00Z'), 'Europe/Amsterdam')).toBe('2026-10-25');
    expect(localDate(new Date('2026-10-24T23:30:00Z'), 'Asia/Bangkok')).toBe('2026-10-25');
    // 03:00 UTC on the 25th is still the 24th in Chicago (CDT, UTC−5).
    expect(localDate(new Date('2026-10-25T03:00:00Z'), 'America/Chicago')).toBe('2026-10-24');
  });
});
