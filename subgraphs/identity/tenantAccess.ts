import type { Tenant } from '../../lib/db/generated/client';
import type { SubgraphContext } from '../../lib/graphql/context';
import { isUuid } from '../../lib/validation';

/** The tenant if the caller may see it (its own; any for a platform admin), else null, exactly as if it did not exist. */
export async function visibleTenant(ctx: SubgraphContext, id: string): Promise<Tenant | null> {
  const principal = ctx.principal;
  if (!principal || !isUuid(id)) return null;
  if (id !== principal.tenantId && !principal.roles.includes('PLATFORM_ADMIN')) return null;
  return ctx.db.tenant.findUnique({ where: { id } });
}
