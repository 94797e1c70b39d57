import type { FarmResolvers } from '../__generated__/resolvers-types';
import { tenantOrNull } from '../../../lib/auth/tenantScope';
import { firstIdsPerGroup } from '../../../lib/db/firstPerGroup';
import { groupByKey, requestLoader } from '../../../lib/graphql/requestLoader';
import { isUuid, MAX_PAGE_SIZE } from '../../../lib/validation';

const RULES_BY_FARM = { table: '"telemetry"."alert_rule"', groupColumn: 'farm_id', orderBy: 'created_at, id' };

export const Farm: FarmResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  alertRules: (farm, _args, ctx) => {
    const tenantId = tenantOrNull(ctx);
    if (!tenantId || !isUuid(farm.id)) return [];
    return requestLoader(ctx, 'alertRulesByFarm', async (farmIds) => {
      const ids = await firstIdsPerGroup(ctx.db, RULES_BY_FARM, tenantId, farmIds, MAX_PAGE_SIZE);
      const rows = await ctx.db.alertRule.findMany({ where: { id: { in: ids } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
      return groupByKey(farmIds, rows, (row) => row.farmId);
    }).load(farm.id);
  },
};
