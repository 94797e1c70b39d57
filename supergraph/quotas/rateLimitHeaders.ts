import { QUOTA_POLICIES, type QuotaState } from '../../lib/quotas/clientQuotas';

/** Quota units of each policy (`qu`): requests are the draft's own unit; cost points are ours (see the README). */
const QUOTA_UNITS = { requests: 'requests', cost: 'cost-points' } as const;

/**
 * The `RateLimit-Policy` and `RateLimit` fields of the IETF draft (draft-ietf-httpapi-ratelimit-headers-10):
 * Structured Field lists with one item per policy, `"name";q=<quota>;qu=<unit>;w=<window s>` and
 * `"name";r=<remaining>;t=<seconds to reset>`.
 */
export function rateLimitHeaders(states: readonly QuotaState[]): Record<'RateLimit-Policy' | 'RateLimit', string> {
  return {
    'RateLimit-Policy': states.map((state) => `"${QUOTA_POLICIES[state.quota].name}";q=${state.limit};qu="${QUOTA_UNITS[state.quota]}";w=${QUOTA_POLICIES[state.quota].windowSeconds}`).join(', '),
    RateLimit: states.map((state) => `"${QUOTA_POLICIES[state.quota].name}";r=${state.remaining};t=${state.resetSeconds}`).join(', '),
  };
}
