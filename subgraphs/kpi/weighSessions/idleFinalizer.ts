import type { SqlDriver } from '../../../lib/db/sql';
import { appendEvent } from '../../../lib/events/outbox';
import { WEIGH_SESSION_EVENTS, type WeighSessionEvent } from '../../../lib/events/topics';
import type { Logger } from '../../../lib/logger';
import type { PubSub } from '../../../lib/pubsub/pubsub';
import { applyWeighSessionEvents } from './applyEvents';
import { announceSessions } from './projection';

/**
 * Minutes without a new weight after which an open session of a machine is finalized. A
 * platform scale's weighing is a round through the house: half an hour without a bird on the
 * scale means the round is over. A camera weighs all day long (its session is the farm-local
 * day's), so only a long silence, the lights out or the camera down, ends it. Typed-in (MANUAL)
 * sessions are a person's to finalize.
 */
export const IDLE_MINUTES_BY_SOURCE = { PLATFORM_SCALE: 30, CAMERA: 180 } as const;

/** How often the finalizer looks for idle sessions. */
export const IDLE_CHECK_INTERVAL_MS = 60_000;

/** The finalized event's id: one per session, so a rerun, a restart or a second replica adds nothing (the event store keeps it once). */
export const IDLE_FINALIZED_EVENT_ID = 'idle-finalized';

/**
 * Finalizes every open scale or camera session whose latest weight (by when it was taken) is
 * older than its source's idle time at `now`. The event says it happened at the latest weight
 * plus the idle time, not when this ran: the session's state does not depend on when the
 * finalizer woke (a weight that arrives later, but was taken before that instant, still counts;
 * one taken after it is late). Durable and idempotent: the event goes to the outbox and the read
 * model in one transaction, with a fixed id. Returns the sessions finalized.
 */
export async function finalizeIdleSessions(
  deps: { sql: SqlDriver; pubsub: PubSub },
  now: Date,
  idleMinutes: Record<keyof typeof IDLE_MINUTES_BY_SOURCE, number> = IDLE_MINUTES_BY_SOURCE,
): Promise<string[]> {
  const idle = await deps.sql.query<{ session_id: string; tenant_id: string; finalized_at: Date | string }>(
    `SELECT s.id::text AS session_id, s.tenant_id::text AS tenant_id,
            max(e.occurred_at) + make_interval(mins => CASE s.source WHEN 'CAMERA' THEN $2::int ELSE $3::int END) AS finalized_at
       FROM "kpi"."weigh_session" s
       JOIN "kpi"."weigh_session_event" e ON e.session_id = s.id AND e.kind = 'weight.recorded'
      WHERE s.status = 'OPEN' AND s.batch_id IS NOT NULL AND s.source IN ('CAMERA', 'PLATFORM_SCALE')
      GROUP BY s.id, s.tenant_id, s.source
     HAVING max(e.occurred_at) + make_interval(mins => CASE s.source WHEN 'CAMERA' THEN $2::int ELSE $3::int END) <= $1::timestamptz
      ORDER BY s.id`,
    [now.toISOString(), idleMinutes.CAMERA, idleMinutes.PLATFORM_SCALE],
  );
  const finalized: string[] = [];
  for (const row of idle) {
    const event: WeighSessionEvent = {
      kind: 'session.finalized',
      eventId: IDLE_FINALIZED_EVENT_ID,
      sessionId: row.session_id,
      tenantId: row.tenant_id,
      occurredAt: new Date(row.finalized_at).toISOString(),
    };
    const changed = await deps.sql.transaction(async (tx) => {
      const applied = await applyWeighSessionEvents(tx, [event]);
      // Only a new event goes to the outbox: another replica that got there first wrote it already.
      if (applied.length > 0) await appendEvent(tx, WEIGH_SESSION_EVENTS, { events: [event] });
      return applied;
    });
    await announceSessions(deps.pubsub, changed);
    if (changed.length > 0) finalized.push(row.session_id);
  }
  return finalized;
}

/** Runs finalizeIdleSessions now and every IDLE_CHECK_INTERVAL_MS (kpi's declared worker). */
export function startIdleFinalizer(options: { sql: SqlDriver; pubsub: PubSub; now: () => Date; log: Logger }): { stop(): Promise<void> } {
  const log = options.log.child({ component: 'weigh-session-idle-finalizer' });
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = finalizeIdleSessions(options, options.now())
      .then((sessions) => sessions.length > 0 && log.info({ sessions }, 'idle weigh sessions finalized'))
      .catch((error: Error) => log.error({ err: error.message }, 'idle weigh-session check failed'));
  };
  run();
  const timer = setInterval(run, IDLE_CHECK_INTERVAL_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
