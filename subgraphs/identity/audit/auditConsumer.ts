import type { Database } from '../../../lib/db/database';
import { startConsumer, type Consumer } from '../../../lib/events/consumer';
import { AUDIT_ACTIONS } from '../../../lib/events/topics';
import type { Logger } from '../../../lib/logger';

/** The durable consumer's name: its cursor in `events.consumer_partition`. */
export const AUDIT_LOG_CONSUMER = 'identity.audit-log';

/**
 * Writes the audited actions other subgraphs announce (devices, billing) into identity's audit
 * log, which identity alone owns. Each event carries its record's id, so a redelivery inserts
 * nothing.
 */
export function startAuditLog(options: { db: Database; log: Logger }): Promise<Consumer> {
  return startConsumer({
    name: AUDIT_LOG_CONSUMER,
    topic: AUDIT_ACTIONS,
    sql: options.db.sql,
    log: options.log,
    handle: async (event) => {
      await options.db.sql.query(
        `INSERT INTO "identity"."audit_record" (id, at, action, actor_id, actor_kind, tenant_id, target_type, target_id, address, request_id, detail)
         VALUES ($1::uuid, $2::timestamptz, $3, $4, $5, $6::uuid, $7, $8, $9, $10, $11) ON CONFLICT (id) DO NOTHING`,
        [
          event.id,
          event.at,
          event.action,
          event.actorId,
          event.actorKind,
          event.tenantId,
          event.targetType,
          event.targetId,
          event.address,
          event.requestId,
          event.detail ?? null,
        ],
      );
    },
  });
}
