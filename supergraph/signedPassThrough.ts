import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { PassThrough, PassThroughTarget } from '../lib/process/module';

// Signed machine-to-machine calls reach the internal subgraphs through the gateway's public
// port: it passes the raw bytes on untouched (so the signature still verifies there) with the
// signature headers, and returns the answer. Verification happens in the subgraph alone.

/**
 * How a pass-through answers when it cannot pass a call on: `status` 413 (body over the limit),
 * 400 (body unreadable) or 503 (the subgraph unreachable), in the peer's own error shape.
 * Without one, the gateway's generic error handler answers.
 */
type RefusalAnswer = NonNullable<PassThrough['refusal']>;

function mountSignedPassThrough(app: Express, path: string, target: string, headerNames: string[], limit: number | string, refusal?: RefusalAnswer): void {
  const readBody = express.raw({ type: () => true, limit });
  const readOrRefuse = (req: Request, res: Response, next: NextFunction) =>
    readBody(req, res, (error?: unknown) => {
      if (!error || !refusal) return next(error);
      const status = (error as { status?: number }).status === 413 ? 413 : 400;
      res.status(status).json(refusal(status));
    });
  app.post(path, readOrRefuse, async (req, res, next) => {
    try {
      const headers: Record<string, string> = { 'content-type': req.headers['content-type'] ?? 'application/json' };
      for (const name of headerNames) {
        const value = req.headers[name.toLowerCase()];
        if (typeof value === 'string') headers[name] = value;
      }
      const answer = await fetch(target, { method: 'POST', headers, body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0) });
      res
        .status(answer.status)
        .type(answer.headers.get('content-type') ?? 'application/json')
        .send(Buffer.from(await answer.arrayBuffer()));
    } catch (error) {
      if (refusal) res.status(503).json(refusal(503));
      else next(error);
    }
  });
}

/** Every module's pass-through routes (lib/process/module.ts), each to the subgraph that serves it. */
export function mountPassThroughs(app: Express, targets: readonly PassThroughTarget[]): void {
  for (const target of targets) {
    mountSignedPassThrough(app, target.path, new URL(target.path, target.subgraphUrl).toString(), [...target.headers], target.limit, target.refusal);
  }
}
