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

/** Where a weigh session's weights come from. */
export const WEIGH_SESSION_SOURCES = ['MANUAL', 'PLATFORM_SCALE', 'CAMERA'] as const;
export type WeighSessionSourceName = (typeof WEIGH_SESSION_SOURCES)[number];

/** What every weigh-session event carries: its own id (duplicates are recognised by it), the session, the tenant and when it happened at its source. */
interface WeighSessionEventBase {
  eventId: string;
  sessionId: string;
  tenantId: string;
  /** ISO 8601: when it happened at its source (a camera frame, a click), not when it arrived. */
  occurredAt: string;
}

export type WeighSessionEvent =
  | (WeighSessionEventBase & { kind: 'session.created'; batchId: string; barnId: string | null; source: WeighSessionSourceName; weighedOn: string })
  | (WeighSessionEventBase & { kind: 'weight.recorded'; weightGrams: number })
  | (WeighSessionEventBase & { kind: 'session.finalized' })
  | (WeighSessionEventBase & { kind: 'session.cancelled' });

export const WEIGH_SESSION_EVENT_KINDS = ['session.created', 'weight.recorded', 'session.finalized', 'session.cancelled'] as const;

/** Events of one weigh session, in any order the producer had them. */
export interface WeighSessionEventsPayload {
  events: WeighSessionEvent[];
}

const weighSessions = decoderFor('kpi.weigh-session-events');

/** One weigh-session event from its stored JSON (also the projection's own event store). */
export function decodeWeighSessionEvent(raw: unknown, path: string): WeighSessionEvent {
  const e = weighSessions.object(raw, path);
  const base = {
    eventId: weighSessions.string(e.eventId, `${path}.eventId`),
    sessionId: weighSessions.string(e.sessionId, `${path}.sessionId`),
    tenantId: weighSessions.string(e.tenantId, `${path}.tenantId`),
    occurredAt: weighSessions.string(e.occurredAt, `${path}.occurredAt`),
  };
  const kind = weighSessions.oneOf(e.kind, WEIGH_SESSION_EVENT_KINDS, `${path}.kind`);
  switch (kind) {
    case 'session.created':
      return {
        ...base,
        kind,
        batchId: weighSessions.string(e.batchId, `${path}.batchId`),
        barnId: weighSessions.nullableString(e.barnId, `${path}.barnId`),
        source: weighSessions.oneOf(e.source, WEIGH_SESSION_SOURCES, `${path}.source`),
        weighedOn: weighSessions.string(e.weighedOn, `${path}.weighedOn`),
      };
    case 'weight.recorded':
      return { ...base, kind, weightGrams: weighSessions.number(e.weightGrams, `${path}.weightGrams`) };
    default:
      return { ...base, kind };
  }
}

/** Weigh-session events (kpi's mutations, camera weights from stored readings): the projection applies them. */
export const WEIGH_SESSION_EVENTS: Topic<WeighSessionEventsPayload> = {
  name: 'kpi.weigh-session-events',
  decode(raw) {
    const list = weighSessions.array(weighSessions.object(raw, '$').events, '$.events');
    return { events: list.map((event, i) => decodeWeighSessionEvent(event, `$.events[${i}]`)) };
  },
  // One session's events stay in one partition; the projection does not need their order anyway.
  partitionKey: (payload) => payload.events[0]?.sessionId ?? '',
};
