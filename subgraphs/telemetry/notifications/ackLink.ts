import type { SecretBox } from '../../../lib/crypto/secretBox';
import type { Language } from './message';

/**
 * The acknowledge link in an alert email: one click (and one confirming button) acknowledges the
 * alert as the person the email was sent to. The token is sealed with the secrets key
 * (AES-256-GCM, authenticated) under a context used for nothing else, so it cannot be forged,
 * altered, or made from another sealed value; it names one alert and one person and expires.
 * GET only shows a page with a button; POST acknowledges: mail scanners that open every link
 * in a message acknowledge nothing.
 */

import { ACK_PATH } from '../../../lib/notifications/ackPath';

export { ACK_PATH };
/** How long a link works: an email may be read the next morning, not next month. */
export const ACK_LINK_TTL_MS = 7 * 24 * 3600_000;

const CONTEXT = 'alert-ack-link:v1';

/** What an acknowledge link says. */
export interface AckClaim {
  alertId: string;
  tenantId: string;
  /** Who acknowledges: the user the email was sent to. */
  userId: string;
  language: Language;
  /** Unix milliseconds. */
  expiresAtMs: number;
}

/** A new link token for `claim`. */
export const ackToken = (box: SecretBox, claim: AckClaim): string =>
  box.seal(JSON.stringify({ a: claim.alertId, t: claim.tenantId, u: claim.userId, l: claim.language, e: claim.expiresAtMs }), CONTEXT);

/** The whole link. */
export const ackLinkUrl = (publicUrl: string, token: string): string => `${publicUrl}${ACK_PATH}?token=${encodeURIComponent(token)}`;

/** The claim of `token`, or why it is refused: `invalid` (forged, altered, not a link) or `expired`. */
export function readAckToken(box: SecretBox, token: unknown, now: Date): AckClaim | 'invalid' | 'expired' {
  if (typeof token !== 'string' || token.length === 0 || token.length > 1000) return 'invalid';
  let raw: { a?: unknown; t?: unknown; u?: unknown; l?: unknown; e?: unknown };
  try {
    raw = JSON.parse(box.open(token, CONTEXT)) as typeof raw;
  } catch {
    return 'invalid';
  }
  if (typeof raw.a !== 'string' || typeof raw.t !== 'string' || typeof raw.u !== 'string' || typeof raw.e !== 'number' || (raw.l !== 'en' && raw.l !== 'th'))
    return 'invalid';
  if (now.getTime() >= raw.e) return 'expired';
  return { alertId: raw.a, tenantId: raw.t, userId: raw.u, language: raw.l, expiresAtMs: raw.e };
}
