import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { BatchRefusal } from './ingestCodes';

/**
 * The one signed-batch format between the edge ingestor (signs) and the telemetry ingest
 * endpoint (verifies). An HMAC-SHA256 under the edge gateway's key covers the key id, the
 * timestamp, a nonce, the method, the path and the raw body, so none can be altered or
 * replayed elsewhere:
 *
 *   v1\n<METHOD>\n<path>\n<keyId>\n<unix seconds>\n<nonce>\n<raw body bytes>
 *
 * sent as the headers below; the signature header is `v1=<lower-case hex>`.
 */
export const SIGNATURE_HEADERS = {
  keyId: 'x-farmiq-key-id',
  timestamp: 'x-farmiq-timestamp',
  nonce: 'x-farmiq-nonce',
  signature: 'x-farmiq-signature',
} as const;

/** The ingest endpoint's path on the telemetry subgraph (and on the gateway, which forwards it). */
export const INGEST_PATH = '/ingest/v1/batches';
/** Timestamps further than this from the verifier's clock, either way, are refused. */
export const MAX_CLOCK_SKEW_SECONDS = 300;
/** The largest body the endpoint reads. */
export const MAX_BATCH_BYTES = 4 * 1024 * 1024;
/** The most messages one batch may carry. */
export const MAX_BATCH_MESSAGES = 5_000;

const NONCE = /^[A-Za-z0-9_-]{16,64}$/;

function canonical(method: string, path: string, keyId: string, timestamp: string, nonce: string, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`v1\n${method.toUpperCase()}\n${path}\n${keyId}\n${timestamp}\n${nonce}\n`), body]);
}

const hmac = (secret: string, data: Buffer) => createHmac('sha256', Buffer.from(secret, 'base64url')).update(data).digest();

/** The headers that sign `body` for `method path` under the key `keyId`/`secret` at `now`. */
export function signBatch(input: {
  keyId: string;
  secret: string;
  method: string;
  path: string;
  body: Buffer;
  now?: Date;
  nonce?: string;
}): Record<string, string> {
  const timestamp = String(Math.floor((input.now ?? new Date()).getTime() / 1000));
  const nonce = input.nonce ?? randomBytes(16).toString('base64url');
  const signature = hmac(input.secret, canonical(input.method, input.path, input.keyId, timestamp, nonce, input.body)).toString('hex');
  return {
    [SIGNATURE_HEADERS.keyId]: input.keyId,
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.signature]: `v1=${signature}`,
  };
}

/**
 * POSTs `body` to `url` signed with an edge key: the one way the farm box calls the cloud. The
 * signature covers `route`, the path the cloud's endpoint is served on (INGEST_PATH, ...), not
 * the URL's own path: a reverse proxy may put the cloud below a prefix (`/farmiq/ingest/...`)
 * and strip it, and the endpoint verifies against its route. Rejects when no answer came
 * (network error, abort, timeout).
 */
export function postSigned(input: {
  url: URL;
  route: string;
  key: { keyId: string; secret: string };
  body: Buffer;
  signal: AbortSignal;
  now?: Date;
}): Promise<Response> {
  const { url, key, body } = input;
  const headers = signBatch({ keyId: key.keyId, secret: key.secret, method: 'POST', path: input.route, body, ...(input.now ? { now: input.now } : {}) });
  return fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body, signal: input.signal });
}

/** Why the signature headers cannot even be checked (lib/edge/ingestCodes.ts). */
export type SignatureRefusal = typeof BatchRefusal.SignatureMissing | typeof BatchRefusal.SignatureMalformed;

export interface SignedRequestParts {
  keyId: string;
  timestamp: number;
  nonce: string;
  signatureHex: string;
}

/** Reads the signature headers; a refusal code when one is missing or malformed. */
export function signatureParts(headers: Record<string, string | string[] | undefined>): SignedRequestParts | SignatureRefusal {
  const header = (name: string) => {
    const value = headers[name];
    return typeof value === 'string' ? value : undefined;
  };
  const keyId = header(SIGNATURE_HEADERS.keyId);
  const timestamp = header(SIGNATURE_HEADERS.timestamp);
  const nonce = header(SIGNATURE_HEADERS.nonce);
  const signature = header(SIGNATURE_HEADERS.signature);
  if (!keyId || !timestamp || !nonce || !signature) return BatchRefusal.SignatureMissing;
  if (!/^\d{1,12}$/.test(timestamp) || !NONCE.test(nonce) || !/^v1=[0-9a-f]{64}$/.test(signature) || keyId.length > 128) return BatchRefusal.SignatureMalformed;
  return { keyId, timestamp: Number(timestamp), nonce, signatureHex: signature.slice(3) };
}

/** True when `timestamp` (unix seconds) is within ±MAX_CLOCK_SKEW_SECONDS of `now`. */
export const isFresh = (timestamp: number, now: Date): boolean => Math.abs(now.getTime() / 1000 - timestamp) <= MAX_CLOCK_SKEW_SECONDS;

/** Recomputes the HMAC and compares in constant time. */
export function signatureMatches(parts: SignedRequestParts, secret: string, method: string, path: string, body: Buffer): boolean {
  const expected = hmac(secret, canonical(method, path, parts.keyId, String(parts.timestamp), parts.nonce, body));
  const presented = Buffer.from(parts.signatureHex, 'hex');
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}
