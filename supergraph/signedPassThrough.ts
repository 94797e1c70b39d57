import express, { type Express } from 'express';
import { INGEST_PATH, MAX_BATCH_BYTES, SIGNATURE_HEADERS } from '../lib/edge/signedBatch';
import { SIGNATURE_HEADER as PAYMENT_SIGNATURE_HEADER } from '../subgraphs/billing/payments/webhookSignature';
import { WEBHOOK_PATH } from '../subgraphs/billing/payments/webhook';

/**
 * Signed machine-to-machine calls reach the internal subgraphs through the gateway's public
 * port: it passes the raw bytes on untouched (so the signature still verifies there) with the
 * signature headers, and returns the answer. Verification happens in the subgraph alone.
 */
function mountSignedPassThrough(app: Express, path: string, target: string, headerNames: string[], limit: number | string): void {
  app.post(path, express.raw({ type: () => true, limit }), async (req, res, next) => {
    try {
      const headers: Record<string, string> = { 'content-type': req.headers['content-type'] ?? 'application/json' };
      for (const name of headerNames) {
        const value = req.headers[name.toLowerCase()];
        if (typeof value === 'string') headers[name] = value;
      }
      const answer = await fetch(target, { method: 'POST', headers, body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0) });
      res.status(answer.status).type(answer.headers.get('content-type') ?? 'application/json').send(Buffer.from(await answer.arrayBuffer()));
    } catch (error) {
      next(error);
    }
  });
}

/** Edge ingestors' signed batches, to telemetry's ingest endpoint. */
export const mountIngestProxy = (app: Express, telemetryGraphqlUrl: string) =>
  mountSignedPassThrough(app, INGEST_PATH, new URL(INGEST_PATH, telemetryGraphqlUrl).toString(), Object.values(SIGNATURE_HEADERS), MAX_BATCH_BYTES);

/** The payment provider's signed webhooks, to billing. */
export const mountPaymentWebhookProxy = (app: Express, billingGraphqlUrl: string) =>
  mountSignedPassThrough(app, WEBHOOK_PATH, new URL(WEBHOOK_PATH, billingGraphqlUrl).toString(), [PAYMENT_SIGNATURE_HEADER], '64kb');
