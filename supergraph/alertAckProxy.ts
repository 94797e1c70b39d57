import express, { type Express, type Request, type Response } from 'express';
import { ACK_PATH } from '../lib/notifications/ackPath';

/** The answer headers the acknowledge page sets and the gateway passes back. */
const PASSED_BACK = ['content-type', 'cache-control', 'referrer-policy', 'x-robots-tag'];

/**
 * The acknowledge links in alert emails point at the gateway's public address; telemetry serves
 * them (its sealed token is the only authority, checked there). GET and the confirming form's
 * POST are passed on as they came.
 */
export function mountAlertAckProxy(app: Express, telemetryGraphqlUrl: string): void {
  const target = new URL(ACK_PATH, telemetryGraphqlUrl);
  const pass = async (req: Request, res: Response, init: RequestInit) => {
    try {
      const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
      const answer = await fetch(`${target.toString()}${query}`, { ...init, redirect: 'manual' });
      for (const name of PASSED_BACK) {
        const value = answer.headers.get(name);
        if (value) res.setHeader(name, value);
      }
      res.status(answer.status).send(Buffer.from(await answer.arrayBuffer()));
    } catch {
      res.status(503).type('text').send('FarmIQ is unavailable; try the link again in a minute.');
    }
  };
  app.get(ACK_PATH, (req, res) => pass(req, res, { method: 'GET' }));
  app.post(ACK_PATH, express.raw({ type: 'application/x-www-form-urlencoded', limit: '4kb' }), (req, res) =>
    pass(req, res, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
    }),
  );
}
