import { auditActorOf, auditRead } from '../../../lib/audit/auditEvents';
import type { QueryResolvers } from '../__generated__/resolvers-types';
import { deviceFarmFilter, farmFilter, farmIdFilter } from '../../../lib/auth/farmScope';
import { callerTenantId } from '../../../lib/auth/tenantScope';
import { badInput, notFound } from '../../../lib/errors';
import { isUuid, requireUuid } from '../../../lib/validation';
import { brokerAuthFiles } from '../credentials/brokerAuthFiles';
import { validCredentialWhere } from '../credentials/deviceCredentials';
import type { DevicesDependencies } from '../dependencies';
import { devicePage } from '../deviceQueries';

const MAX_CREDENTIAL_AGE_DAYS = 3650;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A row of the caller's tenant by id, or NOT_FOUND: another tenant's id is not found either. */
async function owned<Row>(find: () => Promise<Row | null>, id: string, what: string): Promise<Row> {
  const row = isUuid(id) ? await find() : null;
  return row ?? Promise.reject(notFound(what));
}

export const createQuery = (deps: DevicesDependencies): QueryResolvers => ({
  farm: (_parent, { id }, ctx) => owned(() => ctx.db.farm.findFirst({ where: { id, tenantId: callerTenantId(ctx), ...farmIdFilter(ctx) } }), id, 'Farm'),
  barn: (_parent, { id }, ctx) => owned(() => ctx.db.barn.findFirst({ where: { id, tenantId: callerTenantId(ctx), ...farmFilter(ctx) } }), id, 'Barn'),
  device: (_parent, { id }, ctx) =>
    owned(() => ctx.db.device.findFirst({ where: { id, tenantId: callerTenantId(ctx), ...deviceFarmFilter(ctx) } }), id, 'Device'),
  edgeGateway: (_parent, { id }, ctx) =>
    owned(() => ctx.db.edgeGateway.findFirst({ where: { id, tenantId: callerTenantId(ctx), ...farmFilter(ctx) } }), id, 'Edge gateway'),
  devices: (_parent, { status, first, after }, ctx) =>
    devicePage(ctx.db, { tenantId: callerTenantId(ctx), ...deviceFarmFilter(ctx), ...(status ? { status } : {}) }, first, after),
  devicesWithCredentialsOlderThan: (_parent, { olderThanDays, first, after }, ctx) => {
    if (!Number.isInteger(olderThanDays) || olderThanDays < 1 || olderThanDays > MAX_CREDENTIAL_AGE_DAYS) {
      throw badInput(`olderThanDays: expected 1 to ${MAX_CREDENTIAL_AGE_DAYS}, got ${olderThanDays}`, 'olderThanDays');
    }
    const now = deps.now();
    const cutoff = new Date(now.getTime() - olderThanDays * DAY_MS);
    // ACTIVE devices without any valid credential issued since the cutoff.
    const where = {
      tenantId: callerTenantId(ctx),
      ...deviceFarmFilter(ctx),
      status: 'ACTIVE' as const,
      credentials: { none: { ...validCredentialWhere(now), issuedAt: { gte: cutoff } } },
    };
    return devicePage(ctx.db, where, first, after);
  },
  brokerAuthFiles: async (_parent, { farmId }, ctx) => {
    const tenantId = callerTenantId(ctx);
    const farm = await ctx.db.farm.findFirst({ where: { id: requireUuid(farmId, 'farmId'), tenantId } });
    if (!farm) throw notFound('Farm');
    const files = await brokerAuthFiles(ctx.db, tenantId, farm.id, deps.now());
    await auditRead(ctx.db, auditActorOf(ctx), { action: 'BROKER_AUTH_FILES_EXPORTED', tenantId, targetType: 'Farm', targetId: farm.id });
    return files;
  },
});
