import type { EdgeGatewayKeyResolvers, EdgeGatewayResolvers } from '../__generated__/resolvers-types';
import { tenantOrNull } from '../../../lib/auth/tenantScope';
import { byKey, groupByKey, requestLoader } from '../../../lib/graphql/requestLoader';
import { isUuid } from '../../../lib/validation';
import { loadFarm } from './Farm';

export const EdgeGateway: EdgeGatewayResolvers = {
  __resolveReference: ({ id }, ctx) => {
    const tenantId = tenantOrNull(ctx);
    if (!tenantId || !isUuid(id)) return null;
    return requestLoader(ctx, 'gatewaysById', async (ids) => byKey(ids, await ctx.db.edgeGateway.findMany({ where: { id: { in: [...ids] }, tenantId } }), (gateway) => gateway.id)).load(id);
  },
  farm: async (gateway, _args, ctx) => (await loadFarm(ctx, gateway.farmId))!,
  keys: (gateway, _args, ctx) =>
    requestLoader(ctx, 'keysByGateway', async (gatewayIds) =>
      groupByKey(gatewayIds, await ctx.db.edgeGatewayKey.findMany({ where: { gatewayId: { in: [...gatewayIds] } }, orderBy: [{ issuedAt: 'desc' }, { id: 'asc' }] }), (key) => key.gatewayId),
    ).load(gateway.id),
};

export const EdgeGatewayKey: EdgeGatewayKeyResolvers = {
  keyId: (key) => key.id,
};
