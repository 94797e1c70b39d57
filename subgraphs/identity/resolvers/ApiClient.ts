import type { ApiClientResolvers } from '../__generated__/resolvers-types';
import type { IdentityDependencies } from '../sessions';

/** Usage is read from the counters the gateway charges (lib/quotas/clientQuotas.ts); only the client's own tenant admins list the client. */
export const createApiClient = (deps: IdentityDependencies): ApiClientResolvers => ({
  usage: async (client) => {
    const [requests, cost] = await deps.quotas.usage(client.id);
    return { requestsPerMinute: requests!, costPointsPerDay: cost! };
  },
});
