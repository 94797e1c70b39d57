import type { PrismaClient } from '../../../lib/db/database';
import type { Logger } from '../../../lib/logger';
import { TOPICS, type PubSub, type ReadingEvent, type ReadingsStoredEvent } from '../../../lib/pubsub/pubsub';
import { lookupBarns } from '../../devices/registry';
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
  const barns = await lookupBarns(db, weights.map((reading) => reading.barnId!));
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
    recorded += await recordWeighSample(db, { tenantId: barn.tenantId, batchId: batch.id, weighedOn, weightKg: reading.value });
  }
  return recorded;
}

/** Listens for stored readings in this process and records scale weights, in order. */
export async function startScaleWeighIn(options: { db: PrismaClient; pubsub: PubSub; log: Logger }): Promise<{ stop(): Promise<void> }> {
  const log = options.log.child({ component: 'scale-weigh-in' });
  let queue = Promise.resolve();
  const unsubscribe = await options.pubsub.subscribe(TOPICS.readingsStored, (payload) => {
    const readings = (payload as Partial<ReadingsStoredEvent> | null)?.readings;
    if (!Array.isArray(readings)) return;
    queue = queue.then(() => recordScaleWeights(options.db, readings).then(() => undefined, (error: Error) => log.error({ err: error.message }, 'could not record scale weights')));
  });
  return {
    async stop() {
      await unsubscribe();
      await queue;
    },
  };
}
