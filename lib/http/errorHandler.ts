import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ErrorCode } from '../errors';
import type { Logger } from '../logger';

/** Unknown paths answer 404 in the same JSON shape as GraphQL errors. */
export const notFoundHandler: RequestHandler = (_req, res) => {
  res.status(404).json({ errors: [{ message: 'Not found', extensions: { code: ErrorCode.NotFound } }] });
};

/** The status and JSON answer of an error raised before GraphQL ran (see errorHandler). */
export function errorAnswer(error: unknown, log: Logger): { status: number; body: { errors: Array<{ message: string; extensions: { code: ErrorCode } }> } } {
  const raised = (error as { status?: unknown } | undefined)?.status;
  const status = typeof raised === 'number' && raised >= 400 && raised < 500 ? raised : 500;
  if (status === 500) log.error({ err: error }, 'unhandled error in an HTTP request');
  const message = status === 413 ? 'Request body too large' : status === 500 ? 'Internal server error' : 'Malformed request body';
  const code = status === 500 ? ErrorCode.InternalServerError : ErrorCode.BadRequest;
  return { status, body: { errors: [{ message, extensions: { code } }] } };
}

/**
 * Errors raised before GraphQL runs (malformed JSON, a body over the limit) answer with a
 * stable code and no stack trace; anything unexpected is logged and answered 500.
 */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const answer = errorAnswer(error, log);
    res.status(answer.status).json(answer.body);
  };
}
