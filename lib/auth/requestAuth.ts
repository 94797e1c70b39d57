import type { IncomingHttpHeaders } from 'node:http';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors';
import type { TokenVerifier } from './accessToken';
import { accessTokenFrom } from './cookiesAndBearer';
import type { Principal } from './principal';

/**
 * The verified caller of an HTTP request, or null when it carries no token. A token that does
 * not verify fails the whole request with UNAUTHENTICATED (HTTP 401): a client holding a bad
 * token should learn it at once rather than get anonymous answers.
 */
export async function principalFrom(headers: IncomingHttpHeaders, verify: TokenVerifier, secure: boolean): Promise<Principal | null> {
  const token = accessTokenFrom(headers, secure);
  if (!token) return null;
  try {
    return await verify(token);
  } catch (error) {
    const message = error instanceof GraphQLError ? error.message : 'The access token is invalid';
    throw new GraphQLError(message, { extensions: { code: ErrorCode.Unauthenticated, http: { status: 401 } } });
  }
}

export const CLIENT_ADDRESS_HEADER = 'x-farmiq-client-address';
