import { withRevocationCheck, type RevocationList } from '../lib/auth/revocation';
import { createTokenVerifier, type TokenAudience, type TokenVerifier } from '../lib/auth/accessToken';
import { cachingTokenVerifier } from '../lib/auth/verifiedTokenCache';
import { ErrorCode, userError } from '../lib/errors';
import { loadForwardingKey } from '../lib/auth/forwardedHeaders';
import { loadKeyRing, type KeyRing } from '../lib/auth/keyRing';
import { ConfigError, DEFAULT_SUBGRAPH_PORTS, type Config, type Target } from '../lib/config';

export interface AuthSetup {
  /** Only in a process that runs identity: the keys it signs with. */
  keyRing: KeyRing | undefined;
  tokenAudience: TokenAudience;
  /** Verifies a token and refuses one the revocation list covers. */
  verifyToken: TokenVerifier;
  publicJwks: () => Promise<{ keys: unknown[] }>;
  /** Signs (gateway) and checks (subgraphs) the request facts the gateway forwards. */
  forwardingKey: Buffer;
}

const JWKS_CACHE_MS = 5 * 60 * 1000;

/** Targets that serve GraphQL and so verify access tokens; the ingestor serves none (devices use MQTT credentials, the cloud HMAC). */
export const verifiesTokens = (target: Target): boolean => target !== 'ingestor';

const refuseEveryToken: TokenVerifier = async () => {
  throw userError(ErrorCode.Unauthenticated, 'this process accepts no access tokens');
};

/**
 * The process that runs identity holds the signing keys and verifies with their public half.
 * Every other process verifies with the public keys fetched from FARMIQ_JWKS_URL (identity's
 * `/.well-known/jwks.json`), cached and re-fetched on an unknown `kid`. A process that verifies no
 * tokens (`--target ingestor`) needs neither.
 */
export async function setUpAuth(target: Target, config: Config, revocations?: RevocationList): Promise<AuthSetup> {
  const tokenAudience = { issuer: config.auth.issuer, audience: config.auth.audience };
  const forwardingKey = verifiesTokens(target)
    ? loadForwardingKey({ internalKey: config.internalKey, inOneProcess: target === 'all', dataDir: config.dataDir, production: config.isProduction })
    : Buffer.alloc(0);
  if (target === 'all' || target === 'identity') {
    const keyRing = await loadKeyRing({ privateJwks: config.auth.privateJwks, dataDir: config.dataDir, production: config.isProduction });
    return {
      keyRing,
      tokenAudience,
      verifyToken: withRevocationCheck(cachingTokenVerifier(createTokenVerifier({ jwks: keyRing.publicJwks }, tokenAudience)), revocations),
      publicJwks: async () => keyRing.publicJwks,
      forwardingKey,
    };
  }
  if (!verifiesTokens(target)) {
    // Deny by default: nothing here should ask, and nothing it could ask is answered with yes.
    return { keyRing: undefined, tokenAudience, verifyToken: refuseEveryToken, publicJwks: async () => ({ keys: [] }), forwardingKey };
  }
  if (!config.auth.jwksUrl && config.isProduction) {
    throw new ConfigError(
      "FARMIQ_JWKS_URL: required in production for every target that verifies tokens (all but identity and ingestor; identity's /.well-known/jwks.json)",
    );
  }
  const jwksUrl = config.auth.jwksUrl ?? `http://127.0.0.1:${DEFAULT_SUBGRAPH_PORTS.identity}/.well-known/jwks.json`;
  let cached: { at: number; jwks: Promise<{ keys: unknown[] }> } | undefined;
  return {
    keyRing: undefined,
    tokenAudience,
    forwardingKey,
    verifyToken: withRevocationCheck(cachingTokenVerifier(createTokenVerifier({ jwksUrl }, tokenAudience)), revocations),
    publicJwks: () => {
      if (!cached || Date.now() - cached.at > JWKS_CACHE_MS) {
        const jwks = fetch(jwksUrl).then((response) => response.json() as Promise<{ keys: unknown[] }>);
        jwks.catch(() => {
          cached = undefined;
        });
        cached = { at: Date.now(), jwks };
      }
      return cached.jwks;
    },
  };
}
