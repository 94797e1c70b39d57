import type { SqlExecutor } from '../../../lib/db/sql';

/** One reading ready to store: mapped to its tenant, farm and barn from the device registry. */
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
 * Stores readings in one statement per batch. Each (device, event) is claimed in
 * `ingested_event` first; only the readings of events claimed now are written, so a retried
 * batch or a retransmitted event writes nothing twice, even when two batches race.
 * Returns the `deviceId eventId` keys stored now.
 */
export async function storeReadings(sql: SqlExecutor, rows: ReadingRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const column = <Value>(pick: (row: ReadingRow) => Value) => rows.map(pick);
  const stored = await sql.query<{ device_id: string; event_id: string }>(
    `WITH input AS (
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::double precision[], $5::timestamptz[], $6::timestamptz[], $7::uuid[], $8::uuid[], $9::uuid[])
         AS t(device_id, event_id, metric, value, observed_at, received_at, tenant_id, farm_id, barn_id)
     ), new_events AS (
       INSERT INTO "telemetry"."ingested_event" (device_id, event_id)
       SELECT DISTINCT device_id, event_id FROM input
       ON CONFLICT DO NOTHING
       RETURNING device_id, event_id
     ), written AS (
       INSERT INTO "telemetry"."reading" (device_id, metric, observed_at, event_id, tenant_id, farm_id, barn_id, value, received_at)
       SELECT i.device_id, i.metric, i.observed_at, i.event_id, i.tenant_id, i.farm_id, i.barn_id, i.value, i.received_at
       FROM input i JOIN new_events n ON n.device_id = i.device_id AND n.event_id = i.event_id
       ON CONFLICT DO NOTHING
       RETURNING 1
     )
     SELECT device_id::text AS device_id, event_id FROM new_events`,
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
  return new Set(stored.map((row) => `${row.device_id} ${row.event_id}`));
}
