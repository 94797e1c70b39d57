import { decoderFor, EventDecodeError, type Topic } from './topic';

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

/**
 * How a readings-stored event is stored since version 2: the tenant and farm once (an event is
 * one farm's) and each metric's unit once, not on every reading (a third of the JSON of a
 * 5,000-reading batch, which the endpoint writes and PostgreSQL parses and compresses). Events
 * whose readings do not share them, and every event stored before, are the plain payload
 * (version 1); the decoder reads both.
 */
interface StoredReadingsV2 {
  version: 2;
  tenantId: string;
  farmId: string;
  /** Metric → unit. */
  units: Record<string, string>;
  readings: Array<Omit<ReadingEvent, 'tenantId' | 'farmId' | 'unit'>>;
}

/** The version 2 form of `event`, or the event as it is when its readings do not share a tenant, a farm and one unit per metric. */
export function encodeReadingsStored(event: ReadingsStoredEvent): StoredReadingsV2 | ReadingsStoredEvent {
  const first = event.readings[0];
  if (!first) return event;
  const units: Record<string, string> = Object.create(null);
  const compact: StoredReadingsV2['readings'] = [];
  for (const { tenantId, farmId, unit, ...reading } of event.readings) {
    if (tenantId !== first.tenantId || farmId !== first.farmId || (units[reading.metric] ??= unit) !== unit) return event;
    compact.push(reading);
  }
  return { version: 2, tenantId: first.tenantId, farmId: first.farmId, units, readings: compact };
}

const readings = decoderFor('telemetry.readings-stored');

/** One reading as stored: all its fields (version 1), or without those `shared` holds once for the event (version 2). */
function decodeReading(raw: unknown, path: string, shared?: { tenantId: unknown; farmId: unknown; units: Record<string, unknown> }): ReadingEvent {
  const r = readings.object(raw, path);
  const metric = readings.string(r.metric, `${path}.metric`);
  return {
    tenantId: readings.string(shared ? shared.tenantId : r.tenantId, shared ? '$.tenantId' : `${path}.tenantId`),
    farmId: readings.string(shared ? shared.farmId : r.farmId, shared ? '$.farmId' : `${path}.farmId`),
    barnId: readings.nullableString(r.barnId, `${path}.barnId`),
    deviceId: readings.string(r.deviceId, `${path}.deviceId`),
    eventId: readings.string(r.eventId, `${path}.eventId`),
    metric,
    unit: readings.string(
      shared ? (Object.hasOwn(shared.units, metric) ? shared.units[metric] : undefined) : r.unit,
      shared ? `$.units.${metric}` : `${path}.unit`,
    ),
    value: readings.number(r.value, `${path}.value`),
    observedAt: readings.string(r.observedAt, `${path}.observedAt`),
    receivedAt: readings.string(r.receivedAt, `${path}.receivedAt`),
  };
}

