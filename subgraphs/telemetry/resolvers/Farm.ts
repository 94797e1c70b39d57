import type { FarmResolvers } from '../__generated__/resolvers-types';
import { tenantOrNull } from '../../../lib/auth/tenantScope';
import { alertRulesOfFarms } from '../../../lib/db/preparedReads';
import { groupByKey, requestLoader } from '../../../lib/graphql/requestLoader';
import { isUuid, MAX_PAGE_SIZE } from '../../../lib/validation';

export const Farm: FarmResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  alertRules: (farm, _args, ctx) => {
    const tenantId = tenantOrNull(ctx);
    if (!tenantId || !isUuid(farm.id)) return [];
    return requestLoader(ctx, 'alertRulesByFarm', async (farmIds) =>
      groupByKey(farmIds, await alertRulesOfFarms(ctx.sql, tenantId, farmIds, MAX_PAGE_SIZE), (row) => row.farmId),
    ).load(farm.id);
  },
};
