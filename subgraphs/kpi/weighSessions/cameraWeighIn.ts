import { createHash } from 'node:crypto';
import type { Database, PrismaClient } from '../../../lib/db/database';
import { startConsumer, type Consumer } from '../../../lib/events/consumer';
import { appendEvent } from '../../../lib/events/outbox';
import { READINGS_STORED, WEIGH_SESSION_EVENTS, type ReadingEvent, type WeighSessionEvent } from '../../../lib/events/topics';
import type { Logger } from '../../../lib/logger';
import { consumerTopology } from '../topology';
import { localDate } from '../formulas/dates';
import { kilogramsToGrams } from '../weight';

/** The metric a camera reports per bird it weighed (lib/deviceKinds.ts, CAMERA). */
export const BIRD_WEIGHT_METRIC = 'birdWeightKg';

/**
 * A camera's session: one per camera and farm-local day, so its id is derived from them (the
 * same id whichever reading of the day, whichever replica, however often it is redelivered).
 */
export function cameraSessionId(tenantId: string, deviceId: string, weighedOn: string): string {
  const hex = createHash('sha256').update(`farmiq camera weigh session\n${tenantId}\n${deviceId}\n${weighedOn}`).digest('hex');
  // Formatted as a version-8 (name-based, custom hash) UUID.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Camera weights (`birdWeightKg` readings stored by telemetry, one per bird a camera's frame
 * showed clearly: the edge keeps low-confidence ones out) become weigh-session events: the
 * camera's session of that farm-local day, in the barn's batch placed most recently on or
 * before it. Each weight's event carries its own `session.created` (ids from the reading, so a
 * redelivery repeats them and the projection keeps each once). A barn without such a batch
 * leaves the weight to telemetry alone.
 */
export async function cameraWeighSessionEvents(db: PrismaClient, readings: ReadingEvent[]): Promise<Map<string, WeighSessionEvent[]>> {
  const bySession = new Map<string, WeighSessionEvent[]>();
  const weights = readings.filter((reading) => reading.metric === BIRD_WEIGHT_METRIC && reading.barnId);
  if (weights.length === 0) return bySession;
  const barns = await consumerTopology.lookupBarns(
    db,
    weights.map((reading) => reading.barnId!),
  );
  for (const reading of weights) {
    const barn = barns.get(reading.barnId!);
    if (!barn || barn.tenantId !== reading.tenantId) continue;
    const weighedOn = localDate(new Date(reading.observedAt), barn.farmTimeZone);
    const batch = await db.batch.findFirst({
      where: { tenantId: barn.tenantId, barnId: barn.barnId, placedOn: { lte: new Date(`${weighedOn}T00:00:00Z`) } },
      orderBy: [{ placedOn: 'desc' }, { createdAt: 'desc' }],
      select: { id: true },
    });
    if (!batch) continue;
    const sessionId = cameraSessionId(barn.tenantId, reading.deviceId, weighedOn);
    const key = `${reading.deviceId} ${reading.eventId}`;
    const common = { sessionId, tenantId: barn.tenantId, occurredAt: reading.observedAt };
    const events = bySession.get(sessionId) ?? [];
    events.push(
      { ...common, kind: 'session.created', eventId: `created ${key}`, batchId: batch.id, barnId: barn.barnId, source: 'CAMERA', weighedOn },
      { ...common, kind: 'weight.recorded', eventId: `weight ${key}`, weightGrams: kilogramsToGrams(reading.value) },
    );
    bySession.set(sessionId, events);
  }
  return bySession;
}

/** The durable consumer's name: its cursor in `events.consumer_partition`. */
export const CAMERA_WEIGH_IN = 'kpi.camera-weigh-in';

/** Turns stored camera weights into weigh-session events, written to the outbox (the projection applies them). */
export function startCameraWeighIn(options: { db: Database; log: Logger }): Promise<Consumer> {
  return startConsumer({
    name: CAMERA_WEIGH_IN,
    topic: READINGS_STORED,
    sql: options.db.sql,
    log: options.log.child({ component: 'camera-weigh-in' }),
    // Idempotent (event ids from the readings; the projection keeps each once): a crash repeats at most a turn's batches, at one cursor UPDATE a turn.
    advancePerTurn: true,
    handle: async (payload) => {
      const bySession = await cameraWeighSessionEvents(options.db.prisma, payload.readings);
      if (bySession.size === 0) return;
      await options.db.sql.transaction(async (tx) => {
        for (const events of bySession.values()) await appendEvent(tx, WEIGH_SESSION_EVENTS, { events });
      });
    },
  });
}
