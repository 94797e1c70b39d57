export type { ReadingEvent, ReadingsStoredEvent } from '../events/topics';

/**
 * Live frames for subscriptions: in one process an in-memory bus; across gateway replicas Redis
 * (REDIS_URL). At most once: what money, KPIs and alerts depend on is a durable event
 * (lib/events), and the live channel of stored readings is fed from that stream.
 */
export interface PubSub {
  publish(topic: string, payload: unknown): Promise<void>;
  /** Calls `listener` for each event on `topic` until the returned function is called. */
  subscribe(topic: string, listener: (payload: unknown) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Topics every part agrees on. */
export const TOPICS = {
  /** A batch of readings stored by ingest: `ReadingsStoredEvent` (relayed from the durable topic). */
  readingsStored: 'telemetry.readings-stored',
  /** An alert was raised, cleared or acknowledged: `AlertChangedEvent`. */
  alertChanged: 'telemetry.alert-changed',
  /** A weigh session was created or changed (weights, finalized, cancelled): `WeighSessionChangedEvent`. */
  weighSessionChanged: 'kpi.weigh-session-changed',
  /** A farm, barn or device changed (`TopologyChangedEvent`, relayed from the durable topic): live resolutions forget what they knew. */
  topologyChanged: 'devices.topology-changed',
} as const;

/** A weigh session changed; subscribers read the session itself by id (scoped to `tenantId`). */
export interface WeighSessionChangedEvent {
  tenantId: string;
  batchId: string;
  sessionId: string;
}

/** What happened to an alert; subscribers read the alert itself by id (scoped to `tenantId`). */
export interface AlertChangedEvent {
  tenantId: string;
  farmId: string;
  alertId: string;
  change: 'RAISED' | 'CLEARED' | 'ACKNOWLEDGED';
}

/** The in-process bus of the all-in-one mode. Listeners run after publish returns (never inline). */
export function createMemoryPubSub(): PubSub {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return {
    async publish(topic, payload) {
      for (const listener of listeners.get(topic) ?? []) {
        queueMicrotask(() => listener(payload));
      }
    },
    async subscribe(topic, listener) {
      if (!listeners.has(topic)) listeners.set(topic, new Set());
      listeners.get(topic)!.add(listener);
      return async () => {
        listeners.get(topic)?.delete(listener);
      };
    },
    async close() {
      listeners.clear();
    },
  };
}
