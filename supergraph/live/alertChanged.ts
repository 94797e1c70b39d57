import { badInput } from '../../lib/errors';
import { TOPICS, type AlertChangedEvent } from '../../lib/pubsub/pubsub';
import { isUuid } from '../../lib/validation';
import type { LiveField } from './liveField';

const CHANGES = new Set(['RAISED', 'CLEARED', 'ACKNOWLEDGED']);

/** `Subscription.alertChanged(farmId)` over `telemetry.alert-changed`. */
export const alertChanged: LiveField<AlertChangedEvent> = {
  field: 'alertChanged',
  topic: TOPICS.alertChanged,
  eventsOf: (payload) => (isAlertChangedEvent(payload) ? [payload] : []),
  tenantOf: (event) => event.tenantId,
  keysOf: (event) => [`farm:${event.farmId}`],
  filterFrom: (args) => {
    const farmId = args.farmId as string;
    if (!isUuid(farmId)) throw badInput(`farmId: expected a UUID, got ${JSON.stringify(farmId)}`, 'farmId');
    return { key: `farm:${farmId.toLowerCase()}`, accept: () => true };
  },
  subjectOf: (args) => ({ field: 'farm', id: args.farmId as string, what: 'Farm' }),
  resolver: {
    field: 'alertChangeEvents',
    argument: 'events',
    inputType: 'AlertChangeEventInput',
    inputOf: (event) => ({ alertId: event.alertId, change: event.change }),
  },
};

function isAlertChangedEvent(value: unknown): value is AlertChangedEvent {
  const event = value as Partial<AlertChangedEvent> | null;
  return typeof event?.tenantId === 'string' && typeof event.farmId === 'string' && typeof event.alertId === 'string' && CHANGES.has(event.change as string);
}
