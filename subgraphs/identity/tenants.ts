import type { Prisma, Tenant } from '../../lib/db/generated/client';
import { notFound } from '../../lib/errors';
import type { SubgraphContext } from '../../lib/graphql/context';
import { decodeCursor, pageOf } from '../../lib/graphql/cursor';
import { isUuid, requirePageSize } from '../../lib/validation';
import { endTenantSessions } from './sessionRevocation';
import type { IdentityDependencies } from './sessions';
import { recordAudit } from './audit/auditLog';

/** Every tenant, oldest first (platform admins only); `search` is part of the name, any case. */
export async function tenantPage(ctx: SubgraphContext, search: string | null | undefined, first: number, after: string | null | undefined) {
  const take = requirePageSize(first);
  const cursor = after ? decodeCursor(after) : undefined;
  const where: Prisma.TenantWhereInput = search?.trim() ? { name: { contains: search.trim(), mode: 'insensitive' } } : {};
  const rows = await ctx.db.tenant.findMany({
    where: cursor ? { AND: [where, { OR: [{ createdAt: { gt: cursor.at } }, { createdAt: cursor.at, id: { gt: cursor.id } }] }] } : where,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: take + 1,
  });
  return pageOf<Tenant>(rows, take, (tenant) => ({ at: tenant.createdAt, id: tenant.id }));
}

async function findTenant(ctx: SubgraphContext, id: string): Promise<Tenant> {
  const tenant = isUuid(id) ? await ctx.db.tenant.findUnique({ where: { id } }) : null;
  if (!tenant) throw notFound('Tenant');
  return tenant;
}

/**
 * Suspends a tenant: no logins, refreshes or client tokens for it (checked where they are
 * issued), and every token acting for it refused from now on (the revocation list).
 */
export async function suspendTenant(ctx: SubgraphContext, deps: IdentityDependencies, id: string): Promise<Tenant> {
  const tenant = await findTenant(ctx, id);
  if (tenant.suspendedAt) return tenant;
  // Conditional: of two concurrent suspensions one suspends (and is audited), the other answers like a repeat.
  const { count } = await ctx.db.tenant.updateMany({ where: { id, suspendedAt: null }, data: { suspendedAt: new Date() } });
  const suspended = await ctx.db.tenant.findUniqueOrThrow({ where: { id } });
  if (count !== 1) return suspended;
  await deps.revocations.suspendTenant(id);
  await endTenantSessions(ctx.db, deps.revocations, id);
  ctx.log.warn({ tenantId: id }, 'tenant suspended');
  await recordAudit(ctx, { action: 'TENANT_SUSPENDED', tenantId: id, targetType: 'Tenant', targetId: id });
  return suspended;
}

/** Lifts a suspension: new logins work; tokens issued before the suspension stay refused. */
export async function reinstateTenant(ctx: SubgraphContext, deps: IdentityDependencies, id: string): Promise<Tenant> {
  const tenant = await findTenant(ctx, id);
  if (!tenant.suspendedAt) return tenant;
  const { count } = await ctx.db.tenant.updateMany({ where: { id, suspendedAt: tenant.suspendedAt }, data: { suspendedAt: null } });
  const reinstated = await ctx.db.tenant.findUniqueOrThrow({ where: { id } });
  if (count !== 1) return reinstated;
  await deps.revocations.reinstateTenant(id, tenant.suspendedAt);
  ctx.log.warn({ tenantId: id }, 'tenant reinstated');
  await recordAudit(ctx, { action: 'TENANT_REINSTATED', tenantId: id, targetType: 'Tenant', targetId: id });
  return reinstated;
}
