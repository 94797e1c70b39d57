import { badInput } from '../../lib/errors';
import { TOPICS, type ReadingEvent, type ReadingsStoredEvent } from '../../lib/pubsub/pubsub';
import { isUuid } from '../../lib/validation';
import type { LiveField, LiveFilter } from './liveField';

const METRIC_NAME = /^[a-z][A-Za-z0-9]{0,63}$/;
const MAX_METRICS = 50;
const MAX_EVERY_SECONDS = 3600;

/** `Subscription.readingAdded(barnId | deviceId, metrics, everySeconds)` over `telemetry.readings-stored`. */
export const readingAdded: LiveField<ReadingEvent> = {
  field: 'readingAdded',
  topic: TOPICS.readingsStored,
  eventsOf: (payload) => {
    const readings = (payload as Partial<ReadingsStoredEvent> | null)?.readings;
    return Array.isArray(readings) ? readings.filter(isReadingEvent) : [];
  },
  tenantOf: (event) => event.tenantId,
  keysOf: (event) => (event.barnId ? [`device:${event.deviceId}`, `barn:${event.barnId}`] : [`device:${event.deviceId}`]),
  filterFrom: (args) => readingFilter(args),
  subjectOf: (args) =>
    args.barnId != null ? { field: 'barn', id: args.barnId as string, what: 'Barn' } : { field: 'device', id: args.deviceId as string, what: 'Device' },
  resolver: {
    field: 'readingEvents',
    argument: 'events',
    inputType: 'ReadingEventInput',
    inputOf: (event) => ({
      deviceId: event.deviceId,
      metric: event.metric,
      unit: event.unit,
      value: event.value,
      observedAt: event.observedAt,
      receivedAt: event.receivedAt,
    }),
  },
  // `readingEvents` echoes every field but `device`, whose subtree depends on the device alone.
  local: {
    entityField: 'device',
    entityOf: (event) => event.deviceId,
    echoed: {
      __typename: () => 'Reading',
      metric: (event) => event.metric,
      unit: (event) => event.unit,
      value: (event) => event.value,
      observedAt: (event) => event.observedAt,
      receivedAt: (event) => event.receivedAt,
    },
  },
};

function isReadingEvent(value: unknown): value is ReadingEvent {
  const event = value as Partial<ReadingEvent> | null;
  return (
    typeof event?.tenantId === 'string' &&
    typeof event.deviceId === 'string' &&
    typeof event.metric === 'string' &&
    typeof event.value === 'number' &&
    typeof event.observedAt === 'string' &&
    typeof event.receivedAt === 'string'
  );
}

function readingFilter(args: Record<string, unknown>): LiveFilter<ReadingEvent> {
  const barnId = args.barnId as string | null | undefined;
  const deviceId = args.deviceId as string | null | undefined;
  if ((barnId == null) === (deviceId == null)) {
    throw badInput(`readingAdded: give exactly one of barnId and deviceId, got ${barnId == null && deviceId == null ? 'neither' : 'both'}`);
  }
  const [field, id] = barnId != null ? ['barnId', barnId] : ['deviceId', deviceId!];
  if (!isUuid(id)) throw badInput(`${field}: expected a UUID, got ${JSON.stringify(id)}`, field);

  const metrics = args.metrics as string[] | null | undefined;
  if (metrics != null) {
    if (metrics.length === 0 || metrics.length > MAX_METRICS)
      throw badInput(`metrics: expected 1 to ${MAX_METRICS} metric names (or leave it out for all), got ${metrics.length}`, 'metrics');
    const wrong = metrics.find((metric) => !METRIC_NAME.test(metric));
    if (wrong !== undefined) throw badInput(`metrics: expected metric names like temperatureC, got ${JSON.stringify(wrong)}`, 'metrics');
  }
  const everySeconds = args.everySeconds as number | null | undefined;
  if (everySeconds != null && (everySeconds < 1 || everySeconds > MAX_EVERY_SECONDS)) {
    throw badInput(`everySeconds: expected 1 to ${MAX_EVERY_SECONDS}, got ${everySeconds}`, 'everySeconds');
  }

  const wanted = metrics ? new Set(metrics) : undefined;
  const sample = everySeconds ? downsampler(everySeconds * 1000) : undefined;
  return {
    key: barnId != null ? `barn:${barnId}` : `device:${deviceId}`,
    accept: (event) => (!wanted || wanted.has(event.metric)) && (!sample || sample(event)),
  };
}

/**
 * One reading per series (device and metric) per `intervalMs` of observation time: a reading
 * passes when it was observed at least `intervalMs` after the last one that passed. Observation
 * time (not arrival) keeps a backlog an edge forwards after an outage downsampled too.
 */
function downsampler(intervalMs: number): (event: ReadingEvent) => boolean {
  const lastPassed = new Map<string, number>();
  return (event) => {
    const series = `${event.deviceId}/${event.metric}`;
    const observedAt = Date.parse(event.observedAt);
    const last = lastPassed.get(series);
    if (last !== undefined && observedAt < last + intervalMs) return false;
    lastPassed.set(series, observedAt);
    return true;
  };
}
