import { decoderFor, type Topic } from './topic';

/**
 * Every durable domain event in FarmIQ: one payload type and one decoder per topic. Add a topic
 * here (never a string elsewhere); its publisher writes it with `appendEvent` in the
 * transaction of the change, its consumers read it with `startConsumer`.
 */

/** One stored reading as events carry it (the same shape the GraphQL `Reading` resolves from). */
export interface ReadingEvent {
  tenantId: string;
  farmId: string;
  barnId: string | null;
  deviceId: string;
  eventId: string;
  metric: string;
  unit: string;
  value: number;
  /** ISO 8601. */
  observedAt: string;
  receivedAt: string;
}

/** The readings one ingested batch wrote now (never the duplicates it carried). */
export interface ReadingsStoredEvent {
  readings: ReadingEvent[];
}

const readings = decoderFor('telemetry.readings-stored');

function decodeReading(raw: unknown, path: string): ReadingEvent {
  const r = readings.object(raw, path);
  return {
    tenantId: readings.string(r.tenantId, `${path}.tenantId`),
    farmId: readings.string(r.farmId, `${path}.farmId`),
    barnId: readings.nullableString(r.barnId, `${path}.barnId`),
    deviceId: readings.string(r.deviceId, `${path}.deviceId`),
    eventId: readings.string(r.eventId, `${path}.eventId`),
    metric: readings.string(r.metric, `${path}.metric`),
    unit: readings.string(r.unit, `${path}.unit`),
    value: readings.number(r.value, `${path}.value`),
    observedAt: readings.string(r.observedAt, `${path}.observedAt`),
    receivedAt: readings.string(r.receivedAt, `${path}.receivedAt`),
  };
}

/** Telemetry stored readings (one event per ingested batch, written with the rows). */
export const READINGS_STORED: Topic<ReadingsStoredEvent> = {
  name: 'telemetry.readings-stored',
  decode(raw) {
    const list = readings.array(readings.object(raw, '$').readings, '$.readings');
    return { readings: list.map((reading, i) => decodeReading(reading, `$.readings[${i}]`)) };
  },
  // A batch is one edge gateway's, so one farm's: a farm's batches are applied in order.
  partitionKey: (event) => event.readings[0]?.farmId ?? '',
};

/** An alert was raised or cleared (written in the transaction that changed it). */
export interface AlertChangeEvent {
  tenantId: string;
  farmId: string;
  alertId: string;
  change: 'RAISED' | 'CLEARED';
}

const alerts = decoderFor('telemetry.alert-changed');

/** Telemetry alert changes: notifications are told from here (one farm's changes in order). */
export const ALERT_CHANGED: Topic<AlertChangeEvent> = {
  name: 'telemetry.alert-changed',
  decode(raw) {
    const r = alerts.object(raw, '$');
    return {
      tenantId: alerts.string(r.tenantId, '$.tenantId'),
      farmId: alerts.string(r.farmId, '$.farmId'),
      alertId: alerts.string(r.alertId, '$.alertId'),
      change: alerts.oneOf(r.change, ['RAISED', 'CLEARED'] as const, '$.change'),
    };
  },
  partitionKey: (event) => event.farmId,
};
