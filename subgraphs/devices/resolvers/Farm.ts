import type { FarmResolvers } from '../__generated__/resolvers-types';
import { farmIdsIn } from '../../../lib/auth/farmScope';
import type { SubgraphContext } from '../../../lib/graphql/context';
import { groupByKey, loadTenantRow, requestLoader } from '../../../lib/graphql/requestLoader';

/** Farms by id within the caller's tenant, one query per request; another tenant's is null. */
export const loadFarm = (ctx: SubgraphContext, id: string) =>
  loadTenantRow(ctx, 'farmsById', id, (ids, tenantId) => ctx.db.farm.findMany({ where: { id: { in: farmIdsIn(ctx, ids) }, tenantId } }));

export const Farm: FarmResolvers = {
  // One query for all farms the gateway asks for in a request; another tenant's farm resolves
  // to null, exactly like a missing one.
  __resolveReference: ({ id }, ctx) => loadFarm(ctx, id),
  tenant: (farm) => ({ id: farm.tenantId }),
  barns: (farm, _args, ctx) =>
    requestLoader(ctx, 'barnsByFarm', async (farmIds) =>
      groupByKey(
        farmIds,
        await ctx.db.barn.findMany({ where: { farmId: { in: [...farmIds] }, tenantId: farm.tenantId }, orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
        (barn) => barn.farmId,
      ),
    ).load(farm.id),
  edgeGateways: (farm, _args, ctx) =>
    requestLoader(ctx, 'gatewaysByFarm', async (farmIds) =>
      groupByKey(
        farmIds,
        await ctx.db.edgeGateway.findMany({ where: { farmId: { in: [...farmIds] }, tenantId: farm.tenantId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
        (gateway) => gateway.farmId,
      ),
    ).load(farm.id),
};
