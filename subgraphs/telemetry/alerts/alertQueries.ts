import type { PrismaClient } from '../../../lib/db/database';
import type { Alert, AlertStatus } from '../../../lib/db/generated/client';
import { decodeCursor, pageOf } from '../../../lib/graphql/cursor';

export interface AlertConnectionModel {
  nodes: Alert[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

/** A page of a tenant's farm's alerts, newest raised first (keyset on raisedAt, id). */
export async function listAlerts(
  db: PrismaClient,
  scope: { tenantId: string; farmId: string; status: AlertStatus | null },
  first: number,
  after: string | null,
): Promise<AlertConnectionModel> {
  const position = after ? decodeCursor(after) : null;
  const rows = await db.alert.findMany({
    where: {
      tenantId: scope.tenantId,
      farmId: scope.farmId,
      ...(scope.status ? { status: scope.status } : {}),
      ...(position ? { OR: [{ raisedAt: { lt: position.at } }, { raisedAt: position.at, id: { lt: position.id } }] } : {}),
    },
    orderBy: [{ raisedAt: 'desc' }, { id: 'desc' }],
    take: first + 1,
  });
  return pageOf(rows, first, (alert) => ({ at: alert.raisedAt, id: alert.id }));
}
