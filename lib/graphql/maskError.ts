import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode, hasSafeCode } from '../errors';
import type { Logger } from '../logger';

/**
 * Apollo `formatError`: errors that carry one of our stable codes keep their message (it was
 * written for the user); anything else is logged in full and answered with a generic message,
 * so no stack, SQL or internal detail reaches a client.
 */
export function maskError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (hasSafeCode(code) && code !== ErrorCode.InternalServerError) {
      const { stacktrace: _stacktrace, exception: _exception, ...safeExtensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: safeExtensions };
    }
    log.error({ err: error, path: formatted.path }, 'unexpected error in a GraphQL operation');
    return {
      message: 'Internal server error',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.InternalServerError },
    };
  };
}
