import type { MutationResolvers } from '../__generated__/resolvers-types';
import { isUniqueViolation } from '../../../lib/db/errors';
import { ErrorCode, userError } from '../../../lib/errors';
import { callerTenantId } from '../../../lib/auth/tenantScope';

export const Mutation: MutationResolvers = {
  subscribe: async (_parent, { input }, ctx) => {
    const { db, log } = ctx;
    const tenantId = callerTenantId(ctx);
    try {
      // The partial unique index (one ACTIVE per tenant) decides races between two requests.
      const subscription = await db.planSubscription.create({ data: { tenantId, plan: input.plan } });
      log.info({ subscriptionId: subscription.id, tenantId, plan: subscription.plan }, 'subscription started');
      return subscription;
    } catch (error) {
      if (isUniqueViolation(error)) throw userError(ErrorCode.Conflict, 'The tenant already has an active subscription');
      throw error;
    }
  },
};
