import { and, or, rule } from 'graphql-shield';
import type { Role } from '../auth/principal';
import { ErrorCode, userError } from '../errors';
import type { SubgraphContext } from './context';

// graphql-shield refuses two rule objects with one name, so each parameterised rule is made once.
function once<Rule>(factory: (key: string) => Rule): (key: string) => Rule {
  const made = new Map<string, Rule>();
  return (key) => {
    if (!made.has(key)) made.set(key, factory(key));
    return made.get(key)!;
  };
}

const mustLogIn = () => userError(ErrorCode.Unauthenticated, 'Log in first');
// A plain refusal is `false`: the shield answers it with its fallback error (FORBIDDEN, "Not
// allowed", permissions.ts). Building that error in the rule cost a GraphQLError (a stack trace)
// per request for every branch an `or` tries and drops, such as hasRole('PARTNER') for a person.

/** The caller presented a valid access token. */
export const isAuthenticated = rule({ cache: 'contextual' })((_parent, _args, ctx: SubgraphContext) => (ctx.principal ? true : mustLogIn()));

/** The caller holds one of `roles` in the tenant its token acts for. */
const roleRule = once((key) => {
  const roles = key.split(',') as Role[];
  return rule(`hasRole(${key})`, { cache: 'contextual' })((_parent, _args, ctx: SubgraphContext) => {
    if (!ctx.principal) return mustLogIn();
    return ctx.principal.roles.some((role) => roles.includes(role));
  });
});
export const hasRole = (...roles: Role[]) => roleRule(roles.join(','));

/** The caller acts for a tenant (every tenant-owned read and write needs one). */
export const actsForTenant = rule({ cache: 'contextual' })((_parent, _args, ctx: SubgraphContext) => {
  if (!ctx.principal) return mustLogIn();
  return ctx.principal.tenantId ? true : userError(ErrorCode.Forbidden, 'Log in to a tenant first');
});

/** Roles that may change a tenant's farm data (topology, batches, alert rules). */
export const FARM_WRITERS: Role[] = ['TENANT_ADMIN', 'FARM_MANAGER', 'PLATFORM_ADMIN'];
/** People who may read a tenant's data; partner clients read within their scopes instead. */
export const HUMAN_READERS: Role[] = ['TENANT_ADMIN', 'FARM_MANAGER', 'OPERATOR', 'VIEWER', 'PLATFORM_ADMIN'];

/** The caller's token carries `scope` (partner API clients). */
export const hasScope = once((scope) =>
  rule(`hasScope(${scope})`, { cache: 'contextual' })((_parent, _args, ctx: SubgraphContext) => ctx.principal?.scopes.includes(scope) === true),
);

/** Reads of a tenant's data: its people, or a partner client holding `scope`. */
export const canRead = once((scope) => and(actsForTenant, or(hasRole(...HUMAN_READERS), and(hasRole('PARTNER'), hasScope(scope)))));
/** Changes to a tenant's farm data. Partners never write. */
export const canWriteFarmData = and(actsForTenant, hasRole(...FARM_WRITERS));
