import type { EdgeGatewayKeyResolvers, EdgeGatewayResolvers } from '../__generated__/resolvers-types';
import { farmFilter } from '../../../lib/auth/farmScope';
import { groupByKey, loadTenantRow, requestLoader } from '../../../lib/graphql/requestLoader';
import { loadFarm } from './Farm';

export const EdgeGateway: EdgeGatewayResolvers = {
  __resolveReference: ({ id }, ctx) =>
    loadTenantRow(ctx, 'gatewaysById', id, (ids, tenantId) => ctx.db.edgeGateway.findMany({ where: { id: { in: ids }, tenantId, ...farmFilter(ctx) } })),
  farm: async (gateway, _args, ctx) => (await loadFarm(ctx, gateway.farmId))!,
  keys: (gateway, _args, ctx) =>
    requestLoader(ctx, 'keysByGateway', async (gatewayIds) =>
      groupByKey(
        gatewayIds,
        await ctx.db.edgeGatewayKey.findMany({ where: { gatewayId: { in: [...gatewayIds] } }, orderBy: [{ issuedAt: 'desc' }, { id: 'asc' }] }),
        (key) => key.gatewayId,
      ),
    ).load(gateway.id),
};

export const EdgeGatewayKey: EdgeGatewayKeyResolvers = {
  keyId: (key) => key.id,
};
