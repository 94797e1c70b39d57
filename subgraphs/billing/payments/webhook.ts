import { appendAuditEvent, platformActor } from '../../../lib/audit/auditEvents';
import express, { type Express } from 'express';
import { GraphQLError } from 'graphql';
import type { PrismaClient } from '../../../lib/db/generated/client';
import { isUniqueViolation } from '../../../lib/db/errors';
import type { Logger } from '../../../lib/logger';
import { isUuid } from '../../../lib/validation';
import type { Clock } from '../clock';
import { recordPaymentIn, refundPaymentIn } from './payments';
import { SIGNATURE_HEADER, verifyWebhookSignature } from './webhookSignature';

import { WEBHOOK_PATH } from './webhookPath';

export { WEBHOOK_PATH };

export interface WebhookOptions {
  db: PrismaClient;
  log: Logger;
  /** BILLING_WEBHOOK_SECRET; unset, every call is refused with 503. */
  secret: string | undefined;
  now: Clock;
}

/** What the provider sends: `payment.succeeded` (a payment) or `payment.refunded` (a refund of one). */
interface WebhookEvent {
  id: string;
  type: 'payment.succeeded' | 'payment.refunded';
  data: { tenantId: string; invoiceId?: string; paymentId?: string; amountMinor: number; currency?: string; reference: string };
}

function parseEvent(body: Buffer): WebhookEvent | undefined {
  try {
    const event = JSON.parse(body.toString('utf8')) as WebhookEvent;
    const ok = typeof event?.id === 'string' && event.id.length > 0 && event.id.length <= 200 && ['payment.succeeded', 'payment.refunded'].includes(event.type);
    return ok && typeof event.data === 'object' && event.data !== null && isUuid(String(event.data.tenantId)) ? event : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `POST /webhooks/payments`: a payment provider's events, signed (see webhookSignature.ts).
 * An event is applied and its id stored in one transaction, so each is processed exactly once;
 * a replayed id answers 200 and changes nothing. Nothing is changed for a bad signature, a stale
 * timestamp or an event that cannot be applied.
 */
export function mountPaymentWebhook(app: Express, options: WebhookOptions): void {
  const log = options.log.child({ component: 'billing-webhook' });
  app.post(WEBHOOK_PATH, express.raw({ type: '*/*', limit: '64kb' }), async (req, res) => {
    if (!options.secret) {
      res.status(503).json({ error: 'payment webhooks are not configured (BILLING_WEBHOOK_SECRET)' });
      return;
    }
    const body: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const now = options.now();
    const check = verifyWebhookSignature(options.secret, body, req.header(SIGNATURE_HEADER), now);
    if (!check.ok) {
      log.warn({ reason: check.reason }, 'webhook refused');
      res.status(check.reason === 'stale' ? 400 : 401).json({ error: check.reason === 'stale' ? 'timestamp outside the 5-minute window' : 'bad signature' });
      return;
    }
    const event = parseEvent(body);
    if (!event) {
      res.status(400).json({ error: 'not a payment event' });
      return;
    }
    try {
      await options.db.$transaction(async (tx) => {
        await tx.webhookEvent.create({ data: { eventId: event.id, type: event.type, receivedAt: now } });
        const { tenantId, invoiceId, paymentId, amountMinor, currency, reference } = event.data;
        const { payment, created } =
          event.type === 'payment.succeeded'
            ? await recordPaymentIn(tx, tenantId, { invoiceId: String(invoiceId), amountMinor, currency: String(currency), reference }, now)
            : await refundPaymentIn(tx, tenantId, { paymentId: String(paymentId), amountMinor, reference }, now);
        const action = event.type === 'payment.succeeded' ? 'PAYMENT_RECORDED' : 'PAYMENT_REFUNDED';
        // A new event id for a payment already recorded (the provider resent it) changes nothing.
        if (created)
          await appendAuditEvent(tx, platformActor('payment-provider', event.id), { action, tenantId, targetType: 'Payment', targetId: payment.id }, now);
      });
      log.info({ eventId: event.id, type: event.type }, 'webhook event applied');
      res.json({ status: 'processed' });
    } catch (error) {
      if (isUniqueViolation(error) && (await options.db.webhookEvent.count({ where: { eventId: event.id } })) > 0) {
        res.json({ status: 'duplicate' });
      } else if (error instanceof GraphQLError) {
        res.status(422).json({ error: error.message });
      } else {
        log.error({ err: error, eventId: event.id }, 'webhook event failed');
        res.status(500).json({ error: 'internal error' });
      }
    }
  });
}
