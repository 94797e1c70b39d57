import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, randomUUID, verify, type ECDH } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The receiving side of Web Push, written from the RFCs (not from web-push's code), so that a
 * test fails when FarmIQ's messages are not what a real push service and browser accept:
 *
 * - a push service (RFC 8030 §5) on this machine: one endpoint per subscription, answering 201
 *   Created, or what the test asks (410 Gone: the browser unsubscribed); it checks the VAPID
 *   Authorization header (RFC 8292) as a push service does and refuses a bad one with 403;
 * - the browser's half (RFC 8291): a P-256 key pair and an auth secret made here, and the
 *   aes128gcm decryption (RFC 8188) of what arrived, as the browser would before the service
 *   worker's push event sees it.
 */

/** A browser's subscription keys: the private half stays in the test. */
export interface BrowserKeys {
  ecdh: ECDH;
  /** base64url of the uncompressed public point (PushSubscription.getKey('p256dh')). */
  p256dh: string;
  /** base64url of 16 random bytes (PushSubscription.getKey('auth')). */
  auth: string;
}

export function browserKeys(): BrowserKeys {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return { ecdh, p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') };
}

/** The claims of a VAPID token that passed every check. */
export interface VapidClaims {
  aud: string;
  exp: number;
  sub: string;
  /** The public key the server named (`k=`). */
  k: string;
}

/**
 * Checks `Authorization: vapid t=<JWT>, k=<public key>` (RFC 8292 §3): the JWT is ES256-signed by
 * the key `k`, its `aud` is the origin of the endpoint it was sent to, `exp` is in the future and no
 * more than 24 hours away, and `sub` is a mailto: or https: contact. Throws saying what is wrong.
 */
export function verifyVapid(authorization: string | undefined, endpointOrigin: string, now: Date): VapidClaims {
  const match = /^vapid\s+(.+)$/i.exec(authorization ?? '');
  if (!match) throw new Error(`not a vapid Authorization: ${authorization}`);
  const params = Object.fromEntries(match[1]!.split(',').map((part) => part.trim().split(/=(.*)/s).slice(0, 2) as [string, string]));
  const token = params.t;
  const k = params.k;
  if (!token || !k) throw new Error('vapid needs t= and k=');
  const [headerPart, payloadPart, signaturePart] = token.split('.');
  if (!headerPart || !payloadPart || !signaturePart) throw new Error('t is not a JWS compact token');
  const header = JSON.parse(Buffer.from(headerPart, 'base64url').toString('utf8')) as { alg?: string };
  if (header.alg !== 'ES256') throw new Error(`alg must be ES256, got ${header.alg}`);
  const point = Buffer.from(k, 'base64url');
  if (point.length !== 65 || point[0] !== 0x04) throw new Error('k is not an uncompressed P-256 point');
  const key = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') },
    format: 'jwk',
  });
  // JWS ES256 signatures are r || s (64 bytes), not DER.
  const signed = verify('sha256', Buffer.from(`${headerPart}.${payloadPart}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signaturePart, 'base64url'));
  if (!signed) throw new Error('the JWT signature does not verify with k');
  const claims = JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8')) as { aud?: unknown; exp?: unknown; sub?: unknown };
  if (claims.aud !== endpointOrigin) throw new Error(`aud must be the push service's origin ${endpointOrigin}, got ${String(claims.aud)}`);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (typeof claims.exp !== 'number' || claims.exp <= nowSeconds || claims.exp > nowSeconds + 24 * 3600)
    throw new Error(`exp must be within the next 24 hours, got ${String(claims.exp)}`);
  if (typeof claims.sub !== 'string' || !/^(mailto:|https:)/.test(claims.sub))
    throw new Error(`sub must be a mailto: or https: contact, got ${String(claims.sub)}`);
  return { aud: claims.aud, exp: claims.exp, sub: claims.sub, k };
}

/**
 * Decrypts an aes128gcm push message body (RFC 8291 §3.4 over RFC 8188 §2) with the browser's keys:
 *
 *   header = salt (16) || rs (4, big-endian) || idlen (1) || keyid (the server's ephemeral public key, 65)
 *   ecdh_secret = ECDH(browser private, server ephemeral public)
 *   IKM   = HKDF(salt = auth_secret, ecdh_secret, "WebPush: info" 0x00 || ua_public || as_public, 32)
 *   CEK   = HKDF(salt, IKM, "Content-Encoding: aes128gcm" 0x00, 16)
 *   NONCE = HKDF(salt, IKM, "Content-Encoding: nonce" 0x00, 12)
 *
 * One record (a push message is at most 4096 bytes): AES-128-GCM with the tag as its last 16
 * bytes; the plaintext ends with the last-record delimiter 0x02 and optional zero padding.
 */
export function decryptPushMessage(body: Buffer, keys: Pick<BrowserKeys, 'ecdh' | 'auth'>): Buffer {
  if (body.length < 21) throw new Error('body shorter than the aes128gcm header');
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20]!;
  const serverPublic = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  if (idLength !== 65) throw new Error(`keyid must be the server's 65-byte public key, got ${idLength} bytes`);
  if (record.length > recordSize) throw new Error('more than one record');
  const browserPublic = keys.ecdh.getPublicKey();
  const ecdhSecret = keys.ecdh.computeSecret(serverPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0', 'latin1'), browserPublic, serverPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', ecdhSecret, Buffer.from(keys.auth, 'base64url'), keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0', 'latin1'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0', 'latin1'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  let end = padded.length;
  while (end > 0 && padded[end - 1] === 0) end--;
  if (padded[end - 1] !== 0x02) throw new Error('the record does not end with the last-record delimiter 0x02');
  return padded.subarray(0, end - 1);
}

/** One message the push service accepted or refused. */
export interface ReceivedPush {
  subscription: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** What the push service answered. */
  status: number;
  /** The VAPID check's result: the claims, or why it failed. */
  vapid: VapidClaims | { error: string };
}

/** A push service on 127.0.0.1, port 0. */
export async function startPushService() {
  const received: ReceivedPush[] = [];
  const answers = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const subscription = /^\/push\/([\w-]+)$/.exec(req.url ?? '')?.[1];
      if (req.method !== 'POST' || !subscription) return void res.writeHead(404).end();
      let vapid: ReceivedPush['vapid'];
      try {
        vapid = verifyVapid(req.headers.authorization, origin, new Date());
      } catch (error) {
        vapid = { error: (error as Error).message };
      }
      // RFC 8030 §5: 201 Created with the message's Location; a gone subscription is 410.
      const status = 'error' in vapid ? 403 : (answers.get(subscription) ?? 201);
      received.push({ subscription, headers: req.headers, body: Buffer.concat(chunks), status, vapid });
      res.writeHead(status, status === 201 ? { location: `${origin}/message/${randomUUID()}` } : {}).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    received,
    /** A new subscription's endpoint; `status` is what the service answers every message to it. */
    endpoint(status = 201): { id: string; url: string } {
      const id = randomUUID();
      answers.set(id, status);
      return { id, url: `${origin}/push/${id}` };
    },
    to: (id: string) => received.filter((push) => push.subscription === id),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
