import type { Alert, AlertSeverity, Prisma } from '../../../lib/db/generated/client';
import { severityOf, wants } from './severity';

/** The alert changes a recipient hears about; ESCALATED_<level> tells the level an unacknowledged CRITICAL alert reached. */
export type NotifiedChange = 'RAISED' | 'CLEARED' | `ESCALATED_${number}`;

/** A farm's escalation time when it has not set one. */
export const DEFAULT_ESCALATE_AFTER_MINUTES = 15;

/** How long a CRITICAL alert of the farm may stay unacknowledged before the next level is told. */
export async function escalateAfterMs(tx: Prisma.TransactionClient, farmId: string): Promise<number> {
  const settings = await tx.farmNotificationSettings.findUnique({ where: { farmId } });
  return (settings?.escalateAfterMinutes ?? DEFAULT_ESCALATE_AFTER_MINUTES) * 60_000;
}

const farmScope = (alert: Alert) => ({ tenantId: alert.tenantId, OR: [{ farmId: null }, { farmId: alert.farmId }] });

/** Writes one delivery per subscription id (and endpoint id) for the change; duplicates are skipped by the unique keys. */
async function writeDeliveries(
  tx: Prisma.TransactionClient,
  alert: Alert,
  change: NotifiedChange,
  severity: AlertSeverity,
  now: Date,
  subscriptions: Array<{ id: string; channel: 'EMAIL' | 'WEBHOOK' | 'PUSH' }>,
  endpointIds: string[],
): Promise<number> {
  const common = { tenantId: alert.tenantId, alertId: alert.id, change, severity, nextAttemptAt: now, createdAt: now };
  const rows: Prisma.NotificationDeliveryCreateManyInput[] = [
    ...subscriptions.map((s) => ({ ...common, channel: s.channel, subscriptionId: s.id })),
    ...endpointIds.map((id) => ({ ...common, channel: 'WEBHOOK' as const, webhookEndpointId: id })),
  ];
  if (rows.length === 0) return 0;
  return (await tx.notificationDelivery.createMany({ data: rows, skipDuplicates: true })).count;
}

/**
 * Writes the deliveries of the alert's change: to the tenant's email subscriptions for the
 * alert's farm (or all farms) that want its severity, and to its enabled webhook endpoints. A
 * CRITICAL alert reaches escalation level 0 at once and starts its escalation clock; clearing
 * tells whoever was told of it. Called by the notifier (notifier.ts) for each alert change the
 * outbox carries, in one transaction: no change goes untold and none is told twice (unique keys
 * on alert, change and recipient).
 */
export async function enqueueAlertChange(tx: Prisma.TransactionClient, alert: Alert, change: 'RAISED' | 'CLEARED', now: Date): Promise<number> {
  const severity = severityOf(alert);
  const [subscriptions, endpoints] = await Promise.all([
    tx.notificationSubscription.findMany({ where: farmScope(alert) }),
    tx.webhookEndpoint.findMany({ where: { ...farmScope(alert), disabledAt: null } }),
  ]);
  let told = subscriptions.filter((s) => wants(s.minSeverity, severity));
  if (severity === 'CRITICAL') {
    const escalated =
      change === 'CLEARED'
        ? new Set(
            (await tx.notificationDelivery.findMany({ where: { alertId: alert.id, subscriptionId: { not: null } }, select: { subscriptionId: true } })).map(
              (d) => d.subscriptionId,
            ),
          )
        : new Set();
    told = told.filter((s) => s.escalationLevel === 0 || escalated.has(s.id));
    if (change === 'RAISED') {
      // skipDuplicates: a redelivered event does not restart the clock.
      await tx.alertEscalation.createMany({
        data: [
          { alertId: alert.id, tenantId: alert.tenantId, farmId: alert.farmId, nextAt: new Date(now.getTime() + (await escalateAfterMs(tx, alert.farmId))) },
        ],
        skipDuplicates: true,
      });
    } else {
      await tx.alertEscalation.deleteMany({ where: { alertId: alert.id } });
    }
  }
  const endpointIds = endpoints.filter((e) => wants(e.minSeverity, severity)).map((e) => e.id);
  return writeDeliveries(tx, alert, change, severity, now, told, endpointIds);
}

/**
 * Moves one due escalation on, in `tx`: an alert still ACTIVE and unacknowledged is told to the
 * next level's subscriptions (and the clock restarts while a higher level remains); an
 * acknowledged or cleared one stops climbing. Returns how many deliveries it wrote.
 */
export async function escalate(tx: Prisma.TransactionClient, alertId: string, now: Date): Promise<number> {
  // Locks the row: two workers never tell one level twice (and the unique keys would refuse it).
  const [escalation] = await tx.$queryRawUnsafe<Array<{ level: number }>>(
    `SELECT level FROM "telemetry"."alert_escalation" WHERE alert_id = $1::uuid AND next_at <= $2 FOR UPDATE SKIP LOCKED`,
    alertId,
    now,
  );
  if (!escalation) return 0;
  const alert = await tx.alert.findUnique({ where: { id: alertId } });
  if (!alert || alert.status !== 'ACTIVE' || alert.acknowledgedAt) {
    await tx.alertEscalation.delete({ where: { alertId } });
    return 0;
  }
  const level = escalation.level + 1;
  const subscriptions = await tx.notificationSubscription.findMany({ where: { ...farmScope(alert), escalationLevel: { gte: level } } });
  const written = await writeDeliveries(
    tx,
    alert,
    `ESCALATED_${level}`,
    'CRITICAL',
    now,
    subscriptions.filter((s) => s.escalationLevel === level),
    [],
  );
  if (subscriptions.some((s) => s.escalationLevel > level)) {
    await tx.alertEscalation.update({ where: { alertId }, data: { level, nextAt: new Date(now.getTime() + (await escalateAfterMs(tx, alert.farmId))) } });
  } else {
    await tx.alertEscalation.delete({ where: { alertId } });
  }
  return written;
}
