import { and, rule } from 'graphql-shield';
import type { Role } from '../auth/principal';
import { ErrorCode, userError } from '../errors';
import type { SubgraphContext } from './context';

const mustLogIn = () => userError(ErrorCode.Unauthenticated, 'Log in first');
const notAllowed = () => userError(ErrorCode.Forbidden, 'Not allowed');

/** The caller presented a valid access token. */
export const isAuthenticated = rule({ cache: 'contextual' })((_parent, _args, ctx: SubgraphContext) => (ctx.principal ? true : mustLogIn()));

/** The caller holds one of `roles` in the tenant its token acts for. */
export const hasRole = (...roles: Role[]) =>
  rule(`hasRole(${roles.join(',')})`, { cache: 'contextual' })((_parent, _args, ctx: SubgraphContext) => {
    if (!ctx.principal) return mustLogIn();
    return ctx.principal.roles.some((role) => roles.includes(role)) ? true : notAllowed();
  });

/** The caller acts for a tenant (every tenant-owned read and write needs one). */
export const actsForTenant = rule({ cache: 'contextual' })((_parent, _args, ctx: SubgraphContext) => {
  if (!ctx.principal) return mustLogIn();
  return ctx.principal.tenantId ? true : userError(ErrorCode.Forbidden, 'Log in to a tenant first');
});

/** Roles that may change a tenant's farm data (topology, batches, alert rules). */
export const FARM_WRITERS: Role[] = ['TENANT_ADMIN', 'FARM_MANAGER', 'PLATFORM_ADMIN'];
/** Roles that may read a tenant's data; partners read within their scopes. */
export const TENANT_READERS: Role[] = ['TENANT_ADMIN', 'FARM_MANAGER', 'OPERATOR', 'VIEWER', 'PARTNER', 'PLATFORM_ADMIN'];

/** Reads of a tenant's data. */
export const canReadTenantData = and(actsForTenant, hasRole(...TENANT_READERS));
/** Changes to a tenant's farm data. */
export const canWriteFarmData = and(actsForTenant, hasRole(...FARM_WRITERS));
