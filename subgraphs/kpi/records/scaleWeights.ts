import type { Database, PrismaClient } from '../../../lib/db/database';
import { startConsumer, type Consumer } from '../../../lib/events/consumer';
import { READINGS_STORED, type ReadingEvent } from '../../../lib/events/topics';
import type { Logger } from '../../../lib/logger';
import { consumerTopology } from '../topology';
import { localDate } from '../formulas/dates';
import { recordWeighSample } from './weighSamples';

/**
 * Scale weights (`weightKg` readings stored by telemetry) become weigh samples of the batch in
 * the scale's barn: the one placed most recently on or before the reading's farm-local day.
 * A weight from a barn without such a batch is left to telemetry alone.
 */
export async function recordScaleWeights(db: PrismaClient, readings: ReadingEvent[]): Promise<number> {
  const weights = readings.filter((reading) => reading.metric === 'weightKg' && reading.barnId);
  if (weights.length === 0) return 0;
  const barns = await consumerTopology.lookupBarns(
    db,
    weights.map((reading) => reading.barnId!),
  );
  let recorded = 0;
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
    recorded += await recordWeighSample(db, {
      tenantId: barn.tenantId,
      batchId: batch.id,
      weighedOn,
      weightKg: reading.value,
      sourceReading: `${reading.deviceId} ${reading.eventId}`,
    });
  }
  return recorded;
}

/** The durable consumer's name: its cursor in `events.consumer_partition`. */
export const SCALE_WEIGH_IN = 'kpi.scale-weigh-in';

/** Records scale weights from the stored-readings events, a farm's in the order they were stored. */
export function startScaleWeighIn(options: { db: Database; log: Logger }): Promise<Consumer> {
  return startConsumer({
    name: SCALE_WEIGH_IN,
    topic: READINGS_STORED,
    sql: options.db.sql,
    log: options.log.child({ component: 'scale-weigh-in' }),
    // Idempotent (one sample per source reading): a crash repeats at most a turn's batches, at one cursor UPDATE a turn.
    advancePerTurn: true,
    handle: async (event) => void (await recordScaleWeights(options.db.prisma, event.readings)),
  });
}
