import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ErrorCode } from '../errors';
import type { Logger } from '../logger';

/** Unknown paths answer 404 in the same JSON shape as GraphQL errors. */
export const notFoundHandler: RequestHandler = (_req, res) => {
  res.status(404).json({ errors: [{ message: 'Not found', extensions: { code: ErrorCode.NotFound } }] });
};

/**
 * Errors raised before GraphQL runs (malformed JSON, a body over the limit) answer with a
 * stable code and no stack trace; anything unexpected is logged and answered 500.
 */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) log.error({ err: error }, 'unhandled error in an HTTP request');
    const message = status === 413 ? 'Request body too large' : status === 500 ? 'Internal server error' : 'Malformed request body';
    const code = status === 500 ? ErrorCode.InternalServerError : ErrorCode.BadRequest;
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
  };
}
