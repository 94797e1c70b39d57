import type { PrismaClient } from '../../../lib/db/database';
import type { WeighSession as WeighSessionRow, WeighSessionStatus } from '../../../lib/db/generated/client';
import { badInput } from '../../../lib/errors';
import { MAX_PAGE_SIZE } from '../../../lib/validation';

/** The most sessions one `weighSessionChangeEvents` call resolves. */
export const MAX_SESSION_EVENTS = 500;

/** A batch's known sessions, the latest day first, at most MAX_PAGE_SIZE. */
export const batchSessions = (db: PrismaClient, tenantId: string, batchId: string, status: WeighSessionStatus | null | undefined): Promise<WeighSessionRow[]> =>
  db.weighSession.findMany({
    where: { tenantId, batchId, ...(status ? { status } : {}) },
    orderBy: [{ weighedOn: 'desc' }, { openedAt: 'desc' }, { id: 'asc' }],
    take: MAX_PAGE_SIZE,
  });

/** The given sessions as they are now (null for one not of the tenant), for the gateway's subscriptions. */
export async function sessionsNow(db: PrismaClient, tenantId: string, sessionIds: readonly string[]): Promise<Array<WeighSessionRow | null>> {
  if (sessionIds.length > MAX_SESSION_EVENTS) throw badInput(`events: at most ${MAX_SESSION_EVENTS} sessions, got ${sessionIds.length}`, 'events');
  const ids = sessionIds.map((id) => id.toLowerCase());
  const rows = await db.weighSession.findMany({ where: { id: { in: ids }, tenantId, batchId: { not: null } } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id) ?? null);
}
