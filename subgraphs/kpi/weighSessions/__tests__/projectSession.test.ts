import { randomUUID } from 'node:crypto';
import type { WeighSessionEvent } from '../../../../lib/events/topics';
import { projectSession } from '../projectSession';

const tenantId = randomUUID();
const sessionId = randomUUID();
const batchId = randomUUID();
const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 8, minute)).toISOString();

const created = (minute = 0, eventId = 'created'): WeighSessionEvent => ({
  kind: 'session.created',
  eventId,
  sessionId,
  tenantId,
  occurredAt: at(minute),
  batchId,
  barnId: null,
  source: 'CAMERA',
  weighedOn: '2026-11-30',
});
const weight = (eventId: string, minute: number, weightGrams: number, tenant = tenantId): WeighSessionEvent => ({
  kind: 'weight.recorded',
  eventId,
  sessionId,
  tenantId: tenant,
  occurredAt: at(minute),
  weightGrams,
});
const finalized = (minute: number): WeighSessionEvent => ({ kind: 'session.finalized', eventId: 'finalized', sessionId, tenantId, occurredAt: at(minute) });
const cancelled = (minute: number): WeighSessionEvent => ({ kind: 'session.cancelled', eventId: 'cancelled', sessionId, tenantId, occurredAt: at(minute) });

/** Every ordering of `items` (n! of them). */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/** The first seed case: a session weighed at 08:01–08:03, finalized at 08:10, and a bird weighed at 08:12 after it. */
const SEED = [created(0), weight('w1', 1, 2000), weight('w2', 2, 2200), weight('w3', 3, 2400), finalized(10), weight('late', 12, 3100)];
const EXPECTED = {
  sessionId,
  tenantId,
  known: true,
  batchId,
  barnId: null,
  source: 'CAMERA',
  weighedOn: '2026-11-30',
  status: 'FINALIZED',
  openedAt: at(0),
  finalizedAt: at(10),
  cancelledAt: null,
  weightsGrams: [2000, 2200, 2400],
  lateWeightCount: 1,
  eventCount: 6,
};

describe('a weigh session projected from its events', () => {
  it('should be finalized with the weights taken before it ended when its events come in order', () => {
    expect(projectSession(SEED)).toEqual(EXPECTED);
  });

  it('should reach the same state when session.finalized arrives first, before the session was created', () => {
    const finalizedFirst = [SEED[4]!, SEED[2]!, SEED[5]!, SEED[1]!, SEED[0]!, SEED[3]!];
    expect(projectSession(finalizedFirst.slice(0, 1))).toMatchObject({ known: false, status: 'FINALIZED', weightsGrams: [], batchId: null });
    expect(projectSession(finalizedFirst)).toEqual(EXPECTED);
  });

  it('should reach the same state for every one of the 720 orders of its events', () => {
    const states = new Set(permutations(SEED).map((order) => JSON.stringify(projectSession(order))));
    expect([...states]).toEqual([JSON.stringify(EXPECTED)]);
  });

  it('should not change when events come again, however often and in whatever order', () => {
    const withDuplicates = [...SEED, SEED[1]!, SEED[4]!, SEED[1]!, SEED[0]!, SEED[5]!];
    for (const order of [withDuplicates, [...withDuplicates].reverse()]) expect(projectSession(order)).toEqual(EXPECTED);
  });

  it('should keep a weight taken after the session was finalized out of its weights and count it late', () => {
    const state = projectSession([created(0), weight('a', 1, 2000), finalized(5), weight('b', 6, 9000), weight('c', 7, 9000)])!;
    expect(state.weightsGrams).toEqual([2000]);
    expect(state.lateWeightCount).toBe(2);
  });

  it('should count a weight taken at the very instant of finalization', () => {
    expect(projectSession([finalized(5), weight('a', 5, 2100), created(0)])!.weightsGrams).toEqual([2100]);
  });

  it('should end with whichever of finalized and cancelled happened first at its source', () => {
    const events = [created(0), weight('a', 1, 2000), cancelled(4), finalized(6)];
    for (const order of permutations(events))
      expect(projectSession(order)).toMatchObject({ status: 'CANCELLED', cancelledAt: at(4), finalizedAt: null, weightsGrams: [2000] });
  });

  it('should hold weights that arrive before their session was created, unknown until it is', () => {
    const early = projectSession([weight('a', 1, 2000), weight('b', 2, 2100)])!;
    expect(early).toMatchObject({ known: false, status: 'OPEN', weightsGrams: [2000, 2100], batchId: null, source: null, openedAt: null });
    expect(projectSession([weight('a', 1, 2000), weight('b', 2, 2100), created(0)])).toMatchObject({ known: true, status: 'OPEN', weightsGrams: [2000, 2100] });
  });

  it('should take the earliest of two creations of one session', () => {
    const later: WeighSessionEvent = { ...(created(5, 'created-later') as Extract<WeighSessionEvent, { kind: 'session.created' }>), weighedOn: '2026-12-01' };
    for (const order of permutations([later, created(1), weight('a', 2, 2000)]))
      expect(projectSession(order)).toMatchObject({ openedAt: at(1), weighedOn: '2026-11-30' });
  });

  it("should ignore an event of another tenant than the session's", () => {
    expect(projectSession([created(0), weight('a', 1, 2000), weight('b', 2, 5000, randomUUID())])).toMatchObject({ weightsGrams: [2000], eventCount: 2 });
  });

  it('should have no state without events', () => {
    expect(projectSession([])).toBeUndefined();
  });
});
