import type { Prisma, PrismaClient } from '../../../lib/db/generated/client';
import { validCredentialWhere } from './deviceCredentials';
import { MOSQUITTO_ACL_FILE, mosquittoPasswordFile } from '../../../lib/mqtt/mosquittoPassword';

export interface BrokerAuthFiles {
  passwordFile: string;
  aclFile: string;
  deviceCount: number;
}

/**
 * Mosquitto's `password_file` and `acl_file` for the ACTIVE devices of a farm. Mosquitto keeps
 * one password per user (the last line wins), so during a rotation overlap the file carries the
 * newest password only: re-export after the devices took their new one. The embedded broker
 * has no such limit and honours the overlap.
 */
export async function brokerAuthFiles(db: PrismaClient, tenantId: string, farmId: string, now = new Date()): Promise<BrokerAuthFiles> {
  return activeDeviceFiles(db, { tenantId, barn: { farmId } }, now);
}

/** The same files for every ACTIVE device of every tenant: one cloud broker in front of the cloud's ingestors (`farmiq broker-files`). */
export function brokerAuthFilesForEveryFarm(db: PrismaClient, now = new Date()): Promise<BrokerAuthFiles> {
  return activeDeviceFiles(db, {}, now);
}

async function activeDeviceFiles(db: PrismaClient, scope: Prisma.DeviceWhereInput, now: Date): Promise<BrokerAuthFiles> {
  const devices = await db.device.findMany({
    where: { ...scope, status: 'ACTIVE' },
    orderBy: { id: 'asc' },
    select: {
      id: true,
      credentials: { where: validCredentialWhere(now), orderBy: { issuedAt: 'desc' }, take: 1, select: { passwordHash: true } },
    },
  });
  const entries = devices.flatMap((device) => device.credentials.map((credential) => ({ username: device.id, passwordHash: credential.passwordHash })));
  return { passwordFile: mosquittoPasswordFile(entries), aclFile: MOSQUITTO_ACL_FILE, deviceCount: entries.length };
}
