import type { BarnSpecies, DeviceKind, DeviceStatus, PrismaClient } from '../db/generated/client';
import { isUuid } from '../validation';
import { awaitTopology } from './freshness';
import { tableOf, topologyConsumerName, type TopologySchema } from './schemas';

/** A placed device (claimed by a tenant and in a barn) as a read model knows it. */
export interface TopologyDevice {
  deviceId: string;
  tenantId: string;
  farmId: string;
  barnId: string;
  kind: DeviceKind;
  status: DeviceStatus;
  /** The farm's IANA time zone: where a farm day starts. */
  farmTimeZone: string;
}

export interface TopologyBarn {
  barnId: string;
  tenantId: string;
  farmId: string;
  species: BarnSpecies;
  /** The farm's IANA time zone: where a farm day starts. */
  farmTimeZone: string;
}

/**
 * A subgraph's own copy of devices' topology (farms with time zones, barns with species, devices
 * with kind, status and place), fed by `devices.topology-changed` (startTopologyReadModel) and
 * read here: the questions other subgraphs used to ask devices' code. Every read first waits
 * for the model to hold every change committed before it (freshness.ts). Deleted objects and
 * objects whose farm or barn the model does not hold count as absent.
 */
export interface TopologyReadModel {
  /** The placed devices among `deviceIds` (any tenant: callers scope by the returned tenantId). */
  lookupDevices(db: PrismaClient, deviceIds: readonly string[]): Promise<Map<string, TopologyDevice>>;
  /** The barns among `barnIds` (any tenant: callers scope by the returned tenantId). */
  lookupBarns(db: PrismaClient, barnIds: readonly string[]): Promise<Map<string, TopologyBarn>>;
  /** A tenant's barn, or null when the barn is not the tenant's. */
  barnOfTenant(db: PrismaClient, tenantId: string, barnId: string): Promise<TopologyBarn | null>;
  /** The ids of a tenant's devices in a barn. */
  devicesInBarn(db: PrismaClient, tenantId: string, barnId: string): Promise<string[]>;
  /** A tenant's farm's time zone, or null when the farm is not the tenant's. */
  farmTimeZone(db: PrismaClient, tenantId: string, farmId: string): Promise<string | null>;
  /** The ids among `farmIds` that are farms of `tenantId`. */
  farmsOfTenant(db: PrismaClient, tenantId: string, farmIds: readonly string[]): Promise<Set<string>>;
  /** The ids among `barnIds` that are barns of `tenantId`, and of the farm `farmId` when one is given. */
  barnsOfTenant(db: PrismaClient, tenantId: string, barnIds: readonly string[], farmId?: string): Promise<Set<string>>;
  /** The ids among `deviceIds` that are devices of `tenantId` (claimed; placed in a barn or not). */
  devicesOfTenant(db: PrismaClient, tenantId: string, deviceIds: readonly string[]): Promise<Set<string>>;
  /** The farm of each id, for partner tokens confined to granted farms (lib/auth/farmScope.ts); absent: no such object. */
  farmOfFarms(db: PrismaClient, farmIds: readonly string[]): Promise<Map<string, string>>;
  farmOfBarns(db: PrismaClient, barnIds: readonly string[]): Promise<Map<string, string>>;
  /** A device's farm is its barn's; an unplaced device is under none (null). */
  farmOfDevices(db: PrismaClient, deviceIds: readonly string[]): Promise<Map<string, string | null>>;
  /** Every ACTIVE device and its tenant. */
  activeDevices(db: PrismaClient): Promise<Array<{ deviceId: string; tenantId: string }>>;
}

const uuidsOf = (ids: readonly string[]): string => JSON.stringify([...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))]);
/** `$n` as a set of uuids (one JSON parameter: the same on both drivers). */
const idsIn = (n: number) => `(SELECT value::uuid FROM jsonb_array_elements_text($${n}::jsonb))`;

/** Thrown by a consumer's read model (`whenBehind: 'throw'`) when its topology is still behind the outbox after the wait. */
export class TopologyBehindError extends Error {
  constructor(schema: TopologySchema) {
    super(`the ${schema} topology read model is behind devices' committed changes; retry once its consumer has caught up`);
    this.name = 'TopologyBehindError';
  }
}

