import type { MutationResolvers } from '../__generated__/resolvers-types';
import { callerTenantId } from '../../../lib/auth/tenantScope';
import { requireNumberInRange, requireUuid } from '../../../lib/validation';
import { requireMetricName } from '../metricName';

/** Far beyond any sensor's range, but keeps absurd values (1e308) out of alert arithmetic. */
const THRESHOLD_LIMIT = 1e9;

export const Mutation: MutationResolvers = {
  createAlertRule: async (_parent, { input }, ctx) => {
    const rule = await ctx.db.alertRule.create({
      data: {
        tenantId: callerTenantId(ctx),
        farmId: requireUuid(input.farmId, 'farmId'),
        metric: requireMetricName(input.metric),
        comparison: input.comparison,
        threshold: requireNumberInRange(input.threshold, 'threshold', -THRESHOLD_LIMIT, THRESHOLD_LIMIT, "in the metric's unit"),
      },
    });
    ctx.log.info({ alertRuleId: rule.id, farmId: rule.farmId }, 'alert rule created');
    return rule;
  },
};
