import { randomUUID } from 'node:crypto';
import type { Database } from '../../../../lib/db/database';
import { migratedDatabase } from '../../../../tests/support/database';
import { backends } from '../../../../tests/support/postgres';
import { evaluatePoints, type Point } from '../alertStore';
import { AMMONIA_HIGH } from '../builtIns';

const AMMONIA = { metric: AMMONIA_HIGH.metric, comparison: AMMONIA_HIGH.comparison, threshold: 25, clearThreshold: 20, minDurationSeconds: 600 };
const rule = { ...AMMONIA, ruleId: null, builtIn: 'AMMONIA_HIGH' as const };
const T0 = Date.parse('2026-12-01T00:00:00Z');

/** One ammonia episode: 15 minutes at 30 ppm, then 15 at 5 ppm, a reading a minute. */
const episode: Point[] = Array.from({ length: 30 }, (_, minute) => ({ value: minute < 15 ? 30 : 5, at: new Date(T0 + minute * 60_000) }));

/**
 * Alerts applied again after a crash: the evaluator's events are at least once (a consumer killed
 * after an alert committed and before its cursor moved applies the batch again), so an episode
 * raised and cleared must not be raised a second time.
 */
describe.each(backends())('alert store on %s', (backend) => {
  let database: { db: Database; close(): Promise<void> };
  beforeAll(async () => {
    database = await migratedDatabase(backend);
  });
  afterAll(async () => database?.close());

  it('raises an episode once when its batch is evaluated again after a crash that followed its clearing', async () => {
    const db = database.db.prisma;
    const barn = { barnId: randomUUID(), tenantId: randomUUID(), farmId: randomUUID() };
    // The process dies after the alert was raised and cleared, before the rule's state was saved at the end of the batch.
    const killedBeforeTheEnd = new Proxy(db, {
      get(target, property, receiver) {
        if (property === 'alertCondition')
          return { ...target.alertCondition, findUnique: target.alertCondition.findUnique, upsert: () => Promise.reject(new Error('killed')) };
        return Reflect.get(target, property, receiver);
      },
    });
    await expect(evaluatePoints(killedBeforeTheEnd, barn, rule, episode)).rejects.toThrow('killed');
    await evaluatePoints(db, barn, rule, episode);

    const alerts = await db.alert.findMany({ where: { barnId: barn.barnId } });
    // Raised when 30 ppm had lasted 10 minutes (minute 10), cleared at the first reading below 20 ppm (minute 15).
    expect(alerts.map((alert) => [alert.status, alert.raisedAt.toISOString(), alert.clearedAt?.toISOString()])).toEqual([
      ['CLEARED', new Date(T0 + 10 * 60_000).toISOString(), new Date(T0 + 15 * 60_000).toISOString()],
    ]);
  });
});
