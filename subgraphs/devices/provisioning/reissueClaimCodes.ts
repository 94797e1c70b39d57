import { appendAuditEvent, type AuditActor } from '../../../lib/audit/auditEvents';
import type { PrismaClient } from '../../../lib/db/generated/client';
import { badInput, ErrorCode, userError } from '../../../lib/errors';
import { generateClaimCode, hashClaimCode, normalizeClaimCode } from './claimCodes';
import { claimCodesExpireAt, distinctSerialNumbers, MAX_DEVICES_PER_REGISTRATION, printedLabels, type RegisteredDevice } from './registerDevices';

/**
 * New labels for PENDING devices (PLATFORM_ADMIN): a sheet that was lost, or codes that expired
 * before anyone claimed the device. Each device gets a new one-time claim code and the old one
 * stops working. All or nothing: a serial that is unknown, or whose device was claimed already,
 * changes none.
 */
export async function reissueClaimCodes(
  db: PrismaClient,
  serialNumbers: string[],
  claimCodeValidDays: number,
  now: Date,
  actor?: AuditActor,
): Promise<RegisteredDevice[]> {
  if (serialNumbers.length === 0 || serialNumbers.length > MAX_DEVICES_PER_REGISTRATION) {
    throw badInput(`serialNumbers: expected 1 to ${MAX_DEVICES_PER_REGISTRATION} serial numbers, got ${serialNumbers.length}`, 'serialNumbers');
  }
  const claimCodeExpiresAt = claimCodesExpireAt(claimCodeValidDays, now);
  const serials = distinctSerialNumbers(serialNumbers, 'serialNumbers');
  const labels = serials.map((serialNumber) => ({ serialNumber, claimCode: generateClaimCode() }));

  const devices = await db.$transaction(
    async (tx) => {
      const found = await tx.device.findMany({ where: { serialNumber: { in: serials } }, select: { id: true, serialNumber: true, status: true } });
      const bySerial = new Map(found.map((device) => [device.serialNumber, device]));
      const unknown = serials.find((serial) => !bySerial.has(serial));
      if (unknown) throw userError(ErrorCode.NotFound, `serialNumbers: no device ${unknown} is registered; nothing was reissued`);
      const claimed = found.find((device) => device.status !== 'PENDING');
      if (claimed)
        throw userError(ErrorCode.Conflict, `serialNumbers: ${claimed.serialNumber} was claimed already (it is ${claimed.status}); nothing was reissued`);
      for (const label of labels) {
        const device = bySerial.get(label.serialNumber)!;
        // Conditional on PENDING: a claim that lands meanwhile wins, and this reissues nothing.
        const updated = await tx.device.updateMany({
          where: { id: device.id, status: 'PENDING' },
          data: { claimCodeHash: hashClaimCode(normalizeClaimCode(label.claimCode)!), claimCodeExpiresAt },
        });
        if (updated.count !== 1) throw userError(ErrorCode.Conflict, `serialNumbers: ${label.serialNumber} was claimed just now; nothing was reissued`);
        if (actor)
          await appendAuditEvent(
            tx,
            actor,
            { action: 'DEVICE_CLAIM_CODE_REISSUED', tenantId: null, targetType: 'Device', targetId: device.id, detail: `serialNumber=${device.serialNumber}` },
            now,
          );
      }
      return bySerial;
    },
    { timeout: 60_000 },
  );
  return printedLabels(labels, new Map([...devices.values()].map((device) => [device.serialNumber, device.id])));
}
