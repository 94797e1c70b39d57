import type { AlertResolvers } from '../__generated__/resolvers-types';
import { farmFilter } from '../../../lib/auth/farmScope';
import { tenantOrNull } from '../../../lib/auth/tenantScope';
import { byKey, requestLoader } from '../../../lib/graphql/requestLoader';
import { isUuid } from '../../../lib/validation';

export const Alert: AlertResolvers = {
  __resolveReference: ({ id }, ctx) => {
    const tenantId = tenantOrNull(ctx);
    return tenantId && isUuid(id) ? ctx.db.alert.findFirst({ where: { id, tenantId, ...farmFilter(ctx) } }) : null;
  },
  farm: (alert) => ({ id: alert.farmId }),
  barn: (alert) => ({ id: alert.barnId }),
  rule: (alert, _args, ctx) => {
    const tenantId = tenantOrNull(ctx);
    if (!alert.ruleId || !tenantId) return null;
    return requestLoader(ctx, 'alertRulesById', async (ids) =>
      byKey(ids, await ctx.db.alertRule.findMany({ where: { id: { in: [...ids] }, tenantId } }), (rule) => rule.id),
    ).load(alert.ruleId);
  },
  acknowledgedBy: (alert) => (alert.acknowledgedBy ? { id: alert.acknowledgedBy } : null),
};
