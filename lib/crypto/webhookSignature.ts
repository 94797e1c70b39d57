import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header a signed webhook carries (the payment provider's to us, our alert webhooks to a tenant's system): `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`. */
export const SIGNATURE_HEADER = 'farmiq-signature';

/** How far a webhook's timestamp may be from our clock. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** The signature header value for `body` at `timestampSeconds` (what the provider computes). */
export function signWebhook(secret: string, body: string | Buffer, timestampSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${timestampSeconds}.`).update(body).digest('hex');
  return `t=${timestampSeconds},v1=${mac}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'malformed' | 'stale' | 'mismatch' };

/**
 * Checks a webhook's signature: well-formed header, timestamp within five minutes of `now`,
 * HMAC compared in constant time.
 */
export function verifyWebhookSignature(secret: string, body: Buffer, header: string | undefined, now: Date): SignatureCheck {
  const parts = new Map((header ?? '').split(',').map((part) => part.trim().split('=', 2) as [string, string]));
  const timestamp = parts.get('t');
  const signature = parts.get('v1');
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || !signature || !/^[0-9a-f]{64}$/.test(signature)) return { ok: false, reason: 'malformed' };
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > SIGNATURE_TOLERANCE_SECONDS) return { ok: false, reason: 'stale' };
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();
  return timingSafeEqual(expected, Buffer.from(signature, 'hex')) ? { ok: true } : { ok: false, reason: 'mismatch' };
}
