import type { BillingSubscriptionResolvers } from '../__generated__/resolvers-types';
import { tenantOrNull } from '../../../lib/auth/tenantScope';
import { isUuid } from '../../../lib/validation';
import { seesBilling } from '../billingAccess';

export const BillingSubscription: BillingSubscriptionResolvers = {
  __resolveReference: ({ id }, ctx) => {
    const tenantId = tenantOrNull(ctx);
    return tenantId && seesBilling(ctx) && isUuid(id) ? ctx.db.planSubscription.findFirst({ where: { id, tenantId } }) : null;
  },
  tenant: (subscription) => ({ id: subscription.tenantId }),
};
