import type { MutationResolvers } from '../__generated__/resolvers-types';
import { requireNumberInRange, requireUuid } from '../../../lib/validation';
import { requireMetricName } from '../metricName';

/** Far beyond any sensor's range, but keeps absurd values (1e308) out of alert arithmetic. */
const THRESHOLD_LIMIT = 1e9;

export const Mutation: MutationResolvers = {
  createAlertRule: async (_parent, { input }, { db, log }) => {
    const rule = await db.alertRule.create({
      data: {
        farmId: requireUuid(input.farmId, 'farmId'),
        metric: requireMetricName(input.metric),
        comparison: input.comparison,
        threshold: requireNumberInRange(input.threshold, 'threshold', -THRESHOLD_LIMIT, THRESHOLD_LIMIT, "in the metric's unit"),
      },
    });
    log.info({ alertRuleId: rule.id, farmId: rule.farmId }, 'alert rule created');
    return rule;
  },
};
