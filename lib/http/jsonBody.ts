import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';

/** A request's JSON body, or the error express.json raised (its `status`: 400, 413, …). */
export type JsonBody = { body: unknown } | { error: unknown };

const PLAIN_JSON_TYPES = new Set(['application/json', 'application/json; charset=utf-8']);

/**
 * A request body express.json would read as UTF-8 without inflating it. Anything else (another
 * charset, a compressed body, no body at all) is left to Express, the reference behaviour.
 */
export function isPlainJsonRequest(headers: IncomingHttpHeaders): boolean {
  const type = headers['content-type'];
  if (type === undefined || !PLAIN_JSON_TYPES.has(type.toLowerCase())) return false;
  if (headers['content-encoding'] !== undefined) return false;
  return headers['transfer-encoding'] !== undefined || headers['content-length'] !== undefined;
}

/**
 * Reads a body with express.json itself (body-parser) on node's request, outside Express: the
 * same answers as the Express route by construction. A parser of our own measured ≈ 5 µs a
 * request less (≈ 0.5% of a direct lookup), not worth owning JSON body semantics.
 */
export function jsonBodyReader(limitBytes: number): (req: IncomingMessage, res: ServerResponse) => Promise<JsonBody> {
  const parse = express.json({ limit: limitBytes });
  return (req, res) =>
    new Promise((resolve) => {
      parse(req as express.Request, res as express.Response, (error?: unknown) => {
        resolve(error ? { error } : { body: (req as express.Request).body as unknown });
      });
    });
}
