import { copyTextLine } from '../../../lib/db/copyText';
import type { SqlExecutor } from '../../../lib/db/sql';

/** One reading ready to store: mapped to its tenant, farm and barn from telemetry's topology read model. */
export interface ReadingRow {
  deviceId: string;
  eventId: string;
  metric: string;
  value: number;
  observedAt: Date;
  receivedAt: Date;
  tenantId: string;
  farmId: string;
  barnId: string;
}

/** The least batch stored by COPY: below it the unnest statement's single round trip is cheaper. */
export const COPY_FROM_ROWS = 500;

const COLUMNS = ['device_id', 'event_id', 'metric', 'value', 'observed_at', 'received_at', 'tenant_id', 'farm_id', 'barn_id'] as const;

/**
 * The batch's rows on their way into `telemetry.reading`: a temporary table of this connection
 * (created by its first batch), emptied when the transaction commits. A second batch in the
 * same transaction finds the first one's rows still there: they conflict with themselves now and
 * are written, and returned, once.
 */
const STAGING = 'pg_temp.reading_staging';
const CREATE_STAGING = `CREATE TEMP TABLE IF NOT EXISTS reading_staging (
  device_id uuid NOT NULL, event_id text NOT NULL, metric text NOT NULL, value double precision NOT NULL,
  observed_at timestamptz NOT NULL, received_at timestamptz NOT NULL, tenant_id uuid NOT NULL, farm_id uuid NOT NULL, barn_id uuid
) ON COMMIT DELETE ROWS`;

const INSERT = `INSERT INTO "telemetry"."reading" (${COLUMNS.join(', ')})`;
// Each written row comes back as its readingKey, one text column: thousands of rows a batch, parsed by pg one field each.
const ON_CONFLICT = `ON CONFLICT DO NOTHING RETURNING device_id::text || ' ' || event_id || ' ' || metric AS key`;

/**
 * Stores readings, each row at most once, by the reading's own key (device, metric, observed
 * time, event id): a retried batch or a re-sent event carries the same values, so it writes
 * nothing again, even when two batches race. Returns the rows written now (`deviceId eventId
 * metric`).
 *
 * A batch of `copyFromRows` rows or more, inside a PostgreSQL transaction, is copied into a
 * staging table and moved by one `INSERT … SELECT … ON CONFLICT DO NOTHING`: no parameter per
 * value to encode and parse. A smaller batch, PGlite, a Prisma transaction or a bare pool use one
 * `INSERT … SELECT FROM unnest(…)`: COPY costs two more round trips, which a farm's small live
 * batches would pay in latency, and on PGlite it saved nothing (README, Performance).
 */
export async function storeReadings(sql: SqlExecutor, rows: ReadingRow[], copyFromRows = COPY_FROM_ROWS): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const stored = sql.copyIn && rows.length >= copyFromRows ? await storeByCopy(sql, sql.copyIn.bind(sql), rows) : await storeByUnnest(sql, rows);
  return new Set(stored.map((row) => row.key));
}

/** A written row as `readingKey` names it. */
type StoredRow = { key: string };

async function storeByCopy(sql: SqlExecutor, copyIn: NonNullable<SqlExecutor['copyIn']>, rows: ReadingRow[]): Promise<StoredRow[]> {
  await sql.exec(CREATE_STAGING);
  let lines = '';
  for (const row of rows) {
    lines += copyTextLine([
      row.deviceId,
      row.eventId,
      row.metric,
      row.value,
      row.observedAt.toISOString(),
      row.receivedAt.toISOString(),
      row.tenantId,
      row.farmId,
      row.barnId,
    ]);
  }
  await copyIn(STAGING, COLUMNS, lines);
  return sql.query<StoredRow>(`${INSERT} SELECT ${COLUMNS.join(', ')} FROM ${STAGING} ${ON_CONFLICT}`);
}

async function storeByUnnest(sql: SqlExecutor, rows: ReadingRow[]): Promise<StoredRow[]> {
  const column = <Value>(pick: (row: ReadingRow) => Value) => rows.map(pick);
  return sql.query<StoredRow>(
    `${INSERT}
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::double precision[], $5::timestamptz[], $6::timestamptz[], $7::uuid[], $8::uuid[], $9::uuid[])
     ${ON_CONFLICT}`,
    [
      column((row) => row.deviceId),
      column((row) => row.eventId),
      column((row) => row.metric),
      column((row) => row.value),
      column((row) => row.observedAt.toISOString()),
      column((row) => row.receivedAt.toISOString()),
      column((row) => row.tenantId),
      column((row) => row.farmId),
      column((row) => row.barnId),
    ],
  );
}

/** How `storeReadings` names a stored row (its RETURNING clause builds the same text). */
export const readingKey = (deviceId: string, eventId: string, metric: string): string => `${deviceId} ${eventId} ${metric}`;
