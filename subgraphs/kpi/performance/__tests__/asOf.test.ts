import type { Batch as BatchRow } from '../../../../lib/db/generated/client';
import { addDays } from '../../formulas/dates';
import { batchAge } from '../asOf';

const placedOn = (day: string) => ({ placedOn: new Date(`${day}T00:00:00Z`) }) as BatchRow;

describe('batchAge (the day a KPI question is about)', () => {
  it('counts the day of age from the placement day to asOf', () => {
    expect(batchAge(placedOn('2026-10-01'), '2026-11-05', '2026-11-30')).toEqual({ asOf: '2026-11-05', ageDays: 35 });
  });

  it("defaults to the farm's today, but never before placement nor past the limit", () => {
    const today = '2026-11-30';
    expect(batchAge(placedOn(addDays(today, -3)), undefined, today)).toEqual({ asOf: today, ageDays: 3 });
    // A batch planned for next week answers for its placement day instead of failing.
    expect(batchAge(placedOn(addDays(today, 7)), null, today)).toEqual({ asOf: addDays(today, 7), ageDays: 0 });
    expect(batchAge(placedOn(addDays(today, -2000)), undefined, today, 1000)).toEqual({ asOf: addDays(today, -1000), ageDays: 1000 });
  });

  it('refuses a given asOf before placement or past the limit with BAD_USER_INPUT naming asOf', () => {
    expect(() => batchAge(placedOn('2026-10-01'), '2026-09-30', '2026-11-30')).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'asOf' } }),
    );
    expect(() => batchAge(placedOn('2026-10-01'), '2029-10-01', '2026-11-30', 1000)).toThrow(/at most 1000 days after 2026-10-01/);
  });
});
