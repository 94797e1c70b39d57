import { BatchRefusal } from './ingestCodes';
import { isFresh, MAX_CLOCK_SKEW_SECONDS, signatureMatches, signatureParts } from './signedBatch';

/** A key that verifies now: its secret, and whom it may speak for. */
export interface VerifyingKey<Scope> {
  keyId: string;
  secret: string;
  scope: Scope;
}

export interface SignedRequest {
  headers: Record<string, string | string[] | undefined>;
  method: string;
  /** The path the signer signed (the route's own, whatever host or gateway it came through). */
  path: string;
  body: Buffer;
  /** What the refusals call it ('batch', 'request'). */
  noun: string;
}

export type Verification<Scope> = { ok: true; key: VerifyingKey<Scope> } | { ok: false; status: 401; code: BatchRefusal; message: string };

/**
 * Checks a request signed by an edge gateway (lib/edge/signedBatch.ts), in the order every
 * endpoint of the edge link uses: the headers, the time window, the key (its lookup is the
 * caller's: the registry, or the in-process key), the HMAC over method, path and body, then the
 * nonce (recorded only once the signature is good, so nobody can burn a farm's nonces). Every
 * refusal is a 401 with a code of lib/edge/ingestCodes.ts; the caller answers it.
 */
export async function verifySignedRequest<Scope>(
  request: SignedRequest,
  now: Date,
  keyFor: (keyId: string) => Promise<VerifyingKey<Scope> | undefined>,
  /** Records the nonce under the key; false when it was seen before (a replay). */
  claimNonce: (keyId: string, nonce: string) => Promise<boolean>,
): Promise<Verification<Scope>> {
  const refuse = (code: BatchRefusal, message: string): Verification<Scope> => ({ ok: false, status: 401, code, message });
  const parts = signatureParts(request.headers);
  if (typeof parts === 'string') return refuse(parts, `The ${request.noun} must carry the x-farmiq-key-id, -timestamp, -nonce and -signature headers`);
  if (!isFresh(parts.timestamp, now))
    return refuse(BatchRefusal.TimestampOutOfWindow, `The signature timestamp is more than ${MAX_CLOCK_SKEW_SECONDS} s from the cloud clock`);
  const key = await keyFor(parts.keyId);
  if (!key) return refuse(BatchRefusal.KeyUnknown, 'Unknown, expired or revoked edge gateway key');
  if (!signatureMatches(parts, key.secret, request.method, request.path, request.body))
    return refuse(BatchRefusal.SignatureInvalid, `The signature does not match the ${request.noun}`);
  if (!(await claimNonce(parts.keyId, parts.nonce))) return refuse(BatchRefusal.NonceReplayed, `This nonce was used already: a replayed ${request.noun}`);
  return { ok: true, key };
}
