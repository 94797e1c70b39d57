import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../../lib/db/database';
import type { WeighSession as WeighSessionRow } from '../../../lib/db/generated/client';
import type { SqlDriver } from '../../../lib/db/sql';
import { badInput, notFound } from '../../../lib/errors';
import { appendEvent } from '../../../lib/events/outbox';
import { WEIGH_SESSION_EVENTS, type WeighSessionEvent, type WeighSessionSourceName } from '../../../lib/events/topics';
import type { PubSub } from '../../../lib/pubsub/pubsub';
import { isUuid } from '../../../lib/validation';
import { findTenantBatch, requireRecordDay } from '../records/batchAccess';
import { MAX_ANIMAL_WEIGHT_KG, MAX_WEIGHTS_PER_CALL } from '../records/weighSamples';
import { kilogramsToGrams } from '../weight';
import { applyWeighSessionEvents } from './applyEvents';
import { announceSessions } from './projection';

/** What the session commands need from their process. */
export interface WeighSessionDeps {
  db: PrismaClient;
  sql: SqlDriver;
  pubsub: PubSub;
  now: () => Date;
}

/**
 * The API's side of weigh sessions: each command is checked against the session as it is now,
 * then written as events to the outbox and applied to the read model in one transaction, so the
 * caller reads its own write at once (the projection's consumer applies the same events again
 * and finds nothing new). The live change goes out after the commit.
 */
async function emit(deps: WeighSessionDeps, tenantId: string, sessionId: string, events: WeighSessionEvent[]): Promise<WeighSessionRow> {
  const changed = await deps.sql.transaction(async (tx) => {
    await appendEvent(tx, WEIGH_SESSION_EVENTS, { events });
    return applyWeighSessionEvents(tx, events);
  });
  await announceSessions(deps.pubsub, changed);
  return findTenantSession(deps.db, tenantId, sessionId);
}

/** The tenant's known session `sessionId`: NOT_FOUND for another tenant's id, anything unknown, or a session whose creation has not arrived. */
export async function findTenantSession(db: PrismaClient, tenantId: string, sessionId: string): Promise<WeighSessionRow> {
  const session = isUuid(sessionId) ? await db.weighSession.findFirst({ where: { id: sessionId.toLowerCase(), tenantId, batchId: { not: null } } }) : null;
  if (!session) throw notFound('Weigh session');
  return session;
}

const requireOpen = (session: WeighSessionRow, action: string): void => {
  if (session.status !== 'OPEN') throw badInput(`sessionId: the session is ${session.status}; only an OPEN session can ${action}`, 'sessionId');
};

export async function openWeighSession(
  deps: WeighSessionDeps,
  tenantId: string,
  input: { batchId: string; source: WeighSessionSourceName; weighedOn: string },
): Promise<WeighSessionRow> {
  if (input.source === 'CAMERA') throw badInput('source: cameras open their own sessions; expected MANUAL or PLATFORM_SCALE', 'source');
  const batch = await findTenantBatch(deps.db, tenantId, input.batchId);
  requireRecordDay(batch, input.weighedOn, 'weighedOn');
  const sessionId = randomUUID();
  return emit(deps, tenantId, sessionId, [
    {
      kind: 'session.created',
      eventId: randomUUID(),
      sessionId,
      tenantId,
      occurredAt: deps.now().toISOString(),
      batchId: batch.id,
      barnId: batch.barnId,
      source: input.source,
      weighedOn: input.weighedOn,
    },
  ]);
}

export async function recordSessionWeights(
  deps: WeighSessionDeps,
  tenantId: string,
  sessionId: string,
  weightsKg: readonly number[],
): Promise<WeighSessionRow> {
  const session = await findTenantSession(deps.db, tenantId, sessionId);
  requireOpen(session, 'take weights');
  if (session.source === 'CAMERA') throw badInput('sessionId: a camera session takes its weights from its camera', 'sessionId');
  if (weightsKg.length === 0 || weightsKg.length > MAX_WEIGHTS_PER_CALL)
    throw badInput(`weightsKg: expected 1 to ${MAX_WEIGHTS_PER_CALL} weights, got ${weightsKg.length}`, 'weightsKg');
  const occurredAt = deps.now().toISOString();
  // One instant for the call's weights: their ids sort in the order given (the fold's tie-break).
  const callId = randomUUID();
  const events: WeighSessionEvent[] = weightsKg.map((weightKg, i) => {
    const weightGrams = Number.isFinite(weightKg) && weightKg <= MAX_ANIMAL_WEIGHT_KG ? kilogramsToGrams(weightKg) : 0;
    if (weightGrams <= 0) throw badInput(`weightsKg[${i}]: expected more than 0 and at most ${MAX_ANIMAL_WEIGHT_KG} kg, got ${weightKg}`, 'weightsKg');
    return { kind: 'weight.recorded', eventId: `${callId}:${String(i).padStart(5, '0')}`, sessionId: session.id, tenantId, occurredAt, weightGrams };
  });
  return emit(deps, tenantId, session.id, events);
}

export async function endWeighSession(
  deps: WeighSessionDeps,
  tenantId: string,
  sessionId: string,
  kind: 'session.finalized' | 'session.cancelled',
): Promise<WeighSessionRow> {
  const session = await findTenantSession(deps.db, tenantId, sessionId);
  requireOpen(session, kind === 'session.finalized' ? 'be finalized' : 'be cancelled');
  if (kind === 'session.finalized' && session.weightsGrams.length === 0) throw badInput('sessionId: the session has no weights to finalize', 'sessionId');
  return emit(deps, tenantId, session.id, [{ kind, eventId: randomUUID(), sessionId: session.id, tenantId, occurredAt: deps.now().toISOString() }]);
}
