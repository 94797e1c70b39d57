import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The all-in-one process's own edge key (`farmiq start`): its embedded broker admits every
 * active device of every tenant, so its ingestor must be able to speak for every farm, with
 * nothing to configure. One edge gateway key per farm would need a key for each farm created
 * later and a forwarder that splits batches by farm; instead the process issues itself a key
 * that the ingest endpoint *in the same process* accepts for every farm. The batch still takes
 * the whole ingest path (signature, freshness, nonce, registry mapping, validation, dedup).
 *
 * The secret is 256 random bits made at first use and held in this process's memory only: it is
 * never written, logged or sent anywhere but in the signature header's HMAC. A process that
 * never issued one (every single-component target) accepts none, so a telemetry container or a
 * farm box can never be reached through it.
 */
export interface InProcessEdgeKey {
  keyId: string;
  secret: string;
}

/** Key ids of in-process keys start with this; edge gateway keys (`egk_…`) never do. */
const KEY_ID_PREFIX = 'inproc_';

let issued: InProcessEdgeKey | undefined;

/** The process's in-process edge key, made on first call. Only the all-in-one ingestor asks for it. */
export function issueInProcessEdgeKey(): InProcessEdgeKey {
  issued ??= { keyId: `${KEY_ID_PREFIX}${randomBytes(9).toString('base64url')}`, secret: randomBytes(32).toString('base64url') };
  return issued;
}

/** The in-process key named `keyId`, when this process issued it; undefined otherwise (then the registry decides). */
export function inProcessEdgeKey(keyId: string): InProcessEdgeKey | undefined {
  if (!issued || !keyId.startsWith(KEY_ID_PREFIX)) return undefined;
  const presented = Buffer.from(keyId);
  const own = Buffer.from(issued.keyId);
  return presented.length === own.length && timingSafeEqual(presented, own) ? issued : undefined;
}
