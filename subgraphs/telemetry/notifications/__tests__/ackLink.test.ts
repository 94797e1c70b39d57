import { randomBytes } from 'node:crypto';
import { createSecretBox } from '../../../../lib/crypto/secretBox';
import { ACK_LINK_TTL_MS, ackToken, readAckToken } from '../ackLink';

describe('alert acknowledge links', () => {
  const box = createSecretBox(randomBytes(32));
  const issuedAt = new Date(Date.UTC(2026, 10, 20, 1, 0));
  const claim = { alertId: 'a1', tenantId: 't1', userId: 'u1', language: 'th' as const, expiresAtMs: issuedAt.getTime() + ACK_LINK_TTL_MS };

  it('should read back what it was issued for until it expires, seven days later', () => {
    const token = ackToken(box, claim);
    expect(readAckToken(box, token, issuedAt)).toEqual(claim);
    // 7 × 24 h = 604,800,000 ms after issue: expired; a millisecond earlier: still good.
    expect(readAckToken(box, token, new Date(issuedAt.getTime() + 604_800_000 - 1))).toEqual(claim);
    expect(readAckToken(box, token, new Date(issuedAt.getTime() + 604_800_000))).toBe('expired');
  });

  it('should refuse a token that was altered, made with another key, or sealed for another purpose', () => {
    const token = ackToken(box, claim);
    // A character in the middle: all six of its bits are data (the last one's low bits may be padding a decoder ignores).
    const middle = Math.floor(token.length / 2);
    const altered = `${token.slice(0, middle)}${token[middle] === 'A' ? 'B' : 'A'}${token.slice(middle + 1)}`;
    expect(readAckToken(box, altered, issuedAt)).toBe('invalid');
    expect(readAckToken(createSecretBox(randomBytes(32)), token, issuedAt)).toBe('invalid');
    // A webhook secret sealed by the same key is not a link.
    expect(
      readAckToken(box, box.seal(JSON.stringify({ a: 'a1', t: 't1', u: 'u1', l: 'en', e: Number.MAX_SAFE_INTEGER }), 'webhook-endpoint:a1'), issuedAt),
    ).toBe('invalid');
    expect(readAckToken(box, undefined, issuedAt)).toBe('invalid');
    expect(readAckToken(box, ['x'], issuedAt)).toBe('invalid');
  });
});
