import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ValidationContext } from 'graphql';
import type { QueryLimits } from '../lib/config';

/** graphql-js's words when a document has more tokens than `parseOptions.maxTokens`. */
const TOKEN_LIMIT_MESSAGE = /^Syntax Error: Document contains more that \d+ tokens\. Parsing aborted\.$/;

/**
 * graphql-armor at the gateway: depth, cost, aliases and directives are capped before a query is
 * planned, and "did you mean" field suggestions are removed from errors. In production the
 * limits are not echoed back to the caller. Every alias counts, `__typename` ones too (armor
 * exempts them by default: 600 `aN: __typename` would pass a limit of 15).
 *
 * The token limit is graphql-js's own parser option (`parseOptions`): armor's token plugin
 * throws from a hook Apollo answers with 500, while a parse error is a 400 GRAPHQL_PARSE_FAILED.
 */
export function queryLimits(limits: QueryLimits, production: boolean, onCostAccepted?: (context: ValidationContext | null, details: { n: number }) => void) {
  const exposeLimits = !production;
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, exposeLimits, flattenFragments: true },
    costLimit: { maxCost: limits.maxCost, exposeLimits, ...(onCostAccepted ? { onAccept: [onCostAccepted] } : {}) },
    maxAliases: { n: limits.maxAliases, exposeLimits, allowList: [] },
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives, exposeLimits },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  return {
    ...armor,
    parseOptions: { maxTokens: limits.maxTokens },
    plugins: [
      tokenLimitMessage(exposeLimits ? `Syntax Error: Token limit of ${limits.maxTokens} exceeded.` : 'Syntax Error: Token limit exceeded.'),
      ...armor.plugins,
    ],
  };
}

/** Says "token limit" in the gateway's words, without the number in production. */
function tokenLimitMessage(message: string): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) =>
            TOKEN_LIMIT_MESSAGE.test(error.message) ? { ...error, message, locations: undefined } : error,
          );
        },
      };
    },
  };
}
