import type { FarmResolvers } from '../__generated__/resolvers-types';
import { tenantOrNull } from '../../../lib/auth/tenantScope';
import { byKey, requestLoader } from '../../../lib/graphql/requestLoader';
import { isUuid } from '../../../lib/validation';

export const Farm: FarmResolvers = {
  // One query for all farms the gateway asks for in a request; another tenant's farm resolves
  // to null, exactly like a missing one.
  __resolveReference: ({ id }, ctx) => {
    const tenantId = tenantOrNull(ctx);
    if (!tenantId || !isUuid(id)) return null;
    return requestLoader(ctx, 'farmsById', async (ids) => byKey(ids, await ctx.db.farm.findMany({ where: { id: { in: [...ids] }, tenantId } }), (farm) => farm.id)).load(id);
  },
  tenant: (farm) => ({ id: farm.tenantId }),
};
