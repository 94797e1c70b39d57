import { GraphQLError } from 'graphql';

/**
 * The stable error codes a client may see in `extensions.code`. One list for every subgraph and
 * the gateway, so partners can program against them.
 */
export enum ErrorCode {
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  BadUserInput = 'BAD_USER_INPUT',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  /** An idempotency key sent again with a different request: the first request's result stands. */
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  RateLimited = 'RATE_LIMITED',
  /** Login with a temporary password: send `newPassword` as well. */
  PasswordChangeRequired = 'PASSWORD_CHANGE_REQUIRED',
  /** The password was right; the account has a second factor: completeMfaLogin with the challenge in `extensions.mfaChallenge`. */
  MfaRequired = 'MFA_REQUIRED',
  /** The password was right; the tenant requires a second factor the account lacks: enrol with the challenge in `extensions.mfaChallenge`. */
  MfaEnrolmentRequired = 'MFA_ENROLMENT_REQUIRED',
  QueryTooComplex = 'QUERY_TOO_COMPLEX',
  /** The caller may send registered documents only (a browser session in production, a locked API client). */
  DocumentNotRegistered = 'DOCUMENT_NOT_REGISTERED',
  GraphqlParseFailed = 'GRAPHQL_PARSE_FAILED',
  GraphqlValidationFailed = 'GRAPHQL_VALIDATION_FAILED',
  BadRequest = 'BAD_REQUEST',
  // Apollo Server's own codes, which clients (APQ, operation names) rely on.
  PersistedQueryNotFound = 'PERSISTED_QUERY_NOT_FOUND',
  PersistedQueryNotSupported = 'PERSISTED_QUERY_NOT_SUPPORTED',
  OperationResolutionFailure = 'OPERATION_RESOLUTION_FAILURE',
  InternalServerError = 'INTERNAL_SERVER_ERROR',
}

const SAFE_CODES = new Set<string>(Object.values(ErrorCode));

/** An error whose message is written for the user: it is shown as is, with its code. */
export function userError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const badInput = (message: string, field?: string) => userError(ErrorCode.BadUserInput, message, field ? { field } : {});

export const notFound = (what: string) => userError(ErrorCode.NotFound, `${what} not found`);

/** True when the error carries one of our stable codes, i.e. its message is safe to show. */
export function hasSafeCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && SAFE_CODES.has(code);
}
