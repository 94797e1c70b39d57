import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, userError } from '../../lib/errors';
import { QUOTA_POLICIES, QuotaExceededError, type ClientQuotas, type QuotaState } from '../../lib/quotas/clientQuotas';
import type { GatewayContext } from '../gateway';
import type { OperationCosts } from './operationCost';
import { quotaMessage, rateLimitHeaders } from './rateLimitHeaders';

/**
 * Charges each partner API client's request to its quotas once the operation is known (after
 * validation, before planning: a refused request costs the subgraphs nothing), and tells the
 * client where it stands in every answer: `RateLimit-Policy` and `RateLimit`, and on refusal
 * HTTP 429 with `Retry-After` and a RATE_LIMITED error that says when. People (browser and
 * script sessions) are not metered here; their limits are the per-query ones.
 */
export function quotaPlugin(quotas: ClientQuotas, costs: OperationCosts): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let states: QuotaState[] | undefined;
      let retryAfterSeconds: number | undefined;
      return {
        async didResolveOperation({ contextValue, document, operation }) {
          const principal = contextValue.principal;
          if (principal?.kind !== 'client' || !operation) return;
          try {
            states = await quotas.charge(principal.subject, costs.costOf(document, operation), principal.clientTenantId);
          } catch (error) {
            if (!(error instanceof QuotaExceededError)) throw error;
            states = error.states;
            retryAfterSeconds = error.retryAfterSeconds;
            throw rateLimited(error);
          }
        },
        async willSendResponse({ response }) {
          if (!states) return;
          for (const [name, value] of Object.entries(rateLimitHeaders(states))) response.http.headers.set(name, value);
          if (retryAfterSeconds !== undefined) response.http.headers.set('retry-after', String(retryAfterSeconds));
        },
      };
    },
  };
}

/** The RATE_LIMITED error of a refused charge: which quota, when to retry; over HTTP with status 429. */
export function rateLimited(error: QuotaExceededError, over: 'http' | 'websocket' = 'http') {
  const { exceeded, retryAfterSeconds } = error;
  return userError(ErrorCode.RateLimited, quotaMessage(exceeded, retryAfterSeconds), {
    quota: QUOTA_POLICIES[exceeded.quota].name,
    retryAfterSeconds,
    ...(over === 'http' ? { http: { status: 429 } } : {}),
  });
}
