import type { WeighSessionEvent, WeighSessionSourceName } from '../../../lib/events/topics';

/**
 * A weigh session's state as a pure function of the SET of its events: no arrival order, no
 * count of copies, only what happened and when it happened at its source. That is what makes
 * the projection order-independent and idempotent: the store keeps each event id once, and the
 * state is folded again from all of them whenever one arrives.
 *
 * The rules, each decided by source timestamps (`occurredAt`), ties broken by event id:
 * - `session.created` gives the batch, barn, source and day. Before it arrives the session is
 *   held (`known: false`): its weights and its end are kept, nothing is shown or counted. Two
 *   different created events for one id: the earliest wins.
 * - The session ends with the earliest `session.finalized` or `session.cancelled`. A finalized
 *   session that arrived first ("finalized first") stays finalized; the weights that arrive
 *   after it still count when they were taken at or before the finalization.
 * - A late weight, taken after the session ended, is never added (the finalized figures a
 *   farm manager saw do not change behind their back): it is counted in `lateWeightCount`.
 * - A cancelled session keeps its weights for the record; only FINALIZED sessions feed KPIs.
 * - Events of another tenant than the created event's are ignored (defence in depth: producers
 *   already scope them).
 */
export interface ProjectedSession {
  sessionId: string;
  tenantId: string;
  /** False until `session.created` arrived: such a session is not shown and feeds nothing. */
  known: boolean;
  batchId: string | null;
  barnId: string | null;
  source: WeighSessionSourceName | null;
  /** YYYY-MM-DD, farm-local. */
  weighedOn: string | null;
  status: 'OPEN' | 'FINALIZED' | 'CANCELLED';
  openedAt: string | null;
  finalizedAt: string | null;
  cancelledAt: string | null;
  /** Weights taken while the session was open, ordered by when they were taken. */
  weightsGrams: number[];
  lateWeightCount: number;
  /** Distinct events the state was folded from. */
  eventCount: number;
}

const byTime = (a: WeighSessionEvent, b: WeighSessionEvent): number => {
  const at = Date.parse(a.occurredAt) - Date.parse(b.occurredAt);
  return at !== 0 ? at : a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
};

/** Folds the events of one session (any order, duplicates allowed) into its state; undefined for no events. */
export function projectSession(events: readonly WeighSessionEvent[]): ProjectedSession | undefined {
  const distinct = [...new Map(events.map((event) => [event.eventId, event])).values()].sort(byTime);
  if (distinct.length === 0) return undefined;
  const created = distinct.find((event) => event.kind === 'session.created');
  const tenantId = created?.tenantId ?? distinct[0]!.tenantId;
  const own = distinct.filter((event) => event.tenantId === tenantId);
  const end = own.find((event) => event.kind === 'session.finalized' || event.kind === 'session.cancelled');
  const endMs = end ? Date.parse(end.occurredAt) : Infinity;
  const weightsGrams: number[] = [];
  let lateWeightCount = 0;
  for (const event of own) {
    if (event.kind !== 'weight.recorded') continue;
    if (Date.parse(event.occurredAt) <= endMs) weightsGrams.push(event.weightGrams);
    else lateWeightCount += 1;
  }
  return {
    sessionId: distinct[0]!.sessionId,
    tenantId,
    known: created !== undefined,
    batchId: created?.kind === 'session.created' ? created.batchId : null,
    barnId: created?.kind === 'session.created' ? created.barnId : null,
    source: created?.kind === 'session.created' ? created.source : null,
    weighedOn: created?.kind === 'session.created' ? created.weighedOn : null,
    status: end?.kind === 'session.finalized' ? 'FINALIZED' : end?.kind === 'session.cancelled' ? 'CANCELLED' : 'OPEN',
    openedAt: created?.occurredAt ?? null,
    finalizedAt: end?.kind === 'session.finalized' ? end.occurredAt : null,
    cancelledAt: end?.kind === 'session.cancelled' ? end.occurredAt : null,
    weightsGrams,
    lateWeightCount,
    eventCount: own.length,
  };
}
