import { randomUUID } from 'node:crypto';
import type { Database } from '../../../../lib/db/database';
import type { PrismaClient } from '../../../../lib/db/generated/client';
import { appendEvent } from '../../../../lib/events/outbox';
import { READINGS_STORED, type ReadingEvent, type WeighSessionEvent } from '../../../../lib/events/topics';
import { createLogger } from '../../../../lib/logger';
import { createMemoryPubSub, TOPICS } from '../../../../lib/pubsub/pubsub';
import { migratedDatabase } from '../../../../tests/support/database';
import { backends } from '../../../../tests/support/postgres';
import { startTopologyReadModel } from '../../../../lib/topology/startTopologyReadModel';
import { applyWeighSessionEvents } from '../applyEvents';
import { cameraSessionId, startCameraWeighIn } from '../cameraWeighIn';
import { startWeighSessionProjection } from '../projection';

describe.each(backends())('the weigh-session read model on %s', (backend) => {
  let db: PrismaClient;
  let database: Database;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const opened = await migratedDatabase(backend);
    database = opened.db;
    db = opened.db.prisma;
    close = opened.close;
  });
  afterAll(async () => close?.());

  /** A Bangkok (UTC+7) farm with one barn and a batch placed there on 16 November. */
  async function barnWithBatch() {
    const tenantId = randomUUID();
    const farm = await db.farm.create({ data: { tenantId, name: 'Farm', timeZone: 'Asia/Bangkok' } });
    const barn = await db.barn.create({ data: { tenantId, farmId: farm.id, name: 'House', species: 'BROILER', capacityHead: 100 } });
    const batch = await db.batch.create({
      data: {
        tenantId,
        farmId: farm.id,
        barnId: barn.id,
        species: 'BROILER',
        placedOn: new Date('2026-11-16T00:00:00Z'),
        headCountPlaced: 100,
        placementWeightGrams: 42,
      },
    });
    return { tenantId, farmId: farm.id, barnId: barn.id, batchId: batch.id };
  }

  function sessionEvents(farm: { tenantId: string; batchId: string }, sessionId = randomUUID()): WeighSessionEvent[] {
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 1, minute)).toISOString();
    const common = { sessionId, tenantId: farm.tenantId };
    return [
      {
        ...common,
        kind: 'session.created',
        eventId: 'c',
        occurredAt: at(0),
        batchId: farm.batchId,
        barnId: null,
        source: 'PLATFORM_SCALE',
        weighedOn: '2026-11-30',
      },
      { ...common, kind: 'weight.recorded', eventId: 'w1', occurredAt: at(1), weightGrams: 2000 },
      { ...common, kind: 'weight.recorded', eventId: 'w2', occurredAt: at(2), weightGrams: 2400 },
      { ...common, kind: 'session.finalized', eventId: 'f', occurredAt: at(5) },
      { ...common, kind: 'weight.recorded', eventId: 'late', occurredAt: at(9), weightGrams: 2900 },
    ];
  }

  const stored = async (sessionId: string) => {
    const row = await db.weighSession.findUniqueOrThrow({ where: { id: sessionId } });
    const samples = await db.weighSample.findMany({
      where: { weighSessionId: sessionId },
      orderBy: { weightGrams: 'asc' },
      select: { batchId: true, weighedOn: true, weightGrams: true, source: true },
    });
    const { updatedAt: _updatedAt, ...state } = row;
    return { state, samples };
  };

  it('should store the same session and samples whether its events arrive in order, finalized first, or twice', async () => {
    const farm = await barnWithBatch();
    const inOrder = sessionEvents(farm);
    const finalizedFirst = sessionEvents(farm);
    const twice = sessionEvents(farm);
    for (const event of inOrder) await database.sql.transaction((tx) => applyWeighSessionEvents(tx, [event]));
    for (const i of [3, 4, 1, 0, 2]) await database.sql.transaction((tx) => applyWeighSessionEvents(tx, [finalizedFirst[i]!]));
    for (const event of [...twice, ...twice.slice().reverse()]) await database.sql.transaction((tx) => applyWeighSessionEvents(tx, [event]));
    const expected = await stored(inOrder[0]!.sessionId);
    expect(expected.state).toMatchObject({
      status: 'FINALIZED',
      weightsGrams: [2000, 2400],
      lateWeightCount: 1,
      eventCount: 5,
      batchId: farm.batchId,
      source: 'PLATFORM_SCALE',
    });
    expect(expected.samples).toEqual([
      { batchId: farm.batchId, weighedOn: new Date('2026-11-30T00:00:00Z'), weightGrams: 2000, source: 'SCALE' },
      { batchId: farm.batchId, weighedOn: new Date('2026-11-30T00:00:00Z'), weightGrams: 2400, source: 'SCALE' },
    ]);
    for (const other of [finalizedFirst, twice]) {
      const { state, samples } = await stored(other[0]!.sessionId);
      expect({ state: { ...state, id: expected.state.id }, samples }).toEqual(expected);
    }
  });

  it('should report no change for events it already has', async () => {
    const events = sessionEvents(await barnWithBatch());
    expect(await database.sql.transaction((tx) => applyWeighSessionEvents(tx, events))).toHaveLength(1);
    expect(await database.sql.transaction((tx) => applyWeighSessionEvents(tx, events))).toEqual([]);
  });

  it('should write no samples before a session is finalized, nor after it was cancelled', async () => {
    const farm = await barnWithBatch();
    const [create, w1, w2] = sessionEvents(farm);
    await database.sql.transaction((tx) => applyWeighSessionEvents(tx, [create!, w1!, w2!]));
    expect(await db.weighSample.count({ where: { weighSessionId: create!.sessionId } })).toBe(0);
    await database.sql.transaction((tx) =>
      applyWeighSessionEvents(tx, [
        {
          kind: 'session.cancelled',
          eventId: 'x',
          sessionId: create!.sessionId,
          tenantId: farm.tenantId,
          occurredAt: new Date(Date.UTC(2026, 10, 30, 1, 3)).toISOString(),
        },
      ]),
    );
    expect((await stored(create!.sessionId)).state.status).toBe('CANCELLED');
    expect(await db.weighSample.count({ where: { weighSessionId: create!.sessionId } })).toBe(0);
  });

  it("should feed nothing into another tenant's batch a session names", async () => {
    const farm = await barnWithBatch();
    const events = sessionEvents({ tenantId: randomUUID(), batchId: farm.batchId });
    await database.sql.transaction((tx) => applyWeighSessionEvents(tx, events));
    expect(await db.weighSample.count({ where: { batchId: farm.batchId } })).toBe(0);
  });

  it("should turn a camera's stored weights into its session of the farm-local day, through the outbox, each weight once", async () => {
    const farm = await barnWithBatch();
    const deviceId = randomUUID();
    const reading = (eventId: string, value: number, observedAt: string, metric = 'birdWeightKg'): ReadingEvent => ({
      tenantId: farm.tenantId,
      farmId: farm.farmId,
      barnId: farm.barnId,
      deviceId,
      eventId,
      metric,
      unit: 'kg',
      value,
      observedAt,
      receivedAt: observedAt,
    });
    const pubsub = createMemoryPubSub();
    const announced: unknown[] = [];
    await pubsub.subscribe(TOPICS.weighSessionChanged, (event) => announced.push(event));
    const log = createLogger('silent');
    // Kpi's topology read model is one of the consumers: the weigh-in waits for it to know the barn.
    const consumers = [
      await startTopologyReadModel({ sql: database.sql, log, schema: 'kpi' }),
      await startCameraWeighIn({ db: database, log }),
      await startWeighSessionProjection({ db: database, pubsub, log }),
    ];
    try {
      // 29 Nov 18:00 UTC is 30 Nov 01:00 in Bangkok.
      const frame = [
        reading('f1:0', 2.1, '2026-11-29T18:00:00.000Z'),
        reading('f1:1', 2.3, '2026-11-29T18:00:00.000Z'),
        reading('f1:0', 0.9, '2026-11-29T18:00:00.000Z', 'birdConfidence'),
      ];
      await database.sql.transaction((tx) => appendEvent(tx, READINGS_STORED, { readings: frame }));
      await database.sql.transaction((tx) => appendEvent(tx, READINGS_STORED, { readings: frame.slice(0, 1) }));
      for (const consumer of consumers) await consumer.drain();
      for (const consumer of consumers) await consumer.drain();
    } finally {
      for (const consumer of consumers) await consumer.stop();
    }
    const sessionId = cameraSessionId(farm.tenantId, deviceId, '2026-11-30');
    const { state } = await stored(sessionId);
    expect(state).toMatchObject({
      status: 'OPEN',
      source: 'CAMERA',
      batchId: farm.batchId,
      barnId: farm.barnId,
      weighedOn: new Date('2026-11-30T00:00:00Z'),
      weightsGrams: [2100, 2300],
      eventCount: 4,
    });
    expect(announced).toContainEqual({ tenantId: farm.tenantId, batchId: farm.batchId, sessionId });
  });
});
