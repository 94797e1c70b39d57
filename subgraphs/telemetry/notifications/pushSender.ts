import webPush from 'web-push';
import type { VapidKeys } from '../../../lib/notifications/vapidKeys';
import { postOutbound } from '../../../lib/net/outboundRequest';
import { STRICT_OUTBOUND, type OutboundPolicy } from '../../../lib/net/publicAddress';

/** A push service that has not answered within this long counts as a failed try. */
export const PUSH_TIMEOUT_MS = 10_000;
/** How long the push service keeps a message for a phone that is off: a day, the retry window of every channel. */
export const PUSH_TTL_SECONDS = 24 * 3600;

/** One browser's subscription: where its push service takes messages, and the keys to encrypt to. */
export interface PushTarget {
  endpoint: string;
  /** base64url P-256 public key of the browser. */
  p256dh: string;
  /** base64url 16-byte authentication secret. */
  auth: string;
}

/** What the dashboard's service worker shows (dashboard/public/sw.js reads exactly these fields). */
export interface AlertPushPayload {
  title: string;
  body: string;
  /** The language the text is in (the notification's `lang`). */
  lang: string;
  /** Same tag, same notification: a clearing replaces the raise on the phone. */
  tag: string;
  /** The dashboard path tapping the notification opens (same origin only). */
  url: string;
  severity: 'WARNING' | 'CRITICAL';
}

/**
 * Sends one push message (RFC 8030): the payload encrypted to the browser's keys (aes128gcm, RFC
 * 8291) and signed for the push service with the VAPID key (RFC 8292), both by web-push; the POST
 * itself goes through lib/net/outboundRequest.ts, so a push service is held to the same public-address
 * rule as webhooks at the moment of the connection. Returns `gone` when the push service says the
 * subscription no longer exists (404, 410) with that status, throws on any other non-2xx answer.
 */
export async function sendPush(
  target: PushTarget,
  payload: AlertPushPayload,
  keys: VapidKeys,
  policy: OutboundPolicy = STRICT_OUTBOUND,
): Promise<{ gone: false } | { gone: true; status: number }> {
  const request = webPush.generateRequestDetails({ endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } }, JSON.stringify(payload), {
    vapidDetails: { subject: keys.subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
    TTL: PUSH_TTL_SECONDS,
    // A critical alert may wake a phone in power saving (RFC 8030 §5.3); a warning waits its turn.
    urgency: payload.severity === 'CRITICAL' ? 'high' : 'normal',
    contentEncoding: 'aes128gcm',
  });
  const headers = Object.fromEntries(
    Object.entries(request.headers)
      .filter(([name]) => name.toLowerCase() !== 'content-length')
      .map(([name, value]) => [name.toLowerCase(), String(value)]),
  );
  const response = await postOutbound(request.endpoint, headers, request.body ?? Buffer.alloc(0), { policy, timeoutMs: PUSH_TIMEOUT_MS });
  if (response.status === 404 || response.status === 410) return { gone: true, status: response.status };
  if (response.status < 200 || response.status >= 300) throw new Error(`push service answered HTTP ${response.status}`);
  return { gone: false };
}
