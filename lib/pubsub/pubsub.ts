/**
 * Events between parts of FarmIQ (ingest → subscribers, alert evaluation): in one process an
 * in-memory bus; across gateway replicas Redis (REDIS_URL). Topics are strings; payloads JSON.
 */
export interface PubSub {
  publish(topic: string, payload: unknown): Promise<void>;
  /** Calls `listener` for each event on `topic` until the returned function is called. */
  subscribe(topic: string, listener: (payload: unknown) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Topics every part agrees on. */
export const TOPICS = {
  /** A batch of readings stored by ingest: `ReadingsStoredEvent`. */
  readingsStored: 'telemetry.readings-stored',
} as const;

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

export interface ReadingsStoredEvent {
  readings: ReadingEvent[];
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
