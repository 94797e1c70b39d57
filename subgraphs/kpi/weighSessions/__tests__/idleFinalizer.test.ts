import { randomUUID } from 'node:crypto';
import type { Database } from '../../../../lib/db/database';
import type { WeighSessionEvent } from '../../../../lib/events/topics';
import { createMemoryPubSub } from '../../../../lib/pubsub/pubsub';
import { migratedDatabase } from '../../../../tests/support/database';
import { backends } from '../../../../tests/support/postgres';
import { applyWeighSessionEvents } from '../applyEvents';
import { finalizeIdleSessions } from '../idleFinalizer';

describe.each(backends())('finalizing idle scale and camera sessions on %s', (backend) => {
  let database: Database;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const opened = await migratedDatabase(backend);
    database = opened.db;
    close = opened.close;
  }, 120_000);
  afterAll(async () => close?.());

  /** 30 November 2026, 01:mm UTC (minutes past 59 run into the next hours). */
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 1, minute));

  /** A session of `source` whose weights (grams) were taken at the given minutes. */
  async function session(source: 'PLATFORM_SCALE' | 'CAMERA' | 'MANUAL', weights: Array<[minute: number, grams: number]>) {
    const tenantId = randomUUID();
    const db = database.prisma;
    const farm = await db.farm.create({ data: { tenantId, name: 'Farm', timeZone: 'Asia/Bangkok' } });
    const batch = await db.batch.create({
      data: { tenantId, farmId: farm.id, species: 'BROILER', placedOn: new Date('2026-11-16T00:00:00Z'), headCountPlaced: 100, placementWeightGrams: 42 },
    });
    const sessionId = randomUUID();
    await record(sessionId, tenantId, [
      {
        kind: 'session.created',
        eventId: 'c',
        sessionId,
        tenantId,
        occurredAt: at(0).toISOString(),
        batchId: batch.id,
        barnId: null,
        source,
        weighedOn: '2026-11-30',
      },
    ]);
    await record(
      sessionId,
      tenantId,
      weights.map(([minute, weightGrams]) => ({
        kind: 'weight.recorded',
        eventId: `w${minute}`,
        sessionId,
        tenantId,
        occurredAt: at(minute).toISOString(),
        weightGrams,
      })),
    );
    return sessionId;
  }
  const record = (_sessionId: string, _tenantId: string, events: WeighSessionEvent[]) => database.sql.transaction((tx) => applyWeighSessionEvents(tx, events));
  const state = async (sessionId: string) => {
    const row = await database.prisma.weighSession.findUniqueOrThrow({ where: { id: sessionId } });
    return { status: row.status, finalizedAt: row.finalizedAt?.toISOString() ?? null, weightsGrams: row.weightsGrams, lateWeightCount: row.lateWeightCount };
  };
  const deps = () => ({ sql: database.sql, pubsub: createMemoryPubSub() });

  it('should finalize a scale session 30 minutes after its last weight was taken, as of that instant, and only once', async () => {
    const sessionId = await session('PLATFORM_SCALE', [
      [1, 2000],
      [2, 2400],
    ]);
    // 29 minutes after the last weight: still open.
    expect(await finalizeIdleSessions(deps(), at(31))).not.toContain(sessionId);
    expect((await state(sessionId)).status).toBe('OPEN');
    // Found a good while later (a restart, say): finalized as of 01:32, not of when it was found.
    expect(await finalizeIdleSessions(deps(), at(90))).toContain(sessionId);
    expect(await state(sessionId)).toEqual({ status: 'FINALIZED', finalizedAt: at(32).toISOString(), weightsGrams: [2000, 2400], lateWeightCount: 0 });
    // Again, or from a second replica: nothing more happens.
    expect(await finalizeIdleSessions(deps(), at(95))).not.toContain(sessionId);
    const events = await database.prisma.weighSessionEvent.count({ where: { sessionId, kind: 'session.finalized' } });
    expect(events).toBe(1);
    // A weight taken before 01:32 that arrives now still counts; one taken after it is late.
    const tenantId = (await database.prisma.weighSession.findUniqueOrThrow({ where: { id: sessionId } })).tenantId;
    await record(sessionId, tenantId, [
      { kind: 'weight.recorded', eventId: 'buffered', sessionId, tenantId, occurredAt: at(20).toISOString(), weightGrams: 2200 },
      { kind: 'weight.recorded', eventId: 'after', sessionId, tenantId, occurredAt: at(40).toISOString(), weightGrams: 2600 },
    ]);
    expect(await state(sessionId)).toEqual({ status: 'FINALIZED', finalizedAt: at(32).toISOString(), weightsGrams: [2000, 2400, 2200], lateWeightCount: 1 });
  });

  it("should give a camera's day session three hours of silence, and leave typed-in and weightless sessions to people", async () => {
    const camera = await session('CAMERA', [[2, 2100]]);
    const manual = await session('MANUAL', [[2, 2100]]);
    const empty = await session('PLATFORM_SCALE', []);
    expect(await finalizeIdleSessions(deps(), at(2 + 179))).toEqual(expect.not.arrayContaining([camera, manual, empty]));
    expect(await finalizeIdleSessions(deps(), at(2 + 180))).toEqual(expect.arrayContaining([camera]));
    expect((await state(camera)).finalizedAt).toBe(at(182).toISOString());
    expect(await finalizeIdleSessions(deps(), at(10_000))).toEqual(expect.not.arrayContaining([manual, empty]));
    expect((await state(manual)).status).toBe('OPEN');
    expect((await state(empty)).status).toBe('OPEN');
  });
});
