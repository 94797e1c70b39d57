import { QUOTA_POLICIES, type QuotaState } from '../../lib/quotas/clientQuotas';

/** Quota units of each policy (`qu`): requests are the draft's own unit; cost points are ours (see the README). */
const QUOTA_UNITS = { requests: 'requests', cost: 'cost-points', planCost: 'cost-points' } as const;

/**
 * The `RateLimit-Policy` and `RateLimit` fields of the IETF draft (draft-ietf-httpapi-ratelimit-headers-10):
 * Structured Field lists with one item per policy, `"name";q=<quota>;qu=<unit>;w=<window s>` and
 * `"name";r=<remaining>;t=<seconds to reset>`.
 */
export function rateLimitHeaders(states: readonly QuotaState[]): Record<'RateLimit-Policy' | 'RateLimit', string> {
  return {
    'RateLimit-Policy': states
      .map((state) => `"${QUOTA_POLICIES[state.quota].name}";q=${state.limit};qu="${QUOTA_UNITS[state.quota]}";w=${QUOTA_POLICIES[state.quota].windowSeconds}`)
      .join(', '),
    RateLimit: states.map((state) => `"${QUOTA_POLICIES[state.quota].name}";r=${state.remaining};t=${state.resetSeconds}`).join(', '),
  };
}

/** What a RATE_LIMITED answer (or a subscription's refusal) says: which quota, and when to retry. */
export function quotaMessage(exceeded: QuotaState, retryAfterSeconds: number): string {
  const what =
    exceeded.quota === 'requests'
      ? `This API client used its quota of ${exceeded.limit} requests per minute`
      : exceeded.quota === 'cost'
        ? `This API client used its quota of ${exceeded.limit} query cost points per day (${exceeded.remaining} left)`
        : `The API clients of this tenant used its plan's ${exceeded.limit} query cost points per day together (${exceeded.remaining} left)`;
  return `${what}; retry in ${retryAfterSeconds} s`;
}
