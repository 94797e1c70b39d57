import type { Prisma } from '../../../lib/db/generated/client';
import { DEFAULT_SILENCE_POLICY, silenceWindowSeconds, type SilencePolicy } from './silenceWindow';

/** The farm's stored settings as a policy; a farm that set nothing (or one half) has the defaults for the rest. */
export function silencePolicyOf(settings: { silenceGapMultiplier: number | null; silenceMinMinutes: number | null } | null): SilencePolicy {
  return {
    gapMultiplier: settings?.silenceGapMultiplier ?? DEFAULT_SILENCE_POLICY.gapMultiplier,
    minSeconds:
      settings?.silenceMinMinutes !== null && settings?.silenceMinMinutes !== undefined ? settings.silenceMinMinutes * 60 : DEFAULT_SILENCE_POLICY.minSeconds,
  };
}

/** How the farm judges silence now. */
export async function farmSilencePolicy(db: Prisma.TransactionClient, farmId: string): Promise<SilencePolicy> {
  return silencePolicyOf(await db.farmNotificationSettings.findUnique({ where: { farmId }, select: { silenceGapMultiplier: true, silenceMinMinutes: true } }));
}

/**
 * Recomputes the stored window of every watched device of the farm under `policy`, in `tx`: the
 * watcher judges by the stored window (silenceWatcher.ts), so a changed setting holds from its
 * next pass, not from each device's next reading. Returns how many windows changed.
 */
export async function applySilencePolicy(tx: Prisma.TransactionClient, farmId: string, policy: SilencePolicy): Promise<number> {
  const devices = await tx.devicePresence.findMany({
    where: { farmId },
    select: { deviceId: true, kind: true, intervalSeconds: true, intervalSamples: true, silenceWindowSeconds: true },
  });
  let changed = 0;
  for (const device of devices) {
    const window = silenceWindowSeconds(device.kind, device, policy);
    if (window === device.silenceWindowSeconds) continue;
    await tx.devicePresence.update({ where: { deviceId: device.deviceId }, data: { silenceWindowSeconds: window } });
    changed++;
  }
  return changed;
}
