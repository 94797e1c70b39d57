import { DateScalar, DateTimeScalar } from '../scalars';

describe('the Date scalar', () => {
  it.each(['2026-11-23', '2024-02-29'])('accepts the calendar date %s', (value) => {
    expect(DateScalar.parseValue(value)).toBe(value);
  });

  it.each(['2026-02-29', '2026-13-01', '2026-11-23T00:00:00Z', '23/11/2026', 20261123])('refuses %j with BAD_USER_INPUT', (value) => {
    expect(() => DateScalar.parseValue(value)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }));
  });
});

describe('the DateTime scalar', () => {
  it('reads an instant with an offset and writes it in UTC', () => {
    const instant = DateTimeScalar.parseValue('2026-11-23T13:00:00+07:00');
    expect(DateTimeScalar.serialize(instant)).toBe('2026-11-23T06:00:00.000Z');
  });

  it.each(['2026-11-23T13:00:00', '2026-11-23', 'yesterday', 1_700_000_000])('refuses %j (an instant needs a zone)', (value) => {
    expect(() => DateTimeScalar.parseValue(value)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }));
  });
});