/**
 * `whenBehind`: what a read does when its model is still behind after FRESHNESS_WAIT_MS. A
 * request answers from the model as it is ('answer': eventual consistency, never a hang). An
 * event consumer must not: a reading of a barn the model does not hold yet would be skipped for
 * good, so it throws ('throw') and the consumer retries the event with backoff.
 */
export function topologyReadModel(schema: TopologySchema, options: { whenBehind?: 'answer' | 'throw' } = {}): TopologyReadModel {
  const farm = tableOf(schema, 'farm');
  const barn = tableOf(schema, 'barn');
  const device = tableOf(schema, 'device');
  const consumer = topologyConsumerName(schema);
  const read = async <Row extends Record<string, unknown>>(db: PrismaClient, sql: string, ...params: unknown[]): Promise<Row[]> => {
    const current = await awaitTopology(db, consumer);
    if (!current && options.whenBehind === 'throw') throw new TopologyBehindError(schema);
    return db.$queryRawUnsafe<Row[]>(sql, ...params);
  };
  const live = (alias: string) => `NOT ${alias}.deleted`;

  type BarnRow = { id: string; tenant_id: string; farm_id: string; species: string; time_zone: string };
  const barnsById = async (db: PrismaClient, barnIds: readonly string[]): Promise<BarnRow[]> =>
    read<BarnRow>(
      db,
      `SELECT b.id::text AS id, b.tenant_id::text AS tenant_id, b.farm_id::text AS farm_id, b.species, f.time_zone
       FROM ${barn} b JOIN ${farm} f ON f.id = b.farm_id AND ${live('f')} WHERE b.id IN ${idsIn(1)} AND ${live('b')}`,
      uuidsOf(barnIds),
    );
  const toBarn = (row: BarnRow): TopologyBarn => ({
    barnId: row.id,
    tenantId: row.tenant_id,
    farmId: row.farm_id,
    species: row.species as BarnSpecies,
    farmTimeZone: row.time_zone,
  });
  const idSet = (rows: Array<{ id: string }>) => new Set(rows.map((row) => row.id));

  const model: TopologyReadModel = {
    async lookupDevices(db, deviceIds) {
      if (!deviceIds.some(isUuid)) return new Map();
      const rows = await read<{ id: string; tenant_id: string; barn_id: string; farm_id: string; kind: string; status: string; time_zone: string }>(
        db,
        `SELECT d.id::text AS id, d.tenant_id::text AS tenant_id, d.barn_id::text AS barn_id, b.farm_id::text AS farm_id, d.kind, d.status, f.time_zone
         FROM ${device} d JOIN ${barn} b ON b.id = d.barn_id AND ${live('b')} JOIN ${farm} f ON f.id = b.farm_id AND ${live('f')}
         WHERE d.id IN ${idsIn(1)} AND ${live('d')} AND d.tenant_id IS NOT NULL`,
        uuidsOf(deviceIds),
      );
      return new Map(
        rows.map((row) => [
          row.id,
          {
            deviceId: row.id,
            tenantId: row.tenant_id,
            farmId: row.farm_id,
            barnId: row.barn_id,
            kind: row.kind as DeviceKind,
            status: row.status as DeviceStatus,
            farmTimeZone: row.time_zone,
          },
        ]),
      );
    },
    async lookupBarns(db, barnIds) {
      if (!barnIds.some(isUuid)) return new Map();
      return new Map((await barnsById(db, barnIds)).map((row) => [row.id, toBarn(row)]));
    },
    async barnOfTenant(db, tenantId, barnId) {
      if (!isUuid(barnId)) return null;
      const [row] = await barnsById(db, [barnId]);
      return row && row.tenant_id === tenantId ? toBarn(row) : null;
    },
    async devicesInBarn(db, tenantId, barnId) {
      if (!isUuid(barnId)) return [];
      const rows = await read<{ id: string }>(
        db,
        `SELECT d.id::text AS id FROM ${device} d WHERE d.tenant_id = $1::uuid AND d.barn_id = $2::uuid AND ${live('d')} ORDER BY d.id`,
        tenantId,
        barnId.toLowerCase(),
      );
      return rows.map((row) => row.id);
    },
    async farmTimeZone(db, tenantId, farmId) {
      if (!isUuid(farmId)) return null;
      const [row] = await read<{ time_zone: string }>(
        db,
        `SELECT f.time_zone FROM ${farm} f WHERE f.id = $1::uuid AND f.tenant_id = $2::uuid AND ${live('f')}`,
        farmId.toLowerCase(),
        tenantId,
      );
      return row?.time_zone ?? null;
    },
    async farmsOfTenant(db, tenantId, farmIds) {
      if (!farmIds.some(isUuid)) return new Set();
      return idSet(
        await read<{ id: string }>(
          db,
          `SELECT f.id::text AS id FROM ${farm} f WHERE f.id IN ${idsIn(1)} AND f.tenant_id = $2::uuid AND ${live('f')}`,
          uuidsOf(farmIds),
          tenantId,
        ),
      );
    },
    async barnsOfTenant(db, tenantId, barnIds, farmId) {
      if (farmId !== undefined && !isUuid(farmId)) return new Set();
      if (!barnIds.some(isUuid)) return new Set();
      const rows = await read<{ id: string }>(
        db,
        `SELECT b.id::text AS id FROM ${barn} b JOIN ${farm} f ON f.id = b.farm_id AND ${live('f')}
         WHERE b.id IN ${idsIn(1)} AND b.tenant_id = $2::uuid AND ${live('b')} AND ($3::uuid IS NULL OR b.farm_id = $3::uuid)`,
        uuidsOf(barnIds),
        tenantId,
        farmId?.toLowerCase() ?? null,
      );
      return idSet(rows);
    },
    async devicesOfTenant(db, tenantId, deviceIds) {
      if (!deviceIds.some(isUuid)) return new Set();
      return idSet(
        await read<{ id: string }>(
          db,
          `SELECT d.id::text AS id FROM ${device} d WHERE d.id IN ${idsIn(1)} AND d.tenant_id = $2::uuid AND ${live('d')}`,
          uuidsOf(deviceIds),
          tenantId,
        ),
      );
    },
    async farmOfFarms(db, farmIds) {
      if (!farmIds.some(isUuid)) return new Map();
      const rows = await read<{ id: string }>(db, `SELECT f.id::text AS id FROM ${farm} f WHERE f.id IN ${idsIn(1)} AND ${live('f')}`, uuidsOf(farmIds));
      return new Map(rows.map((row) => [row.id, row.id]));
    },
    async farmOfBarns(db, barnIds) {
      if (!barnIds.some(isUuid)) return new Map();
      return new Map((await barnsById(db, barnIds)).map((row) => [row.id, row.farm_id]));
    },
    async farmOfDevices(db, deviceIds) {
      if (!deviceIds.some(isUuid)) return new Map();
      const rows = await read<{ id: string; farm_id: string | null }>(
        db,
        `SELECT d.id::text AS id, f.id::text AS farm_id FROM ${device} d LEFT JOIN ${barn} b ON b.id = d.barn_id AND ${live('b')} LEFT JOIN ${farm} f ON f.id = b.farm_id AND ${live('f')}
         WHERE d.id IN ${idsIn(1)} AND ${live('d')}`,
        uuidsOf(deviceIds),
      );
      return new Map(rows.map((row) => [row.id, row.farm_id]));
    },
    async activeDevices(db) {
      const rows = await read<{ id: string; tenant_id: string }>(
        db,
        `SELECT d.id::text AS id, d.tenant_id::text AS tenant_id FROM ${device} d WHERE d.status = 'ACTIVE' AND d.tenant_id IS NOT NULL AND ${live('d')} ORDER BY d.id`,
      );
      return rows.map((row) => ({ deviceId: row.id, tenantId: row.tenant_id }));
    },
  };
  return model;
}
