import { randomBytes } from 'node:crypto';
import type { DeviceCredential, Prisma, PrismaClient } from '../../../lib/db/generated/client';
import { hashMosquittoPassword, verifyMosquittoPassword } from '../../../lib/mqtt/mosquittoPassword';

type Db = PrismaClient | Prisma.TransactionClient;

/** 16 random bytes: the 128 bits the issue asks for, as 22 URL-safe characters. */
const PASSWORD_BYTES = 16;

/** A rotated-out password stays valid this long unless the caller chooses otherwise (Hono's overlap). */
export const DEFAULT_OVERLAP_SECONDS = 24 * 60 * 60;
export const MAX_OVERLAP_SECONDS = 30 * 24 * 60 * 60;

/** A credential counts while it is neither revoked nor past the end of its overlap window. */
export const validCredentialWhere = (now: Date): Prisma.DeviceCredentialWhereInput => ({
  revokedAt: null,
  OR: [{ validUntil: null }, { validUntil: { gt: now } }],
});

/** A new random MQTT password for `deviceId`: returned once, stored only as its `$7$` hash. */
export async function issueDeviceCredential(db: Db, deviceId: string, now: Date): Promise<{ password: string; credential: DeviceCredential }> {
  const password = randomBytes(PASSWORD_BYTES).toString('base64url');
  const credential = await db.deviceCredential.create({ data: { deviceId, passwordHash: hashMosquittoPassword(password), issuedAt: now } });
  return { password, credential };
}

/**
 * Issues a new password and lets the ones valid now expire `overlapSeconds` later (never later
 * than they would have anyway), so a fleet can be re-provisioned without a gap.
 */
export async function rotateDeviceCredential(db: Db, deviceId: string, overlapSeconds: number, now: Date) {
  const previousValidUntil = new Date(now.getTime() + overlapSeconds * 1000);
  await db.deviceCredential.updateMany({
    where: { deviceId, revokedAt: null, OR: [{ validUntil: null }, { validUntil: { gt: previousValidUntil } }] },
    data: { validUntil: previousValidUntil },
  });
  return { ...(await issueDeviceCredential(db, deviceId, now)), previousValidUntil };
}

/** Ends every password of the device at once. */
export const revokeDeviceCredentials = (db: Db, deviceId: string, now: Date) =>
  db.deviceCredential.updateMany({ where: { deviceId, revokedAt: null }, data: { revokedAt: now } });

/**
 * The broker's CONNECT check: `username` is the device id, and the password must match one of
 * the device's valid credentials while the device is ACTIVE. Anything else is false, alike.
 */
export async function verifyDeviceCredentials(db: PrismaClient, username: string, password: string, now = new Date()): Promise<boolean> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(username)) return false;
  const credentials = await db.deviceCredential.findMany({
    where: { deviceId: username, device: { status: 'ACTIVE' }, ...validCredentialWhere(now) },
    select: { passwordHash: true },
    orderBy: { issuedAt: 'desc' },
    take: 5,
  });
  // Checks every candidate, not just until the first match, so timing does not tell which one matched.
  return credentials.map((credential) => verifyMosquittoPassword(credential.passwordHash, password)).includes(true);
}
