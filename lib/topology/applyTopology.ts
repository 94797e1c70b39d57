import type { SqlExecutor } from '../db/sql';
import type { TopologyChangedEvent } from '../events/topics';
import { tableOf, type TopologySchema } from './schemas';

/**
 * Applies one topology event at outbox `position` to the read model in `schema`. Idempotent and
 * order-proof: a row changes only when the event is newer than what it holds (`version`), so a
 * redelivered or late event changes nothing. A deletion leaves a tombstone for the same reason:
 * an older event of the object, arriving after it, must not bring it back.
 */
export async function applyTopologyEvent(sql: SqlExecutor, schema: TopologySchema, event: TopologyChangedEvent, position: number): Promise<void> {
  const table = tableOf(schema, event.object);
  if (event.deleted) {
    await sql.query(
      `INSERT INTO ${table} (id, deleted, version) VALUES ($1::uuid, true, $2) ON CONFLICT (id) DO UPDATE SET deleted = true, version = EXCLUDED.version WHERE ${table}.version < EXCLUDED.version`,
      [event.id, position],
    );
    return;
  }
  const newer = `WHERE ${table}.version < EXCLUDED.version`;
  switch (event.object) {
    case 'farm':
      await sql.query(
        `INSERT INTO ${table} (id, tenant_id, time_zone, deleted, version) VALUES ($1::uuid, $2::uuid, $3, false, $4)
         ON CONFLICT (id) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, time_zone = EXCLUDED.time_zone, deleted = false, version = EXCLUDED.version ${newer}`,
        [event.id, event.tenantId, event.timeZone, position],
      );
      return;
    case 'barn':
      await sql.query(
        `INSERT INTO ${table} (id, tenant_id, farm_id, species, deleted, version) VALUES ($1::uuid, $2::uuid, $3::uuid, $4, false, $5)
         ON CONFLICT (id) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, farm_id = EXCLUDED.farm_id, species = EXCLUDED.species, deleted = false, version = EXCLUDED.version ${newer}`,
        [event.id, event.tenantId, event.farmId, event.species, position],
      );
      return;
    case 'device':
      await sql.query(
        `INSERT INTO ${table} (id, tenant_id, barn_id, kind, status, deleted, version) VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5, false, $6)
         ON CONFLICT (id) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, barn_id = EXCLUDED.barn_id, kind = EXCLUDED.kind, status = EXCLUDED.status, deleted = false, version = EXCLUDED.version ${newer}`,
        [event.id, event.tenantId, event.barnId, event.kind, event.status, position],
      );
  }
}
