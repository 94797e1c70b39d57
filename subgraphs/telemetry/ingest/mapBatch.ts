import { isContractIssue, parseBatchMessage, type IngestResult } from '../../../lib/edge/batch';
import { MessageRejection } from '../../../lib/edge/ingestCodes';
import { metricOf } from '../../../lib/deviceKinds';
import type { TopologyDevice } from '../topology';
import type { ReadingRow } from './storeReadings';

/** A device clock this far ahead of ours is wrong; its readings are refused. */
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;
/** Older readings are refused (an edge buffer holds weeks, not years). */
export const MAX_AGE_MS = 400 * 24 * 60 * 60 * 1000;

export interface MappedBatch {
  rows: ReadingRow[];
  /** `deviceId eventId` of each message with at least one valid reading, in batch order. */
  messageKeys: string[];
  rejected: IngestResult['rejected'];
}

/**
 * Whose devices a signing key speaks for: one farm (an edge gateway's key), or every farm (the
 * all-in-one process's own key, lib/edge/inProcessEdgeKey.ts: its broker admits every active
 * device of every tenant, so its ingest must take them all).
 */
export type IngestScope = { tenantId: string; farmId: string } | 'every-farm';

const mayReport = (scope: IngestScope, device: TopologyDevice): boolean =>
  scope === 'every-farm' || (device.tenantId === scope.tenantId && device.farmId === scope.farmId);

/**
 * Maps each message to its device's tenant, farm and barn (never trusting the batch for them)
 * and keeps the readings the device's kind defines, within range. Messages of devices that are
 * not ACTIVE on a farm within the key's scope are rejected whole; a bad metric is rejected alone.
 */
export function mapBatch(messages: unknown[], scope: IngestScope, devices: Map<string, TopologyDevice>, now: Date): MappedBatch {
  const mapped: MappedBatch = { rows: [], messageKeys: [], rejected: [] };
  messages.forEach((raw, index) => mapMessage(raw, index, scope, devices, now, mapped));
  return mapped;
}

function mapMessage(raw: unknown, index: number, scope: IngestScope, devices: Map<string, TopologyDevice>, now: Date, mapped: MappedBatch): void {
  const message = parseBatchMessage(raw);
  if (isContractIssue(message)) {
    const eventId = typeof (raw as { eventId?: unknown })?.eventId === 'string' ? (raw as { eventId: string }).eventId : null;
    mapped.rejected.push({ index, eventId, code: MessageRejection.Malformed, reason: `${MessageRejection.Malformed}: ${message.path} ${message.message}` });
    return;
  }
  const reject = (code: MessageRejection, detail: string): void => {
    mapped.rejected.push({ index, eventId: message.eventId, code, reason: `${code}: ${detail}` });
  };
  const device = devices.get(message.deviceId);
  if (!device || !mayReport(scope, device)) return reject(MessageRejection.DeviceUnknown, 'not a device of this gateway’s farm');
  if (device.status !== 'ACTIVE') return reject(MessageRejection.DeviceNotActive, `the device is ${device.status}`);
  const observedAt = new Date(message.observedAt);
  if (observedAt.getTime() > now.getTime() + MAX_FUTURE_SKEW_MS) return reject(MessageRejection.ObservedAtInFuture, 'more than 300 s ahead of the cloud clock');
  if (observedAt.getTime() < now.getTime() - MAX_AGE_MS) return reject(MessageRejection.ObservedAtTooOld, 'more than 400 days ago');
  let kept = 0;
  for (const [metric, value] of Object.entries(message.metrics)) {
    const definition = metricOf(device.kind, metric);
    if (!definition) {
      reject(MessageRejection.MetricUnknown, `${metric} is not a metric of a ${device.kind} device`);
      continue;
    }
    if (value < definition.min || value > definition.max) {
      reject(MessageRejection.OutOfRange, `${metric} ${value} outside ${definition.min} to ${definition.max} ${definition.unit}`);
      continue;
    }
    kept += 1;
    mapped.rows.push({
      deviceId: device.deviceId,
      eventId: message.eventId,
      metric,
      value,
      observedAt,
      receivedAt: new Date(message.receivedAt),
      tenantId: device.tenantId,
      farmId: device.farmId,
      barnId: device.barnId,
    });
  }
  if (kept > 0) mapped.messageKeys.push(`${device.deviceId} ${message.eventId}`);
}
