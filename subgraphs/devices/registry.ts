import { isUuid } from '../../lib/validation';
import type { BarnSpecies, DeviceKind, DeviceStatus, PrismaClient } from '../../lib/db/generated/client';

/**
 * The devices subgraph's interface for other parts of FarmIQ (telemetry ingest and queries):
 * where a device stands and whose it is. Other subgraphs call these functions and never read
 * the devices tables themselves; the functions are the contract, the tables stay private.
 */
export interface RegisteredDeviceInfo {
  deviceId: string;
  tenantId: string;
  farmId: string;
  barnId: string;
  kind: DeviceKind;
  status: DeviceStatus;
  /** The farm's IANA time zone: where a farm day starts. */
  farmTimeZone: string;
}

/** The placed devices among `deviceIds` (any tenant: callers scope by the returned tenantId). */
export async function lookupDevices(db: PrismaClient, deviceIds: readonly string[]): Promise<Map<string, RegisteredDeviceInfo>> {
  const uuids = deviceIds.filter(isUuid);
  if (uuids.length === 0) return new Map();
  const rows = await db.device.findMany({
    where: { id: { in: [...new Set(uuids)] }, tenantId: { not: null }, barnId: { not: null } },
    select: { id: true, tenantId: true, barnId: true, kind: true, status: true, barn: { select: { farmId: true, farm: { select: { timeZone: true } } } } },
  });
  return new Map(
    rows.map((row) => [
      row.id,
      { deviceId: row.id, tenantId: row.tenantId!, farmId: row.barn!.farmId, barnId: row.barnId!, kind: row.kind, status: row.status, farmTimeZone: row.barn!.farm.timeZone },
    ]),
  );
}

/** The ids of a tenant's devices in a barn (for a barn's current climate). */
export async function devicesInBarn(db: PrismaClient, tenantId: string, barnId: string): Promise<string[]> {
  const rows = await db.device.findMany({ where: { tenantId, barnId }, select: { id: true } });
  return rows.map((row) => row.id);
}

/** A tenant's farm's time zone, or null when the farm is not the tenant's. */
export async function farmTimeZone(db: PrismaClient, tenantId: string, farmId: string): Promise<string | null> {
  const farm = await db.farm.findFirst({ where: { id: farmId, tenantId }, select: { timeZone: true } });
  return farm?.timeZone ?? null;
}

/** Edge gateway keys, for verifying signed batches (the secret decrypted only for that). */
export { edgeKeyForVerification, type EdgeKey } from './edgeGateways/edgeGateways';
export interface RegisteredBarnInfo {
  barnId: string;
  tenantId: string;
  farmId: string;
  species: BarnSpecies;
  /** The farm's IANA time zone: where a farm day starts. */
  farmTimeZone: string;
}

/** The barns among `barnIds` (any tenant: callers scope by the returned tenantId), for alert evaluation. */
export async function lookupBarns(db: PrismaClient, barnIds: readonly string[]): Promise<Map<string, RegisteredBarnInfo>> {
  const uuids = [...new Set(barnIds.filter(isUuid))];
  if (uuids.length === 0) return new Map();
  const rows = await db.barn.findMany({ where: { id: { in: uuids } }, select: { id: true, tenantId: true, farmId: true, species: true, farm: { select: { timeZone: true } } } });
  return new Map(rows.map((row) => [row.id, { barnId: row.id, tenantId: row.tenantId, farmId: row.farmId, species: row.species, farmTimeZone: row.farm.timeZone }]));
}

/** A tenant's barn, or null when the barn is not the tenant's (alert rules are made per barn). */
export async function barnOfTenant(db: PrismaClient, tenantId: string, barnId: string): Promise<RegisteredBarnInfo | null> {
  const barn = (await lookupBarns(db, [barnId])).get(barnId);
  return barn?.tenantId === tenantId ? barn : null;
}

/**
 * Ownership of ids an operation was given: each function answers which of `ids` (well-formed
 * UUIDs) name the tenant's own objects. Other subgraphs check farm, barn and device ids with
 * these before they act (lib/graphql/idArguments.ts); what is not returned is NOT_FOUND there.
 */

/** The ids among `farmIds` that are farms of `tenantId`. */
export async function farmsOfTenant(db: PrismaClient, tenantId: string, farmIds: readonly string[]): Promise<Set<string>> {
  const rows = await db.farm.findMany({ where: { id: { in: uuidsOf(farmIds) }, tenantId }, select: { id: true } });
  return new Set(rows.map((row) => row.id));
}

/** The ids among `barnIds` that are barns of `tenantId`, and of the farm `farmId` when one is given. */
export async function barnsOfTenant(db: PrismaClient, tenantId: string, barnIds: readonly string[], farmId?: string): Promise<Set<string>> {
  if (farmId !== undefined && !isUuid(farmId)) return new Set();
  const rows = await db.barn.findMany({ where: { id: { in: uuidsOf(barnIds) }, tenantId, ...(farmId === undefined ? {} : { farmId: farmId.toLowerCase() }) }, select: { id: true } });
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

/** Every ACTIVE device and its tenant (usage metering counts them per day). */
export async function activeDevices(db: PrismaClient): Promise<Array<{ deviceId: string; tenantId: string }>> {
  const rows = await db.device.findMany({ where: { status: 'ACTIVE', tenantId: { not: null } }, select: { id: true, tenantId: true } });
  return rows.map((row) => ({ deviceId: row.id, tenantId: row.tenantId! }));
}
