import { z } from 'zod';
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
export const devicePayloadSchema = z
  .object({
    eventId: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'eventId: 1 to 64 letters, digits or _ . : -').optional(),
    seq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    timestamp: z.union([z.string().datetime({ offset: true }), z.number().int().positive()]),
    metrics: z.record(z.string().regex(/^[a-z][A-Za-z0-9]{0,63}$/), z.number().finite()).refine((metrics) => {
      const count = Object.keys(metrics).length;
      return count >= 1 && count <= 16;
    }, 'metrics: 1 to 16 readings'),
  })
  .strict()
  .refine((payload) => payload.eventId !== undefined || payload.seq !== undefined, 'eventId or seq is required');
export type DevicePayload = z.infer<typeof devicePayloadSchema>;

/** The event id a payload is deduplicated by: its eventId, else `seq:<n>`. */
export const eventIdOf = (payload: DevicePayload): string => payload.eventId ?? `seq:${payload.seq}`;

/** One message in a forwarded batch: the device (from its topic), its event and readings. */
export const batchMessageSchema = z.object({
  deviceId: z.string().uuid(),
  eventId: z.string().min(1).max(72),
  /** When the device says it measured (ISO 8601). */
  observedAt: z.string().datetime({ offset: true }),
  /** When the edge ingestor accepted it (ISO 8601). */
  receivedAt: z.string().datetime({ offset: true }),
  metrics: z.record(z.string(), z.number().finite()),
});
export type BatchMessage = z.infer<typeof batchMessageSchema>;

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
  /** Messages that can never be stored (unknown device, wrong metric...); do not resend them. */
  rejected: Array<{ index: number; eventId: string | null; reason: string }>;
}
