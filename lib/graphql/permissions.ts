import { allow, deny, shield, type IRules } from 'graphql-shield';
import { ErrorCode, userError } from '../errors';

/** Fields every federated subgraph must answer for the gateway to plan and resolve entities. */
const FEDERATION_RULES = {
  Query: { _service: allow, _entities: allow },
  _Service: allow,
} as const;

/**
 * graphql-shield with deny as the fallback: a field nobody wrote a rule for is refused with
 * FORBIDDEN. `rules` lists the entry points (Query, Mutation fields) and the object types a
 * subgraph exposes.
 *
 * Until the identity issue brings tokens and roles, the foundation's entry points are `allow`:
 * each subgraph's permissions.ts is the one place to tighten them.
 */
export function subgraphShield(rules: { Query?: Record<string, unknown>; Mutation?: Record<string, unknown> } & Record<string, unknown>) {
  const merged = {
    ...rules,
    Query: { ...FEDERATION_RULES.Query, ...(rules.Query ?? {}) },
    _Service: FEDERATION_RULES._Service,
  } as IRules;
  return shield(merged, {
    fallbackRule: deny,
    fallbackError: () => userError(ErrorCode.Forbidden, 'Not allowed'),
    // Errors our resolvers throw on purpose (BAD_USER_INPUT, NOT_FOUND, ...) pass through;
    // anything else is masked by the server's error formatter.
    allowExternalErrors: true,
    debug: false,
  });
}
