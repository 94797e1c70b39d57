import { isUuid } from '../../lib/validation';
import type { PrismaClient } from '../../lib/db/generated/client';

/**
 * Devices' own id checks (idArguments.ts) over its tables. Other subgraphs do not call these:
 * they ask their own read model of the topology devices publishes (lib/topology).
 */

/** The ids among `farmIds` that are farms of `tenantId`. */
export async function farmsOfTenant(db: PrismaClient, tenantId: string, farmIds: readonly string[]): Promise<Set<string>> {
  const rows = await db.farm.findMany({ where: { id: { in: uuidsOf(farmIds) }, tenantId }, select: { id: true } });
  return new Set(rows.map((row) => row.id));
}

/** The ids among `barnIds` that are barns of `tenantId`, and of the farm `farmId` when one is given. */
export async function barnsOfTenant(db: PrismaClient, tenantId: string, barnIds: readonly string[], farmId?: string): Promise<Set<string>> {
  if (farmId !== undefined && !isUuid(farmId)) return new Set();
  const rows = await db.barn.findMany({
    where: { id: { in: uuidsOf(barnIds) }, tenantId, ...(farmId === undefined ? {} : { farmId: farmId.toLowerCase() }) },
    select: { id: true },
  });
  return new Set(rows.map((row) => row.id));
}

/** The ids among `deviceIds` that are devices of `tenantId` (claimed; placed in a barn or not). */
export async function devicesOfTenant(db: PrismaClient, tenantId: string, deviceIds: readonly string[]): Promise<Set<string>> {
  const rows = await db.device.findMany({ where: { id: { in: uuidsOf(deviceIds) }, tenantId }, select: { id: true } });
  return new Set(rows.map((row) => row.id));
}

/**
 * The farm of each of `ids`, for partner tokens confined to granted farms (lib/auth/farmScope.ts):
 * a farm is its own farm, a barn's is its farm, a device's the farm of its barn (an unplaced
 * device is under none). Ids of no such object are absent.
 */
export async function farmOfFarms(_db: PrismaClient, farmIds: readonly string[]): Promise<Map<string, string>> {
  return new Map(farmIds.map((id) => [id, id]));
}

export async function farmOfBarns(db: PrismaClient, barnIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.barn.findMany({ where: { id: { in: uuidsOf(barnIds) } }, select: { id: true, farmId: true } });
  return new Map(rows.map((row) => [row.id, row.farmId]));
}

export async function farmOfDevices(db: PrismaClient, deviceIds: readonly string[]): Promise<Map<string, string | null>> {
  const rows = await db.device.findMany({ where: { id: { in: uuidsOf(deviceIds) } }, select: { id: true, barn: { select: { farmId: true } } } });
  return new Map(rows.map((row) => [row.id, row.barn?.farmId ?? null]));
}

const uuidsOf = (ids: readonly string[]): string[] => [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
