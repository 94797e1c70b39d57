import type { Principal } from '../principal';
import { cachingTokenVerifier } from '../verifiedTokenCache';

const T0 = Date.parse('2026-11-30T12:00:00Z');
const principal = (expiresAtMs: number): Principal => ({
  subject: 'u1',
  kind: 'user',
  tenantId: 't1',
  roles: ['VIEWER'],
  scopes: [],
  tokenId: 'j1',
  issuedAt: new Date(T0),
  expiresAt: new Date(expiresAtMs),
});

function counting(answer: (token: string) => Principal) {
  const calls: string[] = [];
  return {
    calls,
    verify: async (token: string) => {
      calls.push(token);
      if (token.startsWith('bad')) throw new Error('The access token signature is invalid');
      return answer(token);
    },
  };
}

describe('cachingTokenVerifier', () => {
  it('should verify a token once for the requests of a minute, concurrent ones included', async () => {
    let clock = T0;
    const inner = counting(() => principal(T0 + 15 * 60_000));
    const verify = cachingTokenVerifier(inner.verify, { now: () => clock });
    await Promise.all([verify('a'), verify('a'), verify('a')]);
    clock += 59_000;
    expect((await verify('a')).subject).toBe('u1');
    expect(inner.calls).toEqual(['a']);
    // 60 s after it was verified, the token is verified again.
    clock += 1_000;
    await verify('a');
    expect(inner.calls).toEqual(['a', 'a']);
  });

  it('should not answer for a token past its expiry, however recently it was verified', async () => {
    let clock = T0;
    const inner = counting(() => principal(T0 + 10_000));
    const verify = cachingTokenVerifier(inner.verify, { now: () => clock });
    await verify('a');
    clock = T0 + 10_000;
    await verify('a');
    expect(inner.calls).toEqual(['a', 'a']);
  });

  it('should not remember a refusal: the same bad token is checked, and refused, every time', async () => {
    const inner = counting(() => principal(T0 + 60_000));
    const verify = cachingTokenVerifier(inner.verify, { now: () => T0 });
    await expect(verify('bad-1')).rejects.toThrow('signature is invalid');
    await expect(verify('bad-1')).rejects.toThrow('signature is invalid');
    expect(inner.calls).toEqual(['bad-1', 'bad-1']);
  });

  it('should forget the oldest token beyond its size', async () => {
    const inner = counting(() => principal(T0 + 60_000));
    const verify = cachingTokenVerifier(inner.verify, { now: () => T0, maxEntries: 2 });
    for (const token of ['a', 'b', 'c', 'c', 'b', 'a']) await verify(token);
    expect(inner.calls).toEqual(['a', 'b', 'c', 'a']);
  });
});
