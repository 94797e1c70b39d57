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
  history: (subscription, _args, ctx) =>
    ctx.db.subscriptionEvent.findMany({ where: { subscriptionId: subscription.id }, orderBy: [{ at: 'asc' }, { sequence: 'asc' }] }),
  invoices: (subscription, _args, ctx) =>
    ctx.db.invoice.findMany({ where: { subscriptionId: subscription.id, tenantId: subscription.tenantId }, orderBy: { number: 'asc' } }),
};
