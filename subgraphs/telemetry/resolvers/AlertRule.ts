import type { AlertRuleResolvers } from '../__generated__/resolvers-types';
import { farmFilter } from '../../../lib/auth/farmScope';
import { tenantOrNull } from '../../../lib/auth/tenantScope';
import { isUuid } from '../../../lib/validation';

export const AlertRule: AlertRuleResolvers = {
  __resolveReference: ({ id }, ctx) => {
    const tenantId = tenantOrNull(ctx);
    return tenantId && isUuid(id) ? ctx.db.alertRule.findFirst({ where: { id, tenantId, ...farmFilter(ctx) } }) : null;
  },
  farm: (rule) => ({ id: rule.farmId }),
  barn: (rule) => (rule.barnId ? { id: rule.barnId } : null),
  // Farm-wide rules made before hysteresis clear at their threshold.
  clearThreshold: (rule) => rule.clearThreshold ?? rule.threshold,
};