/** Telemetry stored readings (one event per ingested batch, written with the rows). */
export const READINGS_STORED: Topic<ReadingsStoredEvent> = {
  name: 'telemetry.readings-stored',
  decode(raw) {
    const stored = readings.object(raw, '$');
    const list = readings.array(stored.readings, '$.readings');
    if (stored.version === undefined) return { readings: list.map((reading, i) => decodeReading(reading, `$.readings[${i}]`)) };
    if (stored.version !== 2) throw new EventDecodeError('telemetry.readings-stored', 'version 2 or none', '$.version');
    const shared = { tenantId: stored.tenantId, farmId: stored.farmId, units: readings.object(stored.units, '$.units') };
    return { readings: list.map((reading, i) => decodeReading(reading, `$.readings[${i}]`, shared)) };
  },
  encode: encodeReadingsStored,
  // A batch is one edge gateway's, so one farm's: a farm's batches are applied in order.
  partitionKey: (event) => event.readings[0]?.farmId ?? '',
  decodeCopies: true,
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

/**
 * Security-relevant actions of subgraphs other than identity (devices, billing, telemetry), for identity's
 * audit log: written in the transaction of the action, applied by identity (the table's owner).
 * The names are values of identity's GraphQL `AuditAction` enum.
 */
export const AUDITED_ACTIONS = [
  'DEVICE_CLAIMED',
  'DEVICE_ACTIVATED',
  'DEVICE_CREDENTIALS_ROTATED',
  'DEVICE_REVOKED',
  'EDGE_GATEWAY_REGISTERED',
  'EDGE_GATEWAY_KEY_ROTATED',
  'EDGE_GATEWAY_REVOKED',
  'SUBSCRIPTION_STARTED',
  'PLAN_CHANGED',
  'SUBSCRIPTION_CANCEL_SCHEDULED',
  'SUBSCRIPTION_CANCELED',
  'SUBSCRIPTION_RENEWED',
  'PAYMENT_RECORDED',
  'PAYMENT_REFUNDED',
  'DEVICE_REGISTERED',
  'DEVICE_CLAIM_CODE_REISSUED',
  'BROKER_AUTH_FILES_EXPORTED',
  'BILLING_PROFILE_CHANGED',
  'CREDIT_NOTE_ISSUED',
  'VAT_RATE_SET',
  'EXCHANGE_RATE_SET',
  'READINGS_EXPORTED',
] as const;
export type AuditedAction = (typeof AUDITED_ACTIONS)[number];

/** One audit record as its subgraph wrote it; `id` makes applying it twice harmless. */
export interface AuditActionEvent {
  id: string;
  /** ISO 8601: when the action happened (not when identity applied it). */
  at: string;
  action: AuditedAction;
  tenantId: string | null;
  /** The user or API client; null for the platform itself (a renewal, a payment provider's webhook). */
  actorId: string | null;
  actorKind: string | null;
  targetType: string;
  targetId: string;
  address: string;
  requestId: string;
  /** What the target alone does not say (an export's time range and filter); absent from older events. */
  detail?: string | null;
}

const audit = decoderFor('identity.audit-action');

export const AUDIT_ACTIONS: Topic<AuditActionEvent> = {
  name: 'identity.audit-action',
  decode(raw) {
    const r = audit.object(raw, '$');
    return {
      id: audit.string(r.id, '$.id'),
      at: audit.string(r.at, '$.at'),
      action: audit.oneOf(r.action, AUDITED_ACTIONS, '$.action'),
      tenantId: audit.nullableString(r.tenantId, '$.tenantId'),
      actorId: audit.nullableString(r.actorId, '$.actorId'),
      actorKind: audit.nullableString(r.actorKind, '$.actorKind'),
      targetType: audit.string(r.targetType, '$.targetType'),
      targetId: audit.string(r.targetId, '$.targetId'),
      address: audit.string(r.address, '$.address'),
      requestId: audit.string(r.requestId, '$.requestId'),
      detail: r.detail === undefined ? null : audit.nullableString(r.detail, '$.detail'),
    };
  },
  partitionKey: (event) => event.tenantId ?? '',
};

/** An alert was raised or cleared (written in the transaction that changed it); the alert as it stood then. */
export interface AlertRaisedOrClearedEvent {
  tenantId: string;
  farmId: string;
  barnId: string | null;
  alertId: string;
  change: 'RAISED' | 'CLEARED';
  severity: string;
  metric: string;
  builtIn: string | null;
  ruleId: string | null;
  threshold: number;
  peakValue: number;
  lastValue: number;
  /** ISO 8601. */
  raisedAt: string;
  clearedAt: string | null;
}

const alerts = decoderFor('telemetry.alert-raised-or-cleared');

/** Telemetry's alert changes that people and partners are told about. */
export const ALERT_RAISED_OR_CLEARED: Topic<AlertRaisedOrClearedEvent> = {
  name: 'telemetry.alert-raised-or-cleared',
  decode(raw) {
    const e = alerts.object(raw, '$');
    return {
      tenantId: alerts.string(e.tenantId, '$.tenantId'),
      farmId: alerts.string(e.farmId, '$.farmId'),
      barnId: alerts.nullableString(e.barnId, '$.barnId'),
      alertId: alerts.string(e.alertId, '$.alertId'),
      change: alerts.oneOf(e.change, ['RAISED', 'CLEARED'] as const, '$.change'),
      severity: alerts.string(e.severity, '$.severity'),
      metric: alerts.string(e.metric, '$.metric'),
      builtIn: alerts.nullableString(e.builtIn, '$.builtIn'),
      ruleId: alerts.nullableString(e.ruleId, '$.ruleId'),
      threshold: alerts.number(e.threshold, '$.threshold'),
      peakValue: alerts.number(e.peakValue, '$.peakValue'),
      lastValue: alerts.number(e.lastValue, '$.lastValue'),
      raisedAt: alerts.string(e.raisedAt, '$.raisedAt'),
      clearedAt: alerts.nullableString(e.clearedAt, '$.clearedAt'),
    };
  },
  partitionKey: (event) => event.farmId,
};

/** A batch's last animals left (died or were depleted): written in the transaction that removed them. */
export interface BatchClosedEvent {
  tenantId: string;
  farmId: string;
  barnId: string | null;
  batchId: string;
  species: string;
  headCountPlaced: number;
  /** ISO 8601 date of placement. */
  placedOn: string;
  closedAt: string;
}

const batches = decoderFor('kpi.batch-closed');

export const BATCH_CLOSED: Topic<BatchClosedEvent> = {
  name: 'kpi.batch-closed',
  decode(raw) {
    const e = batches.object(raw, '$');
    return {
      tenantId: batches.string(e.tenantId, '$.tenantId'),
      farmId: batches.string(e.farmId, '$.farmId'),
      barnId: batches.nullableString(e.barnId, '$.barnId'),
      batchId: batches.string(e.batchId, '$.batchId'),
      species: batches.string(e.species, '$.species'),
      headCountPlaced: batches.number(e.headCountPlaced, '$.headCountPlaced'),
      placedOn: batches.string(e.placedOn, '$.placedOn'),
      closedAt: batches.string(e.closedAt, '$.closedAt'),
    };
  },
  partitionKey: (event) => event.farmId,
};

/** An invoice or credit note was issued: written in the transaction that numbered it. */
export interface InvoiceIssuedEvent {
  tenantId: string;
  invoiceId: string;
  number: number;
  kind: string;
  currency: string;
  totalMinor: number;
  issuedAt: string;
}

const invoices = decoderFor('billing.invoice-issued');

export const INVOICE_ISSUED: Topic<InvoiceIssuedEvent> = {
  name: 'billing.invoice-issued',
  decode(raw) {
    const e = invoices.object(raw, '$');
    return {
      tenantId: invoices.string(e.tenantId, '$.tenantId'),
      invoiceId: invoices.string(e.invoiceId, '$.invoiceId'),
      number: invoices.number(e.number, '$.number'),
      kind: invoices.string(e.kind, '$.kind'),
      currency: invoices.string(e.currency, '$.currency'),
      totalMinor: invoices.number(e.totalMinor, '$.totalMinor'),
      issuedAt: invoices.string(e.issuedAt, '$.issuedAt'),
    };
  },
  // A tenant's invoices in the order they were numbered.
  partitionKey: (event) => event.tenantId,
};

/** The API limits a billing plan gives a tenant's partner API clients (billing's plan definitions). */
export interface PlanApiLimitsEvent {
  requestsPerMinute: number;
  costPointsPerDay: number;
}

/**
 * A tenant's effective plan after a subscription change (start, plan change, scheduled or
 * immediate cancellation, renewal) or billing's announcement of a plan that predates this
 * topic: written in the transaction of the change. `plan` and `apiLimits` are null when the
 * tenant has no active subscription any more. Consumers keep the newest by outbox position.
 */
export interface TenantPlanChangedEvent {
  tenantId: string;
  plan: string | null;
  apiLimits: PlanApiLimitsEvent | null;
  /** STARTED, PLAN_CHANGED, CANCEL_SCHEDULED, CANCELED, RENEWED, or ANNOUNCED (a plan that predates the topic, or whose limits were redefined). */
  reason: string;
  /** ISO 8601: when the change took effect. */
  at: string;
}

const plans = decoderFor('billing.tenant-plan-changed');

export const TENANT_PLAN_CHANGED: Topic<TenantPlanChangedEvent> = {
  name: 'billing.tenant-plan-changed',
  decode(raw) {
    const e = plans.object(raw, '$');
    const limits = e.apiLimits === null || e.apiLimits === undefined ? null : plans.object(e.apiLimits, '$.apiLimits');
    const plan = plans.nullableString(e.plan, '$.plan');
    if ((plan === null) !== (limits === null))
      throw new EventDecodeError('billing.tenant-plan-changed', 'plan and apiLimits both set or both null', '$.apiLimits');
    return {
      tenantId: plans.string(e.tenantId, '$.tenantId'),
      plan,
      apiLimits: limits && {
        requestsPerMinute: plans.number(limits.requestsPerMinute, '$.apiLimits.requestsPerMinute'),
        costPointsPerDay: plans.number(limits.costPointsPerDay, '$.apiLimits.costPointsPerDay'),
      },
      reason: plans.string(e.reason, '$.reason'),
      at: plans.string(e.at, '$.at'),
    };
  },
  // A tenant's plan changes in the order they were made.
  partitionKey: (event) => event.tenantId,
};

/**
 * One farm, barn or device of devices' topology as it stands after a change, or `deleted`. Full
 * state, never a difference: a read model that applies the newest event of an object has the
 * object, whatever it missed before. Written by devices' tables' own triggers at commit
 * (prisma/migrations/20261201100000_topology_read_models), so no mutation can forget it.
 */
export type TopologyChangedEvent =
  | { object: 'farm'; id: string; deleted: false; tenantId: string; timeZone: string }
  | { object: 'barn'; id: string; deleted: false; tenantId: string; farmId: string; species: string }
  | { object: 'device'; id: string; deleted: false; tenantId: string | null; barnId: string | null; kind: string; status: string }
  | { object: 'farm' | 'barn' | 'device'; id: string; deleted: true };

export const TOPOLOGY_OBJECTS = ['farm', 'barn', 'device'] as const;

const topology = decoderFor('devices.topology-changed');

/**
 * The one partition key of topology: the whole topology is one ordered stream (a few events per
 * human action), so a read model is always devices' state at some position, and "has the read
 * model seen position n" is one number. The migration's triggers write its shard (911) as a literal.
 */
export const TOPOLOGY_PARTITION_KEY = 'devices.topology';

export const TOPOLOGY_CHANGED: Topic<TopologyChangedEvent> = {
  name: 'devices.topology-changed',
  decode(raw) {
    const e = topology.object(raw, '$');
    const object = topology.oneOf(e.object, TOPOLOGY_OBJECTS, '$.object');
    const id = topology.string(e.id, '$.id');
    if (e.deleted === true) return { object, id, deleted: true };
    if (e.deleted !== false) topology.oneOf(e.deleted, [], '$.deleted (true or false)');
    const tenantId = topology.nullableString(e.tenantId, '$.tenantId');
    switch (object) {
      case 'farm':
        return { object, id, deleted: false, tenantId: topology.string(e.tenantId, '$.tenantId'), timeZone: topology.string(e.timeZone, '$.timeZone') };
      case 'barn':
        return {
          object,
          id,
          deleted: false,
          tenantId: topology.string(e.tenantId, '$.tenantId'),
          farmId: topology.string(e.farmId, '$.farmId'),
          species: topology.string(e.species, '$.species'),
        };
      default:
        return {
          object,
          id,
          deleted: false,
          tenantId,
          barnId: topology.nullableString(e.barnId, '$.barnId'),
          kind: topology.string(e.kind, '$.kind'),
          status: topology.string(e.status, '$.status'),
        };
    }
  },
  partitionKey: () => TOPOLOGY_PARTITION_KEY,
  // A subgraph whose read model starts next year still gets every farm, barn and device.
  compactedBy: ['object', 'id'],
};
