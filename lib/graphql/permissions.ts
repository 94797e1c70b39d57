import { isObjectType, type GraphQLSchema } from 'graphql';
import { middleware as middlewareGenerator, type IMiddlewareFieldMap, type IMiddlewareGenerator } from 'graphql-middleware';
import { allow, deny, rule, shield, type IRules } from 'graphql-shield';
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
  const guard = shield(merged, {
    fallbackRule: deny,
    fallbackError: () => userError(ErrorCode.Forbidden, 'Not allowed'),
    // Errors our resolvers throw on purpose (BAD_USER_INPUT, NOT_FOUND, ...) pass through;
    // anything else is masked by the server's error formatter.
    allowExternalErrors: true,
    debug: false,
  });
  return withoutAllowedFields(guard, merged);
}

/**
 * The shield's middleware without the fields whose rule is `allow`: its middleware would only
 * call the resolver, but made every field of every row (a dashboard's batches and days) an
 * async step of its own. Every other field, the fallback `deny` included, keeps its check.
 */
function withoutAllowedFields(guard: IMiddlewareGenerator<unknown, unknown, unknown>, rules: IRules) {
  return middlewareGenerator((schema: GraphQLSchema) => {
    const middleware = guard.generate(schema) as IMiddlewareFieldMap;
    for (const [typeName, fields] of Object.entries(middleware)) {
      const type = schema.getType(typeName);
      if (!isObjectType(type) || typeof fields !== 'object') continue;
      for (const fieldName of Object.keys(type.getFields())) {
        if (ruleOf(rules, typeName, fieldName) === allow) delete (fields as Record<string, unknown>)[fieldName];
      }
    }
    return middleware;
  });
}

/** The rule graphql-shield applies to `type.field`: the type's rule, else the field's, the type's `*`, or the fallback. */
function ruleOf(rules: IRules, typeName: string, fieldName: string): unknown {
  const typeRule = (rules as Record<string, unknown>)[typeName];
  if (typeRule === undefined) return deny;
  if (typeof typeRule !== 'object' || typeRule === null || isRule(typeRule)) return typeRule;
  const fieldRules = typeRule as Record<string, unknown>;
  // A map with anything but rules in it is no field map to the shield: the fallback guards the type.
  if (!Object.values(fieldRules).every((rule) => typeof rule === 'object' && rule !== null && isRule(rule))) return deny;
  return fieldRules[fieldName] ?? fieldRules['*'] ?? deny;
}

type Class = abstract new (...args: never[]) => object;
// graphql-shield does not export its rule classes: taken from a rule and a logic rule it made.
const SHIELD_RULE = Object.getPrototypeOf(rule()(() => true)).constructor as Class;
const SHIELD_LOGIC_RULE = Object.getPrototypeOf(Object.getPrototypeOf(allow)).constructor as Class;
const LOGIC_RULE_NAMES = new Set(['RuleOr', 'RuleAnd', 'RuleChain', 'RuleRace', 'RuleNot', 'RuleTrue', 'RuleFalse']);

/**
 * A rule (allow, deny, rule(), and(), or()…) rather than a map of field rules, by the shield's
 * own test (its `isRuleFunction`: instance of its classes, or of a class so named), so this
 * never strips a field the shield would guard.
 */
function isRule(value: object): boolean {
  const className = value.constructor?.name;
  return value instanceof SHIELD_RULE || value instanceof SHIELD_LOGIC_RULE || className === 'Rule' || LOGIC_RULE_NAMES.has(className);
}
