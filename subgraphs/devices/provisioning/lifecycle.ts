import { appendAuditEvent, type AuditActor } from '../../../lib/audit/auditEvents';
import type { Device, DeviceStatus, PrismaClient } from '../../../lib/db/generated/client';
import { badInput, notFound } from '../../../lib/errors';
import { isUuid, requireText, requireUuid } from '../../../lib/validation';
import {
  DEFAULT_OVERLAP_SECONDS,
  issueDeviceCredential,
  MAX_OVERLAP_SECONDS,
  revokeDeviceCredentials,
  rotateDeviceCredential,
} from '../credentials/deviceCredentials';

export const DEVICE_NAME_MAX_LENGTH = 120;

/** What each operation needs the device to be, and the state it leaves it in. */
const TRANSITIONS = {
  activate: { from: ['CLAIMED'], to: 'ACTIVE' },
  move: { from: ['CLAIMED', 'ACTIVE'], to: undefined },
  rotate: { from: ['ACTIVE'], to: undefined },
  revoke: { from: ['CLAIMED', 'ACTIVE'], to: 'REVOKED' },
} as const satisfies Record<string, { from: readonly DeviceStatus[]; to: DeviceStatus | undefined }>;
type Operation = keyof typeof TRANSITIONS;
const PAST_TENSE: Record<Operation, string> = { activate: 'activated', move: 'moved', rotate: 'given new credentials', revoke: 'revoked' };

/** A device of the tenant, or NOT_FOUND (another tenant's device is not found either). */
export async function tenantDevice(db: PrismaClient, tenantId: string, deviceId: string): Promise<Device> {
  const device = isUuid(deviceId) ? await db.device.findFirst({ where: { id: deviceId, tenantId } }) : null;
  if (!device) throw notFound('Device');
  return device;
}

function assertTransition(device: Device, operation: Operation): void {
  const allowed: readonly DeviceStatus[] = TRANSITIONS[operation].from;
  if (!allowed.includes(device.status)) {
    throw badInput(`The device is ${device.status}; only ${allowed.join(' or ')} devices can be ${PAST_TENSE[operation]}`, 'deviceId');
  }
}

async function tenantBarn(db: PrismaClient, tenantId: string, barnId: string) {
  const barn = await db.barn.findFirst({ where: { id: requireUuid(barnId, 'barnId'), tenantId } });
  if (!barn) throw notFound('Barn');
  return barn;
}

/**
 * Places a CLAIMED device in a barn and activates it. The answer carries the device's MQTT
 * password, which exists nowhere else: the database keeps its hash only.
 */
export async function activateDevice(
  db: PrismaClient,
  tenantId: string,
  input: { deviceId: string; barnId: string; name: string },
  now: Date,
  actor?: AuditActor,
) {
  const device = await tenantDevice(db, tenantId, input.deviceId);
  const barn = await tenantBarn(db, tenantId, input.barnId);
  const name = requireText(input.name, 'name', DEVICE_NAME_MAX_LENGTH);
  assertTransition(device, 'activate');
  return db.$transaction(async (tx) => {
    const activated = await tx.device.updateMany({
      where: { id: device.id, status: 'CLAIMED' },
      data: { status: 'ACTIVE', barnId: barn.id, name, activatedAt: now },
    });
    if (activated.count !== 1) assertTransition(await tx.device.findUniqueOrThrow({ where: { id: device.id } }), 'activate');
    const { password, credential } = await issueDeviceCredential(tx, device.id, now);
    if (actor) await appendAuditEvent(tx, actor, { action: 'DEVICE_ACTIVATED', tenantId, targetType: 'Device', targetId: device.id }, now);
    return { device: await tx.device.findUniqueOrThrow({ where: { id: device.id } }), password, issuedAt: credential.issuedAt, previousValidUntil: null };
  });
}

export async function moveDevice(db: PrismaClient, tenantId: string, input: { deviceId: string; barnId: string }) {
  const device = await tenantDevice(db, tenantId, input.deviceId);
  const barn = await tenantBarn(db, tenantId, input.barnId);
  assertTransition(device, 'move');
  return db.device.update({ where: { id: device.id }, data: { barnId: barn.id } });
}

/** A new password now; the old ones keep working for `overlapSeconds` (0 ends them at once). */
export async function rotateCredentials(
  db: PrismaClient,
  tenantId: string,
  input: { deviceId: string; overlapSeconds?: number | null },
  now: Date,
  actor?: AuditActor,
) {
  const overlapSeconds = input.overlapSeconds ?? DEFAULT_OVERLAP_SECONDS;
  if (!Number.isInteger(overlapSeconds) || overlapSeconds < 0 || overlapSeconds > MAX_OVERLAP_SECONDS) {
    throw badInput(`overlapSeconds: expected 0 to ${MAX_OVERLAP_SECONDS} seconds, got ${overlapSeconds}`, 'overlapSeconds');
  }
  const device = await tenantDevice(db, tenantId, input.deviceId);
  assertTransition(device, 'rotate');
  return db.$transaction(async (tx) => {
    const { password, credential, previousValidUntil } = await rotateDeviceCredential(tx, device.id, overlapSeconds, now);
    if (actor) await appendAuditEvent(tx, actor, { action: 'DEVICE_CREDENTIALS_ROTATED', tenantId, targetType: 'Device', targetId: device.id }, now);
    return { device, password, issuedAt: credential.issuedAt, previousValidUntil };
  });
}

/** Ends the device's access at once: every password stops working on the next CONNECT. */
export async function revokeDevice(db: PrismaClient, tenantId: string, deviceId: string, now: Date, actor?: AuditActor): Promise<Device> {
  const device = await tenantDevice(db, tenantId, deviceId);
  assertTransition(device, 'revoke');
  return db.$transaction(async (tx) => {
    // Conditional on the state checked above: of two concurrent revocations one revokes (and is audited), the other is refused.
    const revoking = await tx.device.updateMany({
      where: { id: device.id, status: { in: [...TRANSITIONS.revoke.from] } },
      data: { status: 'REVOKED', revokedAt: now },
    });
    if (revoking.count !== 1) assertTransition(await tx.device.findUniqueOrThrow({ where: { id: device.id } }), 'revoke');
    await revokeDeviceCredentials(tx, device.id, now);
    const revoked = await tx.device.findUniqueOrThrow({ where: { id: device.id } });
    if (actor) await appendAuditEvent(tx, actor, { action: 'DEVICE_REVOKED', tenantId, targetType: 'Device', targetId: device.id }, now);
    return revoked;
  });
}
