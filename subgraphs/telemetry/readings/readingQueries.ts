import type { SqlExecutor } from '../../../lib/db/sql';
import { badInput } from '../../../lib/errors';
import { bucketSql, requireBucketRange, type BucketInterval } from './buckets';
import { localTimeWithOffset } from './localTime';

/** A stored reading as resolvers see it. */
export interface ReadingModel {
  deviceId: string;
  metric: string;
  value: number;
  observedAt: Date;
  receivedAt: Date;
}

interface ReadingRowSql extends Record<string, unknown> {
  device_id: string;
  metric: string;
  value: number;
  observed_at: Date | string;
  received_at: Date | string;
}

const toModel = (row: ReadingRowSql): ReadingModel => ({
  deviceId: row.device_id,
  metric: row.metric,
  value: Number(row.value),
  observedAt: new Date(row.observed_at),
  receivedAt: new Date(row.received_at),
});

export interface Bucket {
  start: Date;
  end: Date;
  count: number;
  avg: number;
  min: number;
  max: number;
  sum: number;
}

/**
 * One device's metric in buckets aligned to `timeZone` (see buckets.ts), empty buckets left out.
 * The first and last bucket are clipped to [from, to): start and end say what they hold.
 */
export async function bucketedSeries(
  sql: SqlExecutor,
  query: { tenantId: string; deviceId: string; metric: string; from: Date; to: Date; interval: BucketInterval; timeZone: string },
): Promise<Bucket[]> {
  requireBucketRange(query.from, query.to, query.interval);
  const bucket = bucketSql(query.interval, '$6::text', `(date_trunc('day', $4::timestamptz AT TIME ZONE $6::text) AT TIME ZONE $6::text)`);
  const rows = await sql.query<{ start: Date | string; end: Date | string; count: number; avg: number; min: number; max: number; sum: number }>(
    // A bucket cut by `from` or `to` is labelled with the part of it the range covers, not its whole span.
    `SELECT GREATEST(${bucket.start}, $4::timestamptz) AS start, LEAST(${bucket.end}, $5::timestamptz) AS "end", count(*)::int AS count, avg(value) AS avg, min(value) AS min, max(value) AS max, sum(value) AS sum
     FROM "telemetry"."reading"
     WHERE tenant_id = $1::uuid AND device_id = $2::uuid AND metric = $3 AND observed_at >= $4::timestamptz AND observed_at < $5::timestamptz
     GROUP BY 1, 2 ORDER BY 1`,
    [query.tenantId, query.deviceId, query.metric, query.from.toISOString(), query.to.toISOString(), query.timeZone],
  );
  return rows.map((row) => ({
    start: new Date(row.start),
    end: new Date(row.end),
    count: Number(row.count),
    avg: Number(row.avg),
    min: Number(row.min),
    max: Number(row.max),
    sum: Number(row.sum),
  }));
}

/** The newest reading of each (device, metric) pair, one index probe per pair. */
export async function latestReadings(
  sql: SqlExecutor,
  tenantId: string,
  pairs: Array<{ deviceId: string; metric: string }>,
  since?: Date,
): Promise<ReadingModel[]> {
  if (pairs.length === 0) return [];
  const rows = await sql.query<ReadingRowSql>(
    `SELECT r.device_id::text AS device_id, r.metric, r.value, r.observed_at, r.received_at
     FROM unnest($1::uuid[], $2::text[]) AS p(device_id, metric)
     CROSS JOIN LATERAL (
       SELECT device_id, metric, value, observed_at, received_at FROM "telemetry"."reading"
       WHERE device_id = p.device_id AND metric = p.metric AND tenant_id = $3::uuid AND observed_at >= $4::timestamptz
       ORDER BY observed_at DESC LIMIT 1
     ) r
     ORDER BY r.device_id, r.metric`,
    [pairs.map((pair) => pair.deviceId), pairs.map((pair) => pair.metric), tenantId, (since ?? new Date(0)).toISOString()],
  );
  return rows.map(toModel);
}

/** A raw page position: observed time, metric and event id (the table's order within a device). */
interface ReadingCursor {
  observedAt: string;
  metric: string;
  eventId: string;
}

const encodeReadingCursor = (cursor: ReadingCursor) => Buffer.from(JSON.stringify([cursor.observedAt, cursor.metric, cursor.eventId])).toString('base64url');

