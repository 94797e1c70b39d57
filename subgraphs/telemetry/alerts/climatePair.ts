import type { PrismaClient } from '../../../lib/db/database';
import type { ReadingEvent } from '../../../lib/pubsub/pubsub';

/** Temperature and humidity further apart than this do not describe the same air. */
export const CLIMATE_PAIR_WINDOW_MS = 10 * 60 * 1000;

export interface ClimatePair {
  temperatureC: number;
  relativeHumidityPercent: number;
  /** The later of the two observations: when the pair describes the barn. */
  at: Date;
}

interface Latest {
  value: number;
  atMs: number;
}

/**
 * The barn's latest temperature and latest relative humidity (any of its devices) within the 10
 * minutes up to the newest climate reading of `batch`, from the stored readings and the batch
 * itself (a batch may carry only one of the two). Null when either is missing in that window.
 */
export async function latestClimatePair(db: PrismaClient, barnId: string, batch: readonly ReadingEvent[]): Promise<ClimatePair | null> {
  // Times as numbers, each parsed once: a batch holds thousands of readings.
  const batchTimesMs = batch.map((reading) => Date.parse(reading.observedAt));
  const until = new Date(batchTimesMs.reduce((newest, at) => Math.max(newest, at), -Infinity));
  const since = new Date(until.getTime() - CLIMATE_PAIR_WINDOW_MS);
  // One newest row per metric, each a backward walk of the barn index that stops at its first
  // row (DISTINCT ON would read every reading of the window: a busy barn's whole ten minutes).
  const stored = await db.$queryRawUnsafe<Array<{ metric: string; value: number; observed_at: Date }>>(
    `SELECT m.metric, latest.value, latest.observed_at FROM (VALUES ('temperatureC'), ('relativeHumidityPercent')) AS m(metric)
     CROSS JOIN LATERAL (
       SELECT r.value, r.observed_at FROM "telemetry"."reading" r
       WHERE r.barn_id = $1::uuid AND r.metric = m.metric AND r.observed_at > $2::timestamptz AND r.observed_at <= $3::timestamptz
       ORDER BY r.observed_at DESC LIMIT 1
     ) AS latest`,
    barnId,
    since.toISOString(),
    until.toISOString(),
  );
  const latest = new Map<string, Latest>();
  const consider = (metric: string, value: number, atMs: number) => {
    const current = latest.get(metric);
    if (atMs > since.getTime() && atMs <= until.getTime() && (!current || atMs > current.atMs)) latest.set(metric, { value, atMs });
  };
  for (const row of stored) consider(row.metric, Number(row.value), new Date(row.observed_at).getTime());
  batch.forEach((reading, i) => consider(reading.metric, reading.value, batchTimesMs[i]!));
  const temperature = latest.get('temperatureC');
  const humidity = latest.get('relativeHumidityPercent');
  if (!temperature || !humidity) return null;
  return { temperatureC: temperature.value, relativeHumidityPercent: humidity.value, at: new Date(Math.max(temperature.atMs, humidity.atMs)) };
}
