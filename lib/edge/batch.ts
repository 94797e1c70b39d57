import { z } from 'zod';
import type { MessageRejection } from './ingestCodes';
import { MAX_BATCH_MESSAGES } from './signedBatch';

/**
 * What a device publishes on `farmiq/devices/<deviceId>/telemetry` (JSON, QoS 1):
 *
 *   { "eventId": "b1c…", "timestamp": "2026-11-25T08:00:00Z", "metrics": { "temperatureC": 24.5 } }
 *
 * `eventId` (1–64 URL-safe characters) or `seq` (a per-device sequence number) makes a
 * retransmission recognisable; `timestamp` is ISO 8601 or epoch milliseconds; `metrics` holds
 * 1–16 readings named as the device kind defines (lib/deviceKinds.ts). The device is the one
 * the broker authenticated on that topic, never one named in the payload.
 */
export interface DevicePayload {
  eventId?: string;
  seq?: number;
  timestamp: string | number;
  metrics: Record<string, number>;
}

/** Why a payload or batch message does not fit its contract: where, and what was expected. */
export interface ContractIssue {
  path: string;
  message: string;
}

export const isContractIssue = (value: unknown): value is ContractIssue => typeof value === 'object' && value !== null && 'path' in value && 'message' in value;

// Hand-written rather than zod: these run once per message on both sides of the link (tens of
// thousands a second); zod's generic machinery cost 5–7 µs a message there, these well under 1.
const EVENT_ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const METRIC_NAME = /^[a-z][A-Za-z0-9]{0,63}$/;
/** ISO 8601 date and time with Z or an offset, seconds and fractions optional. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEVICE_PAYLOAD_KEYS = new Set(['eventId', 'seq', 'timestamp', 'metrics']);

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isDateTime = (value: unknown): value is string => typeof value === 'string' && ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));

function metricsIssue(metrics: unknown, names: RegExp | undefined): ContractIssue | undefined {
  if (!isPlainObject(metrics)) return { path: 'metrics', message: 'expected an object of named readings' };
  let count = 0;
  for (const name in metrics) {
    count += 1;
    if (names && !names.test(name))
      return { path: `metrics.${name.slice(0, 64)}`, message: 'a metric name is a lower-camel-case word of up to 64 letters and digits' };
    const value = metrics[name];
    if (typeof value !== 'number' || !Number.isFinite(value)) return { path: `metrics.${name.slice(0, 64)}`, message: 'expected a finite number' };
  }
  return count >= 1 && count <= 16 ? undefined : { path: 'metrics', message: '1 to 16 readings' };
}

/**
 * Checks a device's payload against the contract above: an object with only `eventId`, `seq`,
 * `timestamp` and `metrics`; `eventId` 1–64 of A–Z a–z 0–9 _ . : -, `seq` a safe integer ≥ 0,
 * one of them present; `timestamp` ISO 8601 with an offset or positive epoch milliseconds;
 * `metrics` 1–16 finite numbers under lower-camel-case names.
 */
export function parseDevicePayload(json: unknown): DevicePayload | ContractIssue {
  if (!isPlainObject(json)) return { path: 'payload', message: 'expected a JSON object' };
  for (const key in json) if (!DEVICE_PAYLOAD_KEYS.has(key)) return { path: key.slice(0, 64), message: 'not a field of a device payload' };
  const { eventId, seq, timestamp, metrics } = json;
  if (eventId !== undefined && (typeof eventId !== 'string' || !EVENT_ID.test(eventId)))
    return { path: 'eventId', message: '1 to 64 letters, digits or _ . : -' };
  if (seq !== undefined && (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0))
    return { path: 'seq', message: 'expected an integer of at least 0' };
  if (eventId === undefined && seq === undefined) return { path: 'payload', message: 'eventId or seq is required' };
  const timestampValid = typeof timestamp === 'number' ? Number.isSafeInteger(timestamp) && timestamp > 0 : isDateTime(timestamp);
  if (!timestampValid) return { path: 'timestamp', message: 'expected an ISO 8601 date-time with offset or epoch milliseconds' };
  const issue = metricsIssue(metrics, METRIC_NAME);
  if (issue) return issue;
  return {
    eventId: eventId as string | undefined,
    seq: seq as number | undefined,
    timestamp: timestamp as string | number,
    metrics: metrics as Record<string, number>,
  };
}

/** The event id a payload is deduplicated by: its eventId, else `seq:<n>`. */
export const eventIdOf = (payload: DevicePayload): string => payload.eventId ?? `seq:${payload.seq}`;

/** One message in a forwarded batch: the device (from its topic), its event and readings. */
export interface BatchMessage {
  deviceId: string;
  eventId: string;
  /** When the device says it measured (ISO 8601). */
  observedAt: string;
  /** When the edge ingestor accepted it (ISO 8601). */
  receivedAt: string;
  metrics: Record<string, number>;
}

/** Checks one message of a batch: a device UUID, an event id of 1–72 characters, two ISO date-times and 1–16 finite readings. */
export function parseBatchMessage(raw: unknown): BatchMessage | ContractIssue {
  if (!isPlainObject(raw)) return { path: 'message', message: 'expected an object' };
  const { deviceId, eventId, observedAt, receivedAt, metrics } = raw;
  if (typeof deviceId !== 'string' || !UUID.test(deviceId)) return { path: 'deviceId', message: 'expected a UUID' };
  if (typeof eventId !== 'string' || eventId.length < 1 || eventId.length > 72) return { path: 'eventId', message: 'expected 1 to 72 characters' };
  if (!isDateTime(observedAt)) return { path: 'observedAt', message: 'expected an ISO 8601 date-time with offset' };
  if (!isDateTime(receivedAt)) return { path: 'receivedAt', message: 'expected an ISO 8601 date-time with offset' };
  const issue = metricsIssue(metrics, undefined);
  if (issue) return issue;
  return { deviceId, eventId, observedAt, receivedAt, metrics: metrics as Record<string, number> };
}

/** The JSON body the forwarder POSTs to the ingest endpoint. */
export const batchSchema = z.object({
  /** The forwarder's id for the batch (logged on both sides); retries send the same one. */
  batchId: z.string().min(1).max(64),
  messages: z.array(z.unknown()).min(1).max(MAX_BATCH_MESSAGES),
});

/** Per message, what the cloud did with it; a batch is acknowledged as a whole (HTTP 200). */
export interface IngestResult {
  /** Messages stored now. */
  accepted: number;
  /** Messages stored before (same device and event id): acknowledged, not written again. */
  duplicates: number;
  /**
   * Messages that can never be stored as sent (unknown device, wrong metric...), one entry per
   * problem: resending the same message cannot help, so the edge quarantines it. `reason` starts
   * with `code:` (clouds before `code` existed sent only the reason).
   */
  rejected: Array<{ index: number; eventId: string | null; code: MessageRejection; reason: string }>;
}
