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

/**
 * Stores readings in one statement per batch; each row is written at most once, by the
 * reading's own key (device, metric, observed time, event id): a retried batch or a re-sent
 * event carries the same values, so it writes nothing again, even when two batches race.
 * Returns the rows written now (`deviceId eventId metric`).
 */
export async function storeReadings(sql: SqlExecutor, rows: ReadingRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const column = <Value>(pick: (row: ReadingRow) => Value) => rows.map(pick);
  const stored = await sql.query<{ device_id: string; event_id: string; metric: string }>(
    `INSERT INTO "telemetry"."reading" (device_id, event_id, metric, value, observed_at, received_at, tenant_id, farm_id, barn_id)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::double precision[], $5::timestamptz[], $6::timestamptz[], $7::uuid[], $8::uuid[], $9::uuid[])
     ON CONFLICT DO NOTHING
     RETURNING device_id::text AS device_id, event_id, metric`,
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
  return new Set(stored.map((row) => readingKey(row.device_id, row.event_id, row.metric)));
}

/** How `storeReadings` names a stored row. */
export const readingKey = (deviceId: string, eventId: string, metric: string): string => `${deviceId} ${eventId} ${metric}`;
