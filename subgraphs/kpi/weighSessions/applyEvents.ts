import type { SqlExecutor } from '../../../lib/db/sql';
import { decodeWeighSessionEvent, type WeighSessionEvent } from '../../../lib/events/topics';
import { isUuid } from '../../../lib/validation';
import { projectSession, type ProjectedSession } from './projectSession';

const SAMPLE_SOURCE = { MANUAL: 'MANUAL', PLATFORM_SCALE: 'SCALE', CAMERA: 'CAMERA' } as const;

/**
 * Applies weigh-session events in the caller's transaction: each new event is stored once (by
 * session and event id), and every session that got a new one is folded again from all its
 * stored events (projectSession.ts) and written whole: its row, and its weigh samples, which
 * exist exactly while it is FINALIZED (so KPIs read them like any other weigh session's).
 * A session's fold holds a transaction lock on the session, so two writers cannot each fold
 * without the other's event. Returns the sessions that changed (none for a redelivery).
 */
export async function applyWeighSessionEvents(tx: SqlExecutor, events: readonly WeighSessionEvent[]): Promise<ProjectedSession[]> {
  const valid = events.filter((event) => isUuid(event.sessionId) && isUuid(event.tenantId) && !Number.isNaN(Date.parse(event.occurredAt)));
  if (valid.length === 0) return [];
  const inserted = await tx.query<{ session_id: string }>(
    `INSERT INTO "kpi"."weigh_session_event" (session_id, event_id, tenant_id, kind, occurred_at, body)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::timestamptz[], $6::jsonb[])
     ON CONFLICT DO NOTHING RETURNING session_id::text AS session_id`,
    [
      valid.map((event) => event.sessionId),
      valid.map((event) => event.eventId),
      valid.map((event) => event.tenantId),
      valid.map((event) => event.kind),
      valid.map((event) => event.occurredAt),
      valid.map((event) => JSON.stringify(event)),
    ],
  );
  const changed: ProjectedSession[] = [];
  for (const sessionId of [...new Set(inserted.map((row) => row.session_id))].sort()) {
    const session = await refoldSession(tx, sessionId);
    if (session) changed.push(session);
  }
  return changed;
}

async function refoldSession(tx: SqlExecutor, sessionId: string): Promise<ProjectedSession | undefined> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('kpi.weigh_session'), hashtext($1))`, [sessionId]);
  const rows = await tx.query<{ body: unknown }>(`SELECT body FROM "kpi"."weigh_session_event" WHERE session_id = $1`, [sessionId]);
  const session = projectSession(rows.map((row, i) => decodeWeighSessionEvent(typeof row.body === 'string' ? JSON.parse(row.body) : row.body, `$[${i}]`)));
  if (!session) return undefined;
  await tx.query(
    `INSERT INTO "kpi"."weigh_session" (id, tenant_id, batch_id, barn_id, source, weighed_on, status, opened_at, finalized_at, cancelled_at, weights_grams, late_weight_count, event_count, updated_at)
     VALUES ($1, $2, $3, $4, $5::"kpi"."weigh_session_source", $6::date, $7::"kpi"."weigh_session_status", $8, $9, $10, $11::integer[], $12, $13, now())
     ON CONFLICT (id) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, batch_id = EXCLUDED.batch_id, barn_id = EXCLUDED.barn_id, source = EXCLUDED.source,
       weighed_on = EXCLUDED.weighed_on, status = EXCLUDED.status, opened_at = EXCLUDED.opened_at, finalized_at = EXCLUDED.finalized_at,
       cancelled_at = EXCLUDED.cancelled_at, weights_grams = EXCLUDED.weights_grams, late_weight_count = EXCLUDED.late_weight_count,
       event_count = EXCLUDED.event_count, updated_at = now()`,
    [
      session.sessionId,
      session.tenantId,
      session.batchId,
      session.barnId,
      session.source,
      session.weighedOn,
      session.status,
      session.openedAt,
      session.finalizedAt,
      session.cancelledAt,
      session.weightsGrams,
      session.lateWeightCount,
      session.eventCount,
    ],
  );
  await tx.query(`DELETE FROM "kpi"."weigh_sample" WHERE weigh_session_id = $1`, [sessionId]);
  if (session.known && session.status === 'FINALIZED' && session.weightsGrams.length > 0 && session.source) {
    // Only into the tenant's own batch (the join): a session naming another tenant's batch feeds nothing.
    await tx.query(
      `INSERT INTO "kpi"."weigh_sample" (id, tenant_id, batch_id, weighed_on, weight_grams, source, weigh_session_id)
       SELECT gen_random_uuid(), b.tenant_id, b.id, $3::date, w.grams, $5::"kpi"."weigh_source", $4
       FROM "kpi"."batch" b, unnest($6::integer[]) AS w(grams) WHERE b.id = $1 AND b.tenant_id = $2`,
      [session.batchId, session.tenantId, session.weighedOn, sessionId, SAMPLE_SOURCE[session.source], session.weightsGrams],
    );
  }
  return session;
}
