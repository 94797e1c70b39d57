import type { ApiClientResolvers } from '../__generated__/resolvers-types';
import type { IdentityDependencies } from '../sessions';

/** Usage is read from the counters the gateway charges (lib/quotas/clientQuotas.ts), under the tenant's plan; only the client's own tenant admins list the client. */
export const createApiClient = (deps: IdentityDependencies): ApiClientResolvers => ({
  usage: async (client) => {
    const plan = await deps.quotas.plans.get(client.tenantId);
    const [requests, cost, planCost] = await deps.quotas.usage(client.id, client.tenantId);
    return { requestsPerMinute: requests!, costPointsPerDay: cost!, plan: plan?.plan ?? null, planCostPointsPerDay: planCost ?? null };
  },
});
