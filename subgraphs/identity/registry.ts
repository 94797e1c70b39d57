import type { PrismaClient } from '../../lib/db/generated/client';
import { isUuid } from '../../lib/validation';

/**
 * The identity subgraph's interface for other parts of FarmIQ: which tenants exist. Other
 * subgraphs call these functions and never read the identity tables themselves.
 */

/** The ids among `tenantIds` that name existing tenants. */
export async function existingTenants(db: PrismaClient, tenantIds: readonly string[]): Promise<Set<string>> {
  const ids = [...new Set(tenantIds.filter(isUuid).map((id) => id.toLowerCase()))];
  if (ids.length === 0) return new Set();
  const rows = await db.tenant.findMany({ where: { id: { in: ids } }, select: { id: true } });
  return new Set(rows.map((row) => row.id));
}
