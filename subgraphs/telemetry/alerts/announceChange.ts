import { sqlOfTransaction } from '../../../lib/db/prismaSql';
import type { Alert, Prisma } from '../../../lib/db/generated/client';
import { appendEvent } from '../../../lib/events/outbox';
import { ALERT_CHANGED } from '../../../lib/events/topics';

/**
 * Writes the alert's change to the outbox in `tx`, the transaction that changed the alert: the
 * change and its event commit together, and whoever must hear of it (notifications/notifier.ts)
 * reads it from there. Call it last in the transaction (it takes the outbox lock until commit).
 */
export const announceAlertChange = (tx: Prisma.TransactionClient, alert: Pick<Alert, 'id' | 'tenantId' | 'farmId'>, change: 'RAISED' | 'CLEARED'): Promise<number> =>
  appendEvent(sqlOfTransaction(tx), ALERT_CHANGED, { tenantId: alert.tenantId, farmId: alert.farmId, alertId: alert.id, change });
