import type { FarmResolvers } from '../__generated__/resolvers-types';
import { tenantOrNull } from '../../../lib/auth/tenantScope';
import { firstIdsPerGroup } from '../../../lib/db/firstPerGroup';
import { groupByKey, requestLoader } from '../../../lib/graphql/requestLoader';
import { isUuid, MAX_PAGE_SIZE } from '../../../lib/validation';

const BATCHES_BY_FARM = { table: '"kpi"."batch"', groupColumn: 'farm_id', orderBy: 'placed_on DESC, id' };

export const Farm: FarmResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  // All farms of one request load their batches in two queries, at most MAX_PAGE_SIZE per farm.
  batches: (farm, _args, ctx) => {
    const tenantId = tenantOrNull(ctx);
    if (!tenantId || !isUuid(farm.id)) return [];
    return requestLoader(ctx, 'batchesByFarm', async (farmIds) => {
      const ids = await firstIdsPerGroup(ctx.db, BATCHES_BY_FARM, tenantId, farmIds, MAX_PAGE_SIZE);
      const rows = await ctx.db.batch.findMany({ where: { id: { in: ids } }, orderBy: [{ placedOn: 'desc' }, { id: 'asc' }] });
      return groupByKey(farmIds, rows, (row) => row.farmId);
    }).load(farm.id);
  },
};
