import type { Alert, Prisma } from '../../../lib/db/generated/client';
import { appendEventInPrisma } from '../../../lib/events/outbox';
import { ALERT_RAISED_OR_CLEARED } from '../../../lib/events/topics';
import { severityOf } from '../notifications/severity';

/** Writes the alert's change to the outbox in the transaction that made it (partners' webhooks and any other consumer read it there). */
export function announceAlertChange(tx: Prisma.TransactionClient, alert: Alert, change: 'RAISED' | 'CLEARED'): Promise<void> {
  return appendEventInPrisma(tx, ALERT_RAISED_OR_CLEARED, {
    tenantId: alert.tenantId,
    farmId: alert.farmId,
    barnId: alert.barnId,
    alertId: alert.id,
    change,
    severity: severityOf(alert),
    metric: alert.metric,
    builtIn: alert.builtIn,
    ruleId: alert.ruleId,
    threshold: alert.threshold,
    peakValue: alert.peakValue,
    lastValue: alert.lastValue,
    raisedAt: alert.raisedAt.toISOString(),
    clearedAt: alert.clearedAt?.toISOString() ?? null,
  });
}
