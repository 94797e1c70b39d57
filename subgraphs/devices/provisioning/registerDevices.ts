import { appendAuditEvent, type AuditActor } from '../../../lib/audit/auditEvents';
import type { DeviceKind, PrismaClient } from '../../../lib/db/generated/client';
import { isUniqueViolation } from '../../../lib/db/errors';
import { badInput, ErrorCode, userError } from '../../../lib/errors';
import { DEVICE_KINDS } from '../../../lib/deviceKinds';
import { claimLink, generateClaimCode, hashClaimCode, normalizeClaimCode, qrCodeSvg } from './claimCodes';

export const MAX_DEVICES_PER_REGISTRATION = 1000;
export const DEFAULT_CLAIM_CODE_VALID_DAYS = 365;
export const MAX_CLAIM_CODE_VALID_DAYS = 5 * 365;
const SERIAL = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface DeviceToRegister {
  serialNumber: string;
  kind: DeviceKind;
}

/** A registered device and its label: the claim code and QR code exist only in this answer. */
export interface RegisteredDevice {
  deviceId: string;
  claimCode: string;
  claimLink: string;
  qrCodeSvg: string;
}

export function requireSerialNumber(serialNumber: string, field = 'serialNumber'): string {
  const serial = serialNumber.trim();
  if (!SERIAL.test(serial)) throw badInput(`${field}: expected 1 to 64 letters, digits, '.', '_' or '-', got ${JSON.stringify(serialNumber)}`, field);
  return serial;
}

/** When claim codes valid for `claimCodeValidDays` (1 to MAX_CLAIM_CODE_VALID_DAYS) from `now` expire. */
export function claimCodesExpireAt(claimCodeValidDays: number, now: Date): Date {
  if (!Number.isInteger(claimCodeValidDays) || claimCodeValidDays < 1 || claimCodeValidDays > MAX_CLAIM_CODE_VALID_DAYS) {
    throw badInput(`claimCodeValidDays: expected 1 to ${MAX_CLAIM_CODE_VALID_DAYS} days, got ${claimCodeValidDays}`, 'claimCodeValidDays');
  }
  return new Date(now.getTime() + claimCodeValidDays * 24 * 60 * 60 * 1000);
}

/** The serial numbers, trimmed and checked; one given twice is refused, naming `field`. */
export function distinctSerialNumbers(serialNumbers: readonly string[], field: string): string[] {
  const serials = serialNumbers.map((serial) => requireSerialNumber(serial, field));
  const repeated = serials.find((serial, index) => serials.indexOf(serial) !== index);
  if (repeated) throw badInput(`${field}: ${repeated} appears twice`, field);
  return serials;
}

/** The label of each device (its one-time code, the claim link and its QR code), in the order given. */
export function printedLabels(
  labels: ReadonlyArray<{ serialNumber: string; claimCode: string }>,
  idBySerial: ReadonlyMap<string, string>,
): Promise<RegisteredDevice[]> {
  return Promise.all(
    labels.map(async (label) => {
      const link = claimLink(label.serialNumber, label.claimCode);
      return { deviceId: idBySerial.get(label.serialNumber)!, claimCode: label.claimCode, claimLink: link, qrCodeSvg: await qrCodeSvg(link) };
    }),
  );
}

/**
 * A factory CSV: a header naming `serialNumber` and `kind` (any order, other columns ignored),
 * then one device per line. Errors name the line.
 */
export function parseDeviceCsv(csv: string): DeviceToRegister[] {
  const lines = csv.split(/\r?\n/).map((line) => line.trim());
  const header = (lines.shift() ?? '').split(',').map((cell) => cell.trim());
  const serialColumn = header.indexOf('serialNumber');
  const kindColumn = header.indexOf('kind');
  if (serialColumn < 0 || kindColumn < 0) throw badInput(`csv: the first line must name the columns serialNumber and kind, got "${header.join(',')}"`, 'csv');
  return lines.flatMap((line, index) => {
    if (line === '') return [];
    const cells = line.split(',').map((cell) => cell.trim());
    const kind = cells[kindColumn] ?? '';
    if (!(DEVICE_KINDS as readonly string[]).includes(kind))
      throw badInput(`csv line ${index + 2}: kind must be one of ${DEVICE_KINDS.join(', ')}, got "${kind}"`, 'csv');
    return [{ serialNumber: requireSerialNumber(cells[serialColumn] ?? '', `csv line ${index + 2}`), kind: kind as DeviceKind }];
  });
}

/**
 * Pre-registers devices (PLATFORM_ADMIN) as PENDING, each with its own one-time claim code.
 * All or nothing: a serial that exists already (or twice in the input) registers none.
 */
export async function registerDevices(
  db: PrismaClient,
  devices: DeviceToRegister[],
  claimCodeValidDays: number,
  now: Date,
  actor?: AuditActor,
): Promise<RegisteredDevice[]> {
  if (devices.length === 0 || devices.length > MAX_DEVICES_PER_REGISTRATION) {
    throw badInput(`devices: expected 1 to ${MAX_DEVICES_PER_REGISTRATION} devices, got ${devices.length}`, 'devices');
  }
  const claimCodeExpiresAt = claimCodesExpireAt(claimCodeValidDays, now);
  const serials = distinctSerialNumbers(
    devices.map((device) => device.serialNumber),
    'serialNumber',
  );
  const labels = devices.map((device, index) => ({ ...device, serialNumber: serials[index]!, claimCode: generateClaimCode() }));
  let created: Array<{ id: string; serialNumber: string }>;
  try {
    created = await db.$transaction(
      async (tx) => {
        const rows = await tx.device.createManyAndReturn({
          data: labels.map((label) => ({
            serialNumber: label.serialNumber,
            kind: label.kind,
            claimCodeHash: hashClaimCode(normalizeClaimCode(label.claimCode)!),
            claimCodeExpiresAt,
            registeredAt: now,
          })),
          select: { id: true, serialNumber: true },
        });
        // One record per device, so a device's history starts at its registration; no tenant owns it yet (platform admins see these).
        if (actor)
          for (const row of rows)
            await appendAuditEvent(
              tx,
              actor,
              { action: 'DEVICE_REGISTERED', tenantId: null, targetType: 'Device', targetId: row.id, detail: `serialNumber=${row.serialNumber}` },
              now,
            );
        return rows;
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    if (isUniqueViolation(error))
      throw userError(ErrorCode.Conflict, 'serialNumber: a device with one of these serial numbers is registered already; nothing was registered');
    throw error;
  }
  return printedLabels(labels, new Map(created.map((device) => [device.serialNumber, device.id])));
}
