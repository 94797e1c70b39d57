import type { FarmResolvers } from '../__generated__/resolvers-types';
import type { Batch as BatchRow } from '../../../lib/db/generated/client';
import type { SubgraphContext } from '../../../lib/graphql/context';
import type { EntityRef } from '../../../lib/graphql/entityRef';
import { tenantOrNull } from '../../../lib/auth/tenantScope';
import { batchesOfFarms } from '../../../lib/db/preparedReads';
import { groupByKey, requestLoader } from '../../../lib/graphql/requestLoader';
import { isUuid, MAX_PAGE_SIZE } from '../../../lib/validation';
import { rankFarmBatches } from '../performance/ranking';

/** The caller's tenant's batches of `farm`, most recent first, at most MAX_PAGE_SIZE; none for anyone else's farm. */
async function farmBatches(farm: EntityRef, ctx: SubgraphContext): Promise<BatchRow[]> {
  const tenantId = tenantOrNull(ctx);
  if (!tenantId || !isUuid(farm.id)) return [];
  // All farms of one request load their batches in one query.
  return requestLoader(ctx, 'batchesByFarm', async (farmIds) =>
    groupByKey(farmIds, await batchesOfFarms(ctx.sql, tenantId, farmIds, MAX_PAGE_SIZE), (row) => row.farmId),
  ).load(farm.id);
}

export const Farm: FarmResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  batches: (farm, _args, ctx) => farmBatches(farm, ctx),
  batchRanking: async (farm, { asOf }, ctx) => rankFarmBatches(ctx, await farmBatches(farm, ctx), asOf),
};
