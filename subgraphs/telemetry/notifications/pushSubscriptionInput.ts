import { createECDH } from 'node:crypto';
import { badInput } from '../../../lib/errors';
import { checkOutboundUrl, OutboundRefused, type OutboundPolicy } from '../../../lib/net/publicAddress';
import { requireText } from '../../../lib/validation';

/** Push subscriptions one person may keep in a tenant: their browsers and phones, not a mailing list. */
export const MAX_PUSH_SUBSCRIPTIONS_PER_USER = 20;

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * The browser's push endpoint: an absolute URL without credentials, https in production, whose
 * host is public now (the same rule as webhooks: a tenant's user must not make the cloud POST into
 * its own network). The worker checks the address again at every send.
 */
export async function requirePushEndpoint(raw: string, policy: OutboundPolicy): Promise<string> {
  const text = requireText(raw, 'endpoint', 2000);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badInput('endpoint must be the absolute URL of PushSubscription.endpoint', 'endpoint');
  }
  if (url.username || url.password) throw badInput('endpoint must not carry credentials', 'endpoint');
  try {
    await checkOutboundUrl(url, policy);
  } catch (error) {
    if (error instanceof OutboundRefused) throw badInput(error.message.replace(/^url/, 'endpoint'), 'endpoint');
    throw error;
  }
  return url.toString();
}

/** The browser's p256dh key: base64url of an uncompressed point that is on P-256 (else nothing could be encrypted to it). */
export function requireBrowserPublicKey(raw: string): string {
  const key = BASE64URL.test(raw) ? Buffer.from(raw, 'base64url') : Buffer.alloc(0);
  if (key.length !== 65 || key[0] !== 0x04) throw badInput(`p256dh must be base64url of a 65-byte P-256 public key, got ${key.length} bytes`, 'p256dh');
  try {
    const ours = createECDH('prime256v1');
    ours.generateKeys();
    ours.computeSecret(key);
  } catch {
    throw badInput('p256dh is not a point on P-256', 'p256dh');
  }
  return raw;
}

/** The browser's auth secret: base64url of 16 bytes (RFC 8291 §3.2). */
export function requireAuthSecret(raw: string): string {
  const secret = BASE64URL.test(raw) ? Buffer.from(raw, 'base64url') : Buffer.alloc(0);
  if (secret.length !== 16) throw badInput(`auth must be base64url of 16 bytes, got ${secret.length} bytes`, 'auth');
  return raw;
}
