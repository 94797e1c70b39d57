import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, SignJWT, type JWK, type JWTPayload } from 'jose';
import { ErrorCode, userError } from '../errors';
import { TOKEN_ALGORITHM, type KeyRing } from './keyRing';
import { ROLES, type Principal, type Role } from './principal';

/** Access tokens live 15 minutes; a refresh token gets a new one. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/** RFC 9068 media type, so an ID token or another JWT cannot pass for an access token. */
const ACCESS_TOKEN_TYPE = 'at+jwt';
/** Clock skew tolerated between the signer and a verifier. */
export const CLOCK_TOLERANCE_SECONDS = 30;

export interface TokenAudience {
  issuer: string;
  audience: string;
}

interface AccessTokenClaims extends JWTPayload {
  tid: string | null;
  roles: Role[];
  scope?: string;
  kind: Principal['kind'];
  sid?: string;
  /** The granted farms of a partner token (Principal.farmIds). */
  farms?: string[];
  /** `registered`: the client may send registered documents only. */
  docs?: 'registered';
  /** A partner token's client's own tenant (Principal.clientTenantId): whose plan meters it. */
  ctid?: string;
}

/** Signs an access token for `principal` with the key ring's active key. */
export async function signAccessToken(
  ring: KeyRing,
  { issuer, audience }: TokenAudience,
  principal: Omit<Principal, 'tokenId' | 'expiresAt' | 'issuedAt'>,
  now: Date = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = new Date((issuedAt + ACCESS_TOKEN_TTL_SECONDS) * 1000);
  const claims: AccessTokenClaims = {
    tid: principal.tenantId,
    roles: principal.roles,
    kind: principal.kind,
    ...(principal.scopes.length > 0 ? { scope: principal.scopes.join(' ') } : {}),
    ...(principal.sessionId ? { sid: principal.sessionId } : {}),
    ...(principal.farmIds ? { farms: principal.farmIds } : {}),
    ...(principal.registeredDocumentsOnly ? { docs: 'registered' as const } : {}),
    ...(principal.clientTenantId ? { ctid: principal.clientTenantId } : {}),
  };
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid: ring.signing.kid, typ: ACCESS_TOKEN_TYPE })
    .setIssuer(issuer)
    .setAudience(audience)
    .setSubject(principal.subject)
    .setIssuedAt(issuedAt)
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .setJti(randomUUID())
    .sign(ring.signing.privateKey);
  return { token, expiresAt };
}

export type TokenVerifier = (token: string) => Promise<Principal>;

const unauthenticated = (message: string) => userError(ErrorCode.Unauthenticated, message);

/**
 * Verifies an access token: ES256 only (no `none`, no HMAC with a public key), a known `kid`,
 * our issuer and audience, not expired, typed as an access token. Anything else is
 * UNAUTHENTICATED with a message that says which, without echoing the token.
 */
export function createTokenVerifier(keys: { jwks: { keys: JWK[] } } | { jwksUrl: string }, expected: TokenAudience): TokenVerifier {
  const keySet = 'jwks' in keys ? createLocalJWKSet(keys.jwks) : createRemoteJWKSet(new URL(keys.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 600_000 });
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keySet, {
        algorithms: [TOKEN_ALGORITHM],
        issuer: expected.issuer,
        audience: expected.audience,
        typ: ACCESS_TOKEN_TYPE,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['sub', 'exp', 'iat', 'jti'],
      }));
    } catch (error) {
      throw unauthenticated(describeFailure(error));
    }
    return toPrincipal(payload);
  };
}

function toPrincipal(payload: JWTPayload): Principal {
  const claims = payload as AccessTokenClaims;
  const roles = Array.isArray(claims.roles) ? claims.roles : [];
  const kind = claims.kind === 'client' ? 'client' : claims.kind === 'user' ? 'user' : undefined;
  if (claims.sid !== undefined && typeof claims.sid !== 'string') throw unauthenticated('The access token is malformed');
  if (claims.ctid !== undefined && typeof claims.ctid !== 'string') throw unauthenticated('The access token is malformed');
  if (claims.farms !== undefined && !(Array.isArray(claims.farms) && claims.farms.every((id) => typeof id === 'string')))
    throw unauthenticated('The access token is malformed');
  if (!kind || !roles.every((role) => (ROLES as readonly string[]).includes(role)) || (claims.tid !== null && typeof claims.tid !== 'string')) {
    throw unauthenticated('The access token is malformed');
  }
  return {
    subject: payload.sub!,
    kind,
    tenantId: claims.tid ?? null,
    roles,
    scopes: typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : [],
    tokenId: payload.jti!,
    ...(claims.sid ? { sessionId: claims.sid } : {}),
    ...(claims.farms ? { farmIds: claims.farms } : {}),
    ...(claims.docs === 'registered' ? { registeredDocumentsOnly: true } : {}),
    ...(claims.ctid ? { clientTenantId: claims.ctid } : {}),
    issuedAt: new Date(payload.iat! * 1000),
    expiresAt: new Date(payload.exp! * 1000),
  };
}

function describeFailure(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The access token has expired';
  if (error instanceof errors.JWKSNoMatchingKey) return 'The access token was signed with an unknown key';
  if (error instanceof errors.JWTClaimValidationFailed) return `The access token is not valid here (${error.claim})`;
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The access token uses an algorithm that is not accepted';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The access token signature is invalid';
  return 'The access token is invalid';
}
