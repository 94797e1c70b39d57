import type { BarnResolvers } from '../__generated__/resolvers-types';
import { tenantOrNull } from '../../../lib/auth/tenantScope';
import { firstIdsPerGroup } from '../../../lib/db/firstPerGroup';
import { groupByKey, requestLoader } from '../../../lib/graphql/requestLoader';
import { isUuid, MAX_PAGE_SIZE } from '../../../lib/validation';

const RULES_BY_BARN = { table: '"telemetry"."alert_rule"', groupColumn: 'barn_id', orderBy: 'created_at, id' };

export const Barn: BarnResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  alertRules: (barn, _args, ctx) => {
    const tenantId = tenantOrNull(ctx);
    if (!tenantId || !isUuid(barn.id)) return [];
    return requestLoader(ctx, 'alertRulesByBarn', async (barnIds) => {
      const ids = await firstIdsPerGroup(ctx.db, RULES_BY_BARN, tenantId, barnIds, MAX_PAGE_SIZE);
      const rows = await ctx.db.alertRule.findMany({ where: { id: { in: ids } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
      return groupByKey(barnIds, rows, (row) => row.barnId!);
    }).load(barn.id);
  },
};
