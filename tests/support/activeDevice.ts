import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../lib/db/generated/client';
import { databaseRateLimitStore } from '../../lib/rateLimit/store';
import { activateDevice } from '../../subgraphs/devices/provisioning/lifecycle';
import { claimDevice } from '../../subgraphs/devices/provisioning/claimDevice';
import { registerDevices } from '../../subgraphs/devices/provisioning/registerDevices';

/** A climate sensor registered, claimed by `tenantId` and activated in `barnId`: its MQTT user name (its id) and password. */
export async function activeClimateDevice(db: PrismaClient, tenantId: string, barnId: string): Promise<{ id: string; password: string }> {
  const serialNumber = `SN-${randomUUID().slice(0, 8)}`;
  const [label] = await registerDevices(db, [{ serialNumber, kind: 'CLIMATE' }], 30, new Date());
  await claimDevice(db, databaseRateLimitStore(db.claimFailure), tenantId, { serialNumber, claimCode: label!.claimCode }, new Date());
  const activated = await activateDevice(db, tenantId, { deviceId: label!.deviceId, barnId, name: serialNumber }, new Date());
  return { id: activated.device.id, password: activated.password };
}
