import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { QueryLimits } from '../lib/config';

/**
 * graphql-armor at the edge: depth, cost, aliases, tokens and directives are capped before a
 * query is planned, and "did you mean" field suggestions are removed from errors. In
 * production the limits are not echoed back to the caller.
 */
export function queryLimits(limits: QueryLimits, production: boolean) {
  const exposeLimits = !production;
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth, exposeLimits, flattenFragments: true },
    costLimit: { maxCost: limits.maxCost, exposeLimits },
    maxAliases: { n: limits.maxAliases, exposeLimits },
    maxTokens: { n: limits.maxTokens, exposeLimits },
    maxDirectives: { n: limits.maxDirectives, exposeLimits },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}
