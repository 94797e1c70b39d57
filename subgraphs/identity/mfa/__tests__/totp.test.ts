import { base32Decode, base32Encode, hotp, matchTotp, otpauthUri, totpCode, totpStepAt } from '../totp';

// RFC 6238 Appendix B: the SHA-1 seed is the ASCII "12345678901234567890"; the RFC prints 8-digit
// codes, of which a 6-digit code is the last 6 digits (the truncation is the same number mod 10^6).
const RFC_SECRET = Buffer.from('12345678901234567890', 'ascii');
const RFC_VECTORS: Array<[unixSeconds: number, eightDigits: string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(RFC_VECTORS)("gives the RFC's code at T=%i", (seconds, code) => {
    const step = totpStepAt(new Date(seconds * 1000));
    expect(hotp(RFC_SECRET, step, 8)).toBe(code);
    expect(totpCode(base32Encode(RFC_SECRET), step)).toBe(code.slice(-6));
  });

  it('round-trips base32 as RFC 4648 spells it', () => {
    // RFC 4648 §10: BASE32("foobar") = "MZXW6YTBOI======".
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW6YTBOI======').toString()).toBe('foobar');
  });

  it('accepts a code one step either side, and refuses it once its step was used', () => {
    const secret = base32Encode(RFC_SECRET);
    const at = new Date(1111111111 * 1000);
    const step = totpStepAt(at);
    expect(matchTotp(secret, '050471', at, 0)).toBe(step);
    expect(matchTotp(secret, totpCode(secret, step - 1), at, 0)).toBe(step - 1);
    expect(matchTotp(secret, totpCode(secret, step + 1), at, 0)).toBe(step + 1);
    expect(matchTotp(secret, totpCode(secret, step + 2), at, 0)).toBeNull();
    // Replay: the step was used; an older step's code is refused as well.
    expect(matchTotp(secret, '050471', at, step)).toBeNull();
    expect(matchTotp(secret, totpCode(secret, step - 1), at, step)).toBeNull();
    expect(matchTotp(secret, 'abcdef', at, 0)).toBeNull();
  });

  it('writes the otpauth URI authenticator apps scan', () => {
    expect(otpauthUri('FarmIQ', 'ann@farm.test', 'JBSWY3DPEHPK3PXP')).toBe(
      'otpauth://totp/FarmIQ%3Aann%40farm.test?secret=JBSWY3DPEHPK3PXP&issuer=FarmIQ&algorithm=SHA1&digits=6&period=30',
    );
  });
});
