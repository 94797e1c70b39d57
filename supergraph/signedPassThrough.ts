import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { BatchRefusal, batchRefusalBody } from '../lib/edge/ingestCodes';
import { INGEST_PATH, MAX_BATCH_BYTES, SIGNATURE_HEADERS } from '../lib/edge/signedBatch';
import { SIGNATURE_HEADER as PAYMENT_SIGNATURE_HEADER } from '../subgraphs/billing/payments/webhookSignature';
import { WEBHOOK_PATH } from '../subgraphs/billing/payments/webhook';

/**
 * Signed machine-to-machine calls reach the internal subgraphs through the gateway's public
 * port: it passes the raw bytes on untouched (so the signature still verifies there) with the
 * signature headers, and returns the answer. Verification happens in the subgraph alone.
 */
/**
 * How a pass-through answers when it cannot pass a call on: `status` 413 (body over the limit),
 * 400 (body unreadable) or 503 (the subgraph unreachable), in the peer's own error shape.
 * Without one, the gateway's generic error handler answers.
 */
type RefusalAnswer = (status: 400 | 413 | 503) => unknown;

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
      res.status(answer.status).type(answer.headers.get('content-type') ?? 'application/json').send(Buffer.from(await answer.arrayBuffer()));
    } catch (error) {
      if (refusal) res.status(503).json(refusal(503));
      else next(error);
    }
  });
}

/** The ingest endpoint's refusals (lib/edge/ingestCodes.ts), also when the gateway answers for it. */
const ingestRefusal: RefusalAnswer = (status) =>
  status === 413
    ? batchRefusalBody(BatchRefusal.BatchTooLarge, `A batch body is at most ${MAX_BATCH_BYTES} bytes`)
    : status === 400
      ? batchRefusalBody(BatchRefusal.BatchMalformed, 'The batch body could not be read')
      : batchRefusalBody(BatchRefusal.IngestUnavailable, 'The ingest endpoint is unavailable; nothing was stored, send the batch again');

/** Edge ingestors' signed batches, to telemetry's ingest endpoint. */
export const mountIngestProxy = (app: Express, telemetryGraphqlUrl: string) =>
  mountSignedPassThrough(app, INGEST_PATH, new URL(INGEST_PATH, telemetryGraphqlUrl).toString(), Object.values(SIGNATURE_HEADERS), MAX_BATCH_BYTES, ingestRefusal);

/** The payment provider's signed webhooks, to billing. */
export const mountPaymentWebhookProxy = (app: Express, billingGraphqlUrl: string) =>
  mountSignedPassThrough(app, WEBHOOK_PATH, new URL(WEBHOOK_PATH, billingGraphqlUrl).toString(), [PAYMENT_SIGNATURE_HEADER], '64kb');
