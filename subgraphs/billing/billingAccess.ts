import type { Role } from '../../lib/auth/principal';
import type { SubgraphContext } from '../../lib/graphql/context';

/** Only a tenant's admins (and platform admins) see or change its billing. */
export const BILLING_ROLES: Role[] = ['TENANT_ADMIN', 'PLATFORM_ADMIN'];

export const seesBilling = (ctx: SubgraphContext): boolean => ctx.principal?.roles.some((role) => BILLING_ROLES.includes(role)) ?? false;
