import { eventIdOf, isContractIssue, parseDevicePayload, type BatchMessage } from '../../lib/edge/batch';
import { metricOf } from '../../lib/deviceKinds';
import { TELEMETRY_TOPIC, TELEMETRY_TOPIC_FILTER } from '../../lib/mqtt/deviceTopic';

export { TELEMETRY_TOPIC_FILTER };

/** The largest payload read; anything bigger is refused unparsed. */
export const MAX_PAYLOAD_BYTES = 16 * 1024;

/** Why a message was dropped: a stable label for the invalid counter, and a detail for the log. */
export interface Invalid {
  reason: 'topic' | 'too_large' | 'json' | 'schema' | 'metric';
  detail: string;
}

/**
 * A device message as it goes into the buffer, or why it cannot. The device is the one in the
 * topic the broker authorised it to publish on (ACL: only its own), never one in the payload.
 * Metric names and ranges are checked against every known kind here (the edge does not know
 * each device's kind); the cloud checks them against the device's own kind.
 */
export function toBatchMessage(topic: string, payload: Buffer, receivedAt: Date): BatchMessage | Invalid {
  const deviceId = TELEMETRY_TOPIC.exec(topic)?.[1];
  if (!deviceId) return { reason: 'topic', detail: `not a device telemetry topic: ${topic.slice(0, 120)}` };
  if (payload.length > MAX_PAYLOAD_BYTES) return { reason: 'too_large', detail: `payload of ${payload.length} bytes, more than ${MAX_PAYLOAD_BYTES}` };
  let json: unknown;
  try {
    json = JSON.parse(payload.toString('utf8'));
  } catch (error) {
    return { reason: 'json', detail: `not JSON: ${(error as Error).message}` };
  }
  const contents = parseDevicePayload(json);
  if (isContractIssue(contents)) return { reason: 'schema', detail: `${contents.path}: ${contents.message}` };
  for (const name in contents.metrics) {
    const value = contents.metrics[name]!;
    const definition = metricOf('GENERIC', name);
    if (!definition) return { reason: 'metric', detail: `unknown metric ${name}` };
    if (value < definition.min || value > definition.max) {
      return { reason: 'metric', detail: `${name} ${value} outside ${definition.min}..${definition.max} ${definition.unit}` };
    }
  }
  const { timestamp } = contents;
  const observedAt = new Date(timestamp);
  if (Number.isNaN(observedAt.getTime())) return { reason: 'schema', detail: 'timestamp: not a date' };
  return {
    deviceId,
    eventId: eventIdOf(contents),
    observedAt: observedAt.toISOString(),
    receivedAt: receivedAt.toISOString(),
    metrics: contents.metrics,
  };
}

export const isInvalid = (result: BatchMessage | Invalid): result is Invalid => 'reason' in result && !('deviceId' in result);
