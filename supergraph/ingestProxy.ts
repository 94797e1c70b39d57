import express, { type Express } from 'express';
import { INGEST_PATH, MAX_BATCH_BYTES, SIGNATURE_HEADERS } from '../lib/edge/signedBatch';

/**
 * Edge ingestors reach the cloud through the gateway's public port: it passes signed batches
 * to the telemetry subgraph untouched (the raw bytes, so the signature still verifies) and
 * returns its answer. Verification happens in telemetry alone.
 */
export function mountIngestProxy(app: Express, telemetryGraphqlUrl: string): void {
  const target = new URL(INGEST_PATH, telemetryGraphqlUrl).toString();
  app.post(INGEST_PATH, express.raw({ type: () => true, limit: MAX_BATCH_BYTES }), async (req, res, next) => {
    try {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      for (const name of Object.values(SIGNATURE_HEADERS)) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      const answer = await fetch(target, { method: 'POST', headers, body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0) });
      res.status(answer.status).type('application/json').send(Buffer.from(await answer.arrayBuffer()));
    } catch (error) {
      next(error);
    }
  });
}
