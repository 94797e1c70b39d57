import type { BillingSubscriptionResolvers } from '../__generated__/resolvers-types';
import { isUuid } from '../../../lib/validation';

export const BillingSubscription: BillingSubscriptionResolvers = {
  __resolveReference: ({ id }, { db }) => (isUuid(id) ? db.planSubscription.findUnique({ where: { id } }) : null),
  tenant: (subscription) => ({ id: subscription.tenantId }),
};
