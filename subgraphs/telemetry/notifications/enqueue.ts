import type { Alert, Prisma } from '../../../lib/db/generated/client';
import { severityOf, wants } from './severity';

/** The alert changes a recipient hears about. */
export type NotifiedChange = 'RAISED' | 'CLEARED';

/**
 * Writes one delivery per recipient of the alert's change: every email subscription of the
 * tenant for the alert's farm (or all farms) that wants the alert's severity, and every enabled
 * webhook endpoint likewise. Call it with the transaction that changed the alert, so a crash
 * either keeps both or neither: no alert change goes untold and none is told twice (the unique
 * keys on alert, change and recipient).
 */
export async function enqueueAlertChange(tx: Prisma.TransactionClient, alert: Alert, change: NotifiedChange, now: Date): Promise<number> {
  const severity = severityOf(alert);
  const farmScope = { tenantId: alert.tenantId, OR: [{ farmId: null }, { farmId: alert.farmId }] };
  const [subscriptions, endpoints] = await Promise.all([
    tx.notificationSubscription.findMany({ where: farmScope }),
    tx.webhookEndpoint.findMany({ where: { ...farmScope, disabledAt: null } }),
  ]);
  const common = { tenantId: alert.tenantId, alertId: alert.id, change, severity, nextAttemptAt: now, createdAt: now };
  const rows: Prisma.NotificationDeliveryCreateManyInput[] = [
    ...subscriptions.filter((s) => wants(s.minSeverity, severity)).map((s) => ({ ...common, channel: s.channel, subscriptionId: s.id })),
    ...endpoints.filter((e) => wants(e.minSeverity, severity)).map((e) => ({ ...common, channel: 'WEBHOOK' as const, webhookEndpointId: e.id })),
  ];
  if (rows.length === 0) return 0;
  const written = await tx.notificationDelivery.createMany({ data: rows, skipDuplicates: true });
  return written.count;
}
