import { randomUUID } from 'node:crypto';
import type { Database } from '../../../../lib/db/database';
import { appendEvent } from '../../../../lib/events/outbox';
import { READINGS_STORED, type ReadingsStoredEvent } from '../../../../lib/events/topics';
import { createLogger } from '../../../../lib/logger';
import { createMemoryPubSub, TOPICS, type PubSub } from '../../../../lib/pubsub/pubsub';
import { migratedDatabase } from '../../../../tests/support/database';
import { waitFor } from '../../../../tests/support/waitFor';
import { startLiveRelay } from '../liveRelay';

const log = createLogger('silent');

/** The in-process bus, with each publish confirmed only when the test opens the gate (a slow Redis). */
function slowBus(): { bus: PubSub; open(): void; handed: () => number } {
  const inner = createMemoryPubSub();
  let handed = 0;
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  return {
    bus: {
      ...inner,
      async publish(topic, payload) {
        handed += 1;
        await gate;
        await inner.publish(topic, payload);
      },
    },
    open,
    handed: () => handed,
  };
}

const batch = (): ReadingsStoredEvent => ({
  readings: [
    {
      tenantId: randomUUID(),
      farmId: randomUUID(),
      barnId: null,
      deviceId: randomUUID(),
      eventId: randomUUID(),
      metric: 'temperatureC',
      unit: '°C',
      value: 21.5,
      observedAt: new Date().toISOString(),
      receivedAt: new Date().toISOString(),
    },
  ],
});

describe('the live relay', () => {
  let db: Database;
  let close: () => Promise<void>;
  beforeEach(async () => {
    const opened = await migratedDatabase('postgres');
    db = opened.db;
    close = opened.close;
  });
  afterEach(async () => close?.());

  it('stops only once the frames it handed to the bus are published, so closing the bus after it loses none', async () => {
    const { bus, open, handed } = slowBus();
    const published: unknown[] = [];
    await bus.subscribe(TOPICS.readingsStored, (payload) => published.push(payload));
    const relay = await startLiveRelay({ db, pubsub: bus, log, now: () => new Date() });
    const sent = [batch(), batch()];
    await db.sql.transaction(async (tx) => {
      for (const event of sent) await appendEvent(tx, READINGS_STORED, event);
    });
    await relay.drain();
    await waitFor(() => expect(handed()).toBe(2));

    // The bus confirms half a second after the stop began; what was published when stop() returned
    // is what a shutdown closing the bus right after it would have kept.
    const publishedAtStop = relay.stop().then(async () => {
      await new Promise((resolve) => setImmediate(resolve)); // the in-process bus calls listeners after publish returns
      return [...published];
    });
    setTimeout(open, 500);
    // Two farms' batches: partitions of their own, so in either order.
    const atStop = await publishedAtStop;
    expect(atStop).toHaveLength(sent.length);
    expect(atStop).toEqual(expect.arrayContaining(sent));
  });

  it('stops within its bound when the bus never confirms', async () => {
    const { bus, handed } = slowBus();
    const relay = await startLiveRelay({ db, pubsub: bus, log, now: () => new Date(), stopWaitMs: 200 });
    await db.sql.transaction(async (tx) => appendEvent(tx, READINGS_STORED, batch()));
    await relay.drain();
    await waitFor(() => expect(handed()).toBe(1));
    await expect(relay.stop()).resolves.toBeUndefined();
  });
});
