import type { PrismaClient } from '../../../lib/db/database';
import type { Alert, Prisma } from '../../../lib/db/generated/client';
import { isUniqueViolation } from '../../../lib/db/errors';
import type { AlertChangedEvent } from '../../../lib/pubsub/pubsub';
import { announceAlertChange } from '../alerts/announceAlertChange';

/** What a silence alert's values measure: seconds without a reading. */
export const SILENCE_METRIC = 'silenceSeconds';

/** One active DEVICE_SILENT per device (the barn's partial unique index counts it by this source). */
export const deviceSilentSource = (deviceId: string) => `DEVICE_SILENT:${deviceId}`;
/** One active EDGE_OFFLINE per farm (the farm alerts' partial unique index counts it by this source). */
export const edgeOfflineSource = (farmId: string) => `EDGE_OFFLINE:${farmId}`;

export interface SilenceToRaise {
  tenantId: string;
  farmId: string;
  /** Null for the farm's EDGE_OFFLINE. */
  barnId: string | null;
  deviceId: string | null;
  windowSeconds: number;
  /** Since when nothing was heard. */
  quietSince: Date;
}

/**
 * Raises a silence alert and its outbox event in one transaction (as every alert is:
 * alerts/announceAlertChange.ts). Returns null when one is already active (another replica raised it).
 */
export async function raiseSilence(db: PrismaClient, silence: SilenceToRaise, now: Date): Promise<AlertChangedEvent | null> {
  const builtIn = silence.deviceId ? 'DEVICE_SILENT' : 'EDGE_OFFLINE';
  const silentSeconds = Math.round((now.getTime() - silence.quietSince.getTime()) / 1000);
  try {
    const alert = await db.$transaction(async (tx) => {
      const raised = await tx.alert.create({
        data: {
          tenantId: silence.tenantId,
          farmId: silence.farmId,
          barnId: silence.barnId,
          deviceId: silence.deviceId,
          builtIn,
          source: silence.deviceId ? deviceSilentSource(silence.deviceId) : edgeOfflineSource(silence.farmId),
          metric: SILENCE_METRIC,
          comparison: 'ABOVE',
          threshold: silence.windowSeconds,
          // The moment the window ran out, not the moment a watcher pass noticed it.
          raisedAt: new Date(silence.quietSince.getTime() + silence.windowSeconds * 1000),
          peakValue: silentSeconds,
          lastValue: silentSeconds,
        },
      });
      await announceAlertChange(tx, raised, 'RAISED');
      return raised;
    });
    return { tenantId: alert.tenantId, farmId: alert.farmId, alertId: alert.id, change: 'RAISED' };
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

/** Clears a silence alert because something was heard at `heardAt`, with its outbox event, in `tx`. */
export async function clearSilence(tx: Prisma.TransactionClient, alert: Alert, heardAt: Date): Promise<AlertChangedEvent | null> {
  const silentSeconds = Math.max(0, Math.round((heardAt.getTime() - alert.raisedAt.getTime()) / 1000) + alert.threshold);
  const cleared = await tx.alert.updateMany({
    where: { id: alert.id, status: 'ACTIVE' },
    data: { status: 'CLEARED', clearedAt: heardAt, lastValue: silentSeconds, peakValue: silentSeconds },
  });
  if (cleared.count === 0) return null;
  await announceAlertChange(tx, (await tx.alert.findUnique({ where: { id: alert.id } }))!, 'CLEARED');
  return { tenantId: alert.tenantId, farmId: alert.farmId, alertId: alert.id, change: 'CLEARED' };
}