function decodeReadingCursor(cursor: string): ReadingCursor {
  try {
    const [observedAt, metric, eventId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof observedAt === 'string' && !Number.isNaN(Date.parse(observedAt)) && typeof metric === 'string' && typeof eventId === 'string')
      return { observedAt, metric, eventId };
  } catch {
    // fall through
  }
  throw badInput('after: not a cursor this API handed out', 'after');
}

/** A page of one device's raw readings in [from, to), oldest first. */
export async function readingPage(
  sql: SqlExecutor,
  query: { tenantId: string; deviceId: string; metric: string | null; from: Date; to: Date; first: number; after: string | null },
): Promise<{ nodes: ReadingModel[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } }> {
  if (!(query.from.getTime() < query.to.getTime())) throw badInput('from: must be before to', 'from');
  const after = query.after ? decodeReadingCursor(query.after) : null;
  const rows = await sql.query<ReadingRowSql & { event_id: string }>(
    `SELECT device_id::text AS device_id, metric, value, observed_at, received_at, event_id FROM "telemetry"."reading"
     WHERE tenant_id = $1::uuid AND device_id = $2::uuid AND ($3::text IS NULL OR metric = $3) AND observed_at >= $4::timestamptz AND observed_at < $5::timestamptz
       AND ($6::timestamptz IS NULL OR (observed_at, metric, event_id) > ($6::timestamptz, $7::text, $8::text))
     ORDER BY observed_at, metric, event_id LIMIT $9`,
    [
      query.tenantId,
      query.deviceId,
      query.metric,
      query.from.toISOString(),
      query.to.toISOString(),
      after?.observedAt ?? null,
      after?.metric ?? null,
      after?.eventId ?? null,
      query.first + 1,
    ],
  );
  const nodes = rows.slice(0, query.first);
  const last = nodes[nodes.length - 1];
  return {
    nodes: nodes.map(toModel),
    pageInfo: {
      endCursor: last ? encodeReadingCursor({ observedAt: new Date(last.observed_at).toISOString(), metric: last.metric, eventId: last.event_id }) : null,
      hasNextPage: rows.length > query.first,
    },
  };
}

/** The most rows one CSV export may hold. */
export const MAX_CSV_ROWS = 100_000;

/** RFC 4180 CSV of one device's readings in [from, to), oldest first, with farm-local times and their UTC offset. */
export async function readingsCsv(
  sql: SqlExecutor,
  query: { tenantId: string; deviceId: string; metric: string | null; from: Date; to: Date; timeZone: string },
  unitOf: (metric: string) => string,
): Promise<string> {
  if (!(query.from.getTime() < query.to.getTime())) throw badInput('from: must be before to', 'from');
  const params = [query.tenantId, query.deviceId, query.metric, query.from.toISOString(), query.to.toISOString()];
  const where = `tenant_id = $1::uuid AND device_id = $2::uuid AND ($3::text IS NULL OR metric = $3) AND observed_at >= $4::timestamptz AND observed_at < $5::timestamptz`;
  const [{ count }] = (await sql.query<{ count: number }>(`SELECT count(*)::int AS count FROM "telemetry"."reading" WHERE ${where}`, params)) as [
    { count: number },
  ];
  if (Number(count) > MAX_CSV_ROWS) throw badInput(`The range holds ${count} readings; a CSV export holds at most ${MAX_CSV_ROWS}: shorten it`, 'from');
  const rows = await sql.query<{ observed_at: Date | string; local: string; offset_seconds: number; metric: string; value: number }>(
    `SELECT observed_at, to_char(observed_at AT TIME ZONE $6::text, 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS local,
       extract(epoch FROM (observed_at AT TIME ZONE $6::text) - (observed_at AT TIME ZONE 'UTC'))::int AS offset_seconds, metric, value
     FROM "telemetry"."reading" WHERE ${where} ORDER BY observed_at, metric, event_id`,
    [...params, query.timeZone],
  );
  const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const lines = rows.map((row) =>
    [
      new Date(row.observed_at).toISOString(),
      localTimeWithOffset(row.local, Number(row.offset_seconds)),
      row.metric,
      String(Number(row.value)),
      unitOf(row.metric),
    ]
      .map(field)
      .join(','),
  );
  return ['observedAt,observedAtLocal,metric,value,unit', ...lines].join('\r\n') + '\r\n';
}
