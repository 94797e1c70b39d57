import type { AlertRuleResolvers } from '../__generated__/resolvers-types';
import { isUuid } from '../../../lib/validation';

export const AlertRule: AlertRuleResolvers = {
  __resolveReference: ({ id }, { db }) => (isUuid(id) ? db.alertRule.findUnique({ where: { id } }) : null),
  farm: (rule) => ({ id: rule.farmId }),
};
