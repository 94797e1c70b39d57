/**
 * Every code the edge-to-cloud link speaks, in one place: the telemetry ingest endpoint sends
 * them, the forwarder reads them, the test fake of the cloud imports them. A code added here is
 * a contract change for farm boxes already in the field: append, never rename.
 */

/** Why the endpoint refused a whole batch: `{ "error": { "code", "message" } }` with the status beside each. */
export const BatchRefusal = {
  /** 401: a signature header is missing. */
  SignatureMissing: 'SIGNATURE_MISSING',
  /** 401: a signature header does not have its format. */
  SignatureMalformed: 'SIGNATURE_MALFORMED',
  /** 401: the signed time is more than MAX_CLOCK_SKEW_SECONDS from the cloud's clock. */
  TimestampOutOfWindow: 'TIMESTAMP_OUT_OF_WINDOW',
  /** 401: unknown, expired or revoked edge key. */
  KeyUnknown: 'KEY_UNKNOWN',
  /** 401: the signature does not match the request. */
  SignatureInvalid: 'SIGNATURE_INVALID',
  /** 401: the nonce was seen before (a replayed request). */
  NonceReplayed: 'NONCE_REPLAYED',
  /** 400: the body is not a batch. */
  BatchMalformed: 'BATCH_MALFORMED',
  /** 413: the body is over MAX_BATCH_BYTES. */
  BatchTooLarge: 'BATCH_TOO_LARGE',
  /** 503: the gateway could not reach the ingest endpoint behind it; nothing was stored, retry. */
  IngestUnavailable: 'INGEST_UNAVAILABLE',
} as const;
export type BatchRefusal = (typeof BatchRefusal)[keyof typeof BatchRefusal];

/** The one shape of every refusal, from the endpoint and from the gateway in front of it. */
export const batchRefusalBody = (code: BatchRefusal, message: string): { error: { code: BatchRefusal; message: string } } => ({ error: { code, message } });

/** Refusals that are the signer's or the clock's to fix: the batch itself may be fine, so the edge keeps it and retries. */
export const RETRYABLE_BATCH_REFUSALS: ReadonlySet<string> = new Set<BatchRefusal>([
  BatchRefusal.SignatureMissing,
  BatchRefusal.SignatureMalformed,
  BatchRefusal.TimestampOutOfWindow,
  BatchRefusal.KeyUnknown,
  BatchRefusal.SignatureInvalid,
  BatchRefusal.NonceReplayed,
]);

/**
 * Why one message of an acknowledged batch can never be stored (the `code` of an IngestResult's
 * `rejected` entry): resending the same message cannot help, so the edge quarantines it.
 */
export const MessageRejection = {
  /** The message does not fit the batch message contract. */
  Malformed: 'MALFORMED',
  /** Not a placed device of the farm (or farms) the signing key may speak for. */
  DeviceUnknown: 'DEVICE_UNKNOWN',
  /** The device is not ACTIVE (claimed but not placed, or revoked). */
  DeviceNotActive: 'DEVICE_NOT_ACTIVE',
  /** The device's clock is ahead of the cloud's by more than the allowed skew. */
  ObservedAtInFuture: 'OBSERVED_AT_IN_FUTURE',
  /** Older than the cloud keeps. */
  ObservedAtTooOld: 'OBSERVED_AT_TOO_OLD',
  /** A metric the device's kind does not define. */
  MetricUnknown: 'METRIC_UNKNOWN',
  /** A value outside the metric's range. */
  OutOfRange: 'OUT_OF_RANGE',
} as const;
export type MessageRejection = (typeof MessageRejection)[keyof typeof MessageRejection];

const MESSAGE_REJECTIONS: ReadonlySet<string> = new Set(Object.values(MessageRejection));

/** The code of a `rejected` entry: its `code`, else the `CODE:` its reason starts with (an older cloud), else UNKNOWN: a metrics label never takes an unbounded value. */
export function rejectionCode(entry: { code?: string; reason: string }): MessageRejection | 'UNKNOWN' {
  const code = entry.code ?? entry.reason.split(':', 1)[0]!.trim();
  return MESSAGE_REJECTIONS.has(code) ? (code as MessageRejection) : 'UNKNOWN';
}
