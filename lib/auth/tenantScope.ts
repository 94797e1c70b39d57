import type { SubgraphContext } from '../graphql/context';
import { ErrorCode, userError } from '../errors';

/**
 * The tenant every read and write of this request is confined to: the one in the caller's
 * token, never one named in the input. Shield rules run first, so a missing tenant here is a
 * rule that forgot `actsForTenant`.
 */
export function callerTenantId(ctx: SubgraphContext): string {
  const tenantId = ctx.principal?.tenantId;
  if (!tenantId) throw userError(ErrorCode.Forbidden, 'Log in to a tenant first');
  return tenantId;
}

/** The caller's tenant, or null (anonymous, or outside any tenant): entity lookups then find nothing. */
export const tenantOrNull = (ctx: SubgraphContext): string | null => ctx.principal?.tenantId ?? null;
