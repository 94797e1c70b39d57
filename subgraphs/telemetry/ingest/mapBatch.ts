import { isContractIssue, parseBatchMessage, type IngestResult } from '../../../lib/edge/batch';
import { metricOf } from '../../../lib/deviceKinds';
import type { RegisteredDeviceInfo } from '../../devices/registry';
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
 * Maps each message to its device's tenant, farm and barn (never trusting the batch for them)
 * and keeps the readings the device's kind defines, within range. Messages of devices that are
 * not ACTIVE on the signing gateway's farm are rejected whole; a bad metric is rejected alone.
 */
export function mapBatch(
  messages: unknown[],
  gateway: { tenantId: string; farmId: string },
  devices: Map<string, RegisteredDeviceInfo>,
  now: Date,
): MappedBatch {
  const mapped: MappedBatch = { rows: [], messageKeys: [], rejected: [] };
  messages.forEach((raw, index) => mapMessage(raw, index, gateway, devices, now, mapped));
  return mapped;
}

function mapMessage(raw: unknown, index: number, gateway: { tenantId: string; farmId: string }, devices: Map<string, RegisteredDeviceInfo>, now: Date, mapped: MappedBatch): void {
  const message = parseBatchMessage(raw);
  if (isContractIssue(message)) {
    const eventId = typeof (raw as { eventId?: unknown })?.eventId === 'string' ? (raw as { eventId: string }).eventId : null;
    mapped.rejected.push({ index, eventId, reason: `MALFORMED: ${message.path} ${message.message}` });
    return;
  }
  const reject = (reason: string): void => {
    mapped.rejected.push({ index, eventId: message.eventId, reason });
  };
  const device = devices.get(message.deviceId);
  if (!device || device.tenantId !== gateway.tenantId || device.farmId !== gateway.farmId) return reject('DEVICE_UNKNOWN: not a device of this gateway’s farm');
  if (device.status !== 'ACTIVE') return reject(`DEVICE_NOT_ACTIVE: the device is ${device.status}`);
  const observedAt = new Date(message.observedAt);
  if (observedAt.getTime() > now.getTime() + MAX_FUTURE_SKEW_MS) return reject('OBSERVED_AT_IN_FUTURE: more than 300 s ahead of the cloud clock');
  if (observedAt.getTime() < now.getTime() - MAX_AGE_MS) return reject('OBSERVED_AT_TOO_OLD: more than 400 days ago');
  let kept = 0;
  for (const [metric, value] of Object.entries(message.metrics)) {
    const definition = metricOf(device.kind, metric);
    if (!definition) {
      reject(`METRIC_UNKNOWN: ${metric} is not a metric of a ${device.kind} device`);
      continue;
    }
    if (value < definition.min || value > definition.max) {
      reject(`OUT_OF_RANGE: ${metric} ${value} outside ${definition.min} to ${definition.max} ${definition.unit}`);
      continue;
    }
    kept += 1;
    mapped.rows.push({ deviceId: device.deviceId, eventId: message.eventId, metric, value, observedAt, receivedAt: new Date(message.receivedAt), tenantId: device.tenantId, farmId: device.farmId, barnId: device.barnId });
  }
  if (kept > 0) mapped.messageKeys.push(`${device.deviceId} ${message.eventId}`);
}
