import { SIGNATURE_HEADER, signWebhook } from '../../../lib/crypto/webhookSignature';

/** The header naming the delivery: the same id on every retry, for the receiver to deduplicate on. */
export const DELIVERY_ID_HEADER = 'farmiq-delivery-id';
/** A receiver that has not answered within this long counts as a failed try. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** What a tenant's system receives, as JSON, for one alert change. */
export interface AlertWebhookBody {
  deliveryId: string;
  type: 'alert.raised' | 'alert.cleared' | 'alert.escalated';
  alert: {
    id: string;
    farmId: string;
    barnId: string;
    severity: string;
    builtIn: string | null;
    ruleId: string | null;
    metric: string;
    threshold: number;
    peakValue: number;
    lastValue: number;
    raisedAt: string;
    clearedAt: string | null;
  };
}

/**
 * POSTs `body` to `url` signed with `secret` (`farmiq-signature: t=<unix s>,v1=<HMAC-SHA256 of
 * "t.body">`, the scheme billing verifies) and throws unless the receiver answers 2xx.
 */
export async function sendWebhook<Body extends { deliveryId: string }>(url: string, secret: string, body: Body, now: Date): Promise<void> {
  const raw = JSON.stringify(body);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [SIGNATURE_HEADER]: signWebhook(secret, raw, Math.floor(now.getTime() / 1000)),
      [DELIVERY_ID_HEADER]: body.deliveryId,
    },
    body: raw,
    redirect: 'manual',
    signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
  });
  await response.body?.cancel();
  if (response.status < 200 || response.status >= 300) throw new Error(`HTTP ${response.status}`);
}
