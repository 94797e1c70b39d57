import type { TokenVerifier } from './accessToken';
import type { Principal } from './principal';

export interface VerifiedTokenCacheOptions {
  /** Tokens remembered at most; the oldest goes first. Default 10,000. */
  maxEntries?: number;
  /** How long a verification is trusted again; never past the token's own `exp`. Default 60 s. */
  maxAgeMs?: number;
  now?: () => number;
}

/**
 * Remembers the tokens `verify` accepted, so a request chain verifies its token once: one
 * ES256 signature check per token a minute instead of one at the gateway and one in every
 * subgraph of the plan (in the all-in-one process they share this cache), and concurrent
 * checks of one token share one verification.
 *
 * Safe because a verification depends only on the token and the keys: the cache answers for
 * at most `maxAgeMs` (a retired key stops being honoured within a minute) and never after the
 * token's `exp`. Refusals are not remembered. Revocation is not cached here: wrap this in
 * withRevocationCheck, which asks on every request.
 */
export function cachingTokenVerifier(verify: TokenVerifier, options: VerifiedTokenCacheOptions = {}): TokenVerifier {
  const maxEntries = options.maxEntries ?? 10_000;
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { principal: Promise<Principal>; trustedUntilMs: number }>();
  return async (token) => {
    const atMs = now();
    const entry = cache.get(token);
    if (entry && atMs < entry.trustedUntilMs) {
      const principal = await entry.principal;
      if (atMs < principal.expiresAt.getTime()) return principal;
    }
    if (entry) cache.delete(token);
    const principal = verify(token);
    const fresh = { principal, trustedUntilMs: atMs + maxAgeMs };
    cache.set(token, fresh);
    if (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
    try {
      return await principal;
    } catch (error) {
      if (cache.get(token) === fresh) cache.delete(token);
      throw error;
    }
  };
}
