import type { Tenant } from '../../lib/db/generated/client';
import { tenantsById } from '../../lib/db/preparedReads';
import type { SubgraphContext } from '../../lib/graphql/context';
import { byKey, requestLoader } from '../../lib/graphql/requestLoader';
import { isUuid } from '../../lib/validation';

/**
 * Tenant rows by id through one per-request loader (ids in lower case): the id check of
 * `tenant(id:)` and its resolver read the row once, one query instead of two. For reads only: a
 * mutation that changes a tenant reads it again after writing.
 */
export function loadTenants(ctx: SubgraphContext, ids: readonly string[]): Promise<Array<Tenant | null>> {
  const loader = requestLoader(ctx, 'tenantById', async (keys) => byKey(keys, await tenantsById(ctx.sql, keys), (row) => row.id));
  return Promise.all(ids.map((id) => (isUuid(id) ? loader.load(id.toLowerCase()) : null)));
}

/** The tenant if the caller may see it (its own; any for a platform admin), else null, exactly as if it did not exist. */
export async function visibleTenant(ctx: SubgraphContext, id: string): Promise<Tenant | null> {
  const principal = ctx.principal;
  if (!principal || !isUuid(id)) return null;
  if (id !== principal.tenantId && !principal.roles.includes('PLATFORM_ADMIN')) return null;
  const [tenant] = await loadTenants(ctx, [id]);
  return tenant!;
}
