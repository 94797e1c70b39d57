import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode, hasSafeCode } from '../errors';
import type { Logger } from '../logger';

/** Errors already logged with their request id (requestHygienePlugin), so they are logged once. */
export const loggedFaults = new WeakSet<object>();

const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * A message without graphql-js's "Did you mean …?" hints (fields, types, arguments, enum values):
 * in production they would spell the schema out to a caller who may not read it.
 */
export const withoutSuggestions = (message: string): string => message.replace(SUGGESTION, '');

/**
 * Apollo `formatError`: errors that carry one of our stable codes keep their message (it was
 * written for the user); anything else is logged in full with the request id and answered with a
 * generic message, so no stack, SQL or internal detail reaches a client. In production no
 * message suggests names.
 */
export function maskError(log: Logger, production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (hasSafeCode(code) && code !== ErrorCode.InternalServerError) {
      const { stacktrace: _stacktrace, exception: _exception, http: _http, ...safeExtensions } = formatted.extensions ?? {};
      return { ...formatted, message: production ? withoutSuggestions(formatted.message) : formatted.message, extensions: safeExtensions };
    }
    if (!(typeof error === 'object' && error !== null && loggedFaults.has(error)))
      log.error({ err: error, path: formatted.path }, 'unexpected error in a GraphQL operation');
    return {
      message: 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.InternalServerError },
    };
  };
}
