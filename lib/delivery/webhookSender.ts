import { SIGNATURE_HEADER, signWebhook } from '../crypto/webhookSignature';
import { postOutbound } from '../net/outboundRequest';
import { STRICT_OUTBOUND, type OutboundPolicy } from '../net/publicAddress';

/** The header naming the delivery: the same id on every retry, for the receiver to deduplicate on. */
export const DELIVERY_ID_HEADER = 'farmiq-delivery-id';
/** A receiver that has not answered within this long counts as a failed try. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * POSTs `body` to `url` signed with `secret` (`farmiq-signature: t=<unix s>,v1=<HMAC-SHA256 of
 * "t.body">`, the scheme billing verifies) and throws unless the receiver answers 2xx. Only public
 * addresses are called, checked on the address the connection uses (lib/net/publicAddress.ts),
 * unless `policy` allows the host.
 */
export async function sendWebhook<Body extends { deliveryId: string }>(
  url: string,
  secret: string,
  body: Body,
  now: Date,
  policy: OutboundPolicy = STRICT_OUTBOUND,
): Promise<void> {
  const raw = JSON.stringify(body);
  const response = await postOutbound(
    url,
    {
      'content-type': 'application/json',
      [SIGNATURE_HEADER]: signWebhook(secret, raw, Math.floor(now.getTime() / 1000)),
      [DELIVERY_ID_HEADER]: body.deliveryId,
    },
    raw,
    { policy, timeoutMs: WEBHOOK_TIMEOUT_MS },
  );
  if (response.status < 200 || response.status >= 300) throw new Error(`HTTP ${response.status}`);
}
