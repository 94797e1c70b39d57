import { requireTimeZone } from '../timeZone';

describe('requireTimeZone', () => {
  it('accepts IANA zone names and keeps them as written, trimmed', () => {
    expect(requireTimeZone('Asia/Bangkok')).toBe('Asia/Bangkok');
    expect(requireTimeZone(' Europe/Amsterdam ')).toBe('Europe/Amsterdam');
    expect(requireTimeZone('America/Argentina/Buenos_Aires')).toBe('America/Argentina/Buenos_Aires');
  });

  it.each(['+07:00', 'GMT+7', 'Mars/Olympus_Mons', '', 'Asia/Bangkok; DROP TABLE'])('refuses %j with BAD_USER_INPUT naming the field', (value) => {
    expect(() => requireTimeZone(value)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'timeZone' } }));
  });
});
