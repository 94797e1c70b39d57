import { badInput } from '../../lib/errors';

const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/;

/**
 * An IANA time zone name the runtime knows (Asia/Bangkok, Europe/Amsterdam, UTC). Fixed
 * offsets such as +07:00 are refused: they have no DST rules, and farm days need those.
 */
export function requireTimeZone(value: string, field = 'timeZone'): string {
  const name = value.trim();
  if (IANA_NAME.test(name)) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      // Kept as written: ICU would turn some current names into older aliases.
      return name;
    } catch {
      // Unknown to ICU: fall through to the error below.
    }
  }
  throw badInput(`${field}: expected an IANA time zone such as Asia/Bangkok, got ${JSON.stringify(value)}`, field);
}
