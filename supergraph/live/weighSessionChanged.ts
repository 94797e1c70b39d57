import { badInput } from '../../lib/errors';
import { TOPICS, type WeighSessionChangedEvent } from '../../lib/pubsub/pubsub';
import { isUuid } from '../../lib/validation';
import type { LiveField } from './liveField';

/** `Subscription.weighSessionChanged(batchId)` over `kpi.weigh-session-changed`. */
export const weighSessionChanged: LiveField<WeighSessionChangedEvent> = {
  field: 'weighSessionChanged',
  topic: TOPICS.weighSessionChanged,
  eventsOf: (payload) => (isWeighSessionChangedEvent(payload) ? [payload] : []),
  tenantOf: (event) => event.tenantId,
  keysOf: (event) => [`batch:${event.batchId}`],
  filterFrom: (args) => {
    const batchId = args.batchId as string;
    if (!isUuid(batchId)) throw badInput(`batchId: expected a UUID, got ${JSON.stringify(batchId)}`, 'batchId');
    return { key: `batch:${batchId.toLowerCase()}`, accept: () => true };
  },
  subjectOf: (args) => ({ field: 'batch', id: args.batchId as string, what: 'Batch' }),
  resolver: {
    field: 'weighSessionChangeEvents',
    argument: 'events',
    inputType: 'WeighSessionChangeEventInput',
    inputOf: (event) => ({ sessionId: event.sessionId }),
  },
};

function isWeighSessionChangedEvent(value: unknown): value is WeighSessionChangedEvent {
  const event = value as Partial<WeighSessionChangedEvent> | null;
  return typeof event?.tenantId === 'string' && typeof event.batchId === 'string' && typeof event.sessionId === 'string';
}
