import type { AuditRecord, Prisma } from '../../../lib/db/generated/client';
import type { SubgraphContext } from '../../../lib/graphql/context';
import { decodeCursor, pageOf } from '../../../lib/graphql/cursor';
import { badInput } from '../../../lib/errors';
import { requirePageSize } from '../../../lib/validation';
import type { AuditAction } from '../__generated__/resolvers-types';

export interface AuditEntry {
  action: AuditAction;
  /** The tenant the action concerns; null for platform-level ones (visible to platform admins only). */
  tenantId: string | null;
  targetType?: string;
  targetId?: string;
  /** Defaults to the caller; a failed login names the account it tried. */
  actorId?: string | null;
  /** With `actorId`: what kind of actor it names (default `user`). */
  actorKind?: 'user' | 'client';
  /** What the target alone does not say (an export's time range). */
  detail?: string;
}

/** Appends one record with the caller, its address and the request id. */
export async function recordAudit(ctx: SubgraphContext, entry: AuditEntry): Promise<void> {
  const actorId = entry.actorId !== undefined ? entry.actorId : (ctx.principal?.subject ?? null);
  await ctx.db.auditRecord.create({
    data: {
      action: entry.action,
      actorId,
      actorKind: entry.actorId !== undefined ? (entry.actorId ? (entry.actorKind ?? 'user') : null) : (ctx.principal?.kind ?? null),
      tenantId: entry.tenantId,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      address: ctx.clientAddress,
      requestId: ctx.requestId,
      detail: entry.detail ?? null,
    },
  });
}

/** Tenant admins see their tenant's records; a platform admin outside any tenant sees all. */
function visibleTo(ctx: SubgraphContext): Prisma.AuditRecordWhereInput {
  const principal = ctx.principal!;
  if (principal.tenantId) return { tenantId: principal.tenantId };
  return {}; // shield lets only a platform admin reach here without a tenant
}

/** Newest first. */
export async function auditPage(ctx: SubgraphContext, action: AuditAction | null | undefined, first: number, after: string | null | undefined) {
  const take = requirePageSize(first);
  const cursor = after ? decodeCursor(after) : undefined;
  const where: Prisma.AuditRecordWhereInput = { ...visibleTo(ctx), ...(action ? { action } : {}) };
  const rows = await ctx.db.auditRecord.findMany({
    where: cursor ? { AND: [where, { OR: [{ at: { lt: cursor.at } }, { at: cursor.at, id: { lt: cursor.id } }] }] } : where,
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: take + 1,
  });
  return pageOf<AuditRecord>(rows, take, (row) => ({ at: row.at, id: row.id }));
}

export const MAX_CSV_ROWS = 10_000;
const CSV_COLUMNS = ['at', 'action', 'actorId', 'actorKind', 'tenantId', 'targetType', 'targetId', 'address', 'requestId', 'detail'] as const;

/** One CSV field: quoted, and a leading = + - @ neutralised so a spreadsheet does not run it as a formula. */
function csvField(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The visible records of [since, until) as CSV, oldest first, at most MAX_CSV_ROWS. */
export async function auditCsv(ctx: SubgraphContext, since: Date, until: Date): Promise<string> {
  if (!(since < until)) throw badInput('since: must be before until', 'since');
  const rows = await ctx.db.auditRecord.findMany({
    where: { ...visibleTo(ctx), at: { gte: since, lt: until } },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
    take: MAX_CSV_ROWS + 1,
  });
  if (rows.length > MAX_CSV_ROWS) throw badInput(`since: more than ${MAX_CSV_ROWS} records; export a shorter period`, 'since');
  const lines = rows.map((row) => CSV_COLUMNS.map((column) => csvField(column === 'at' ? row.at.toISOString() : row[column])).join(','));
  await recordAudit(ctx, {
    action: 'AUDIT_LOG_EXPORTED',
    tenantId: ctx.principal!.tenantId,
    targetType: 'AuditLog',
    detail: `${since.toISOString()}/${until.toISOString()} rows=${rows.length}`,
  });
  return [CSV_COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
}
