import type { Role } from '../../lib/auth/principal';
import { callerTenantId } from '../../lib/auth/tenantScope';
import type { Membership, Prisma, PrismaClient, UserAccount } from '../../lib/db/generated/client';
import { ErrorCode, badInput, notFound, userError } from '../../lib/errors';
import type { SubgraphContext } from '../../lib/graphql/context';
import { decodeCursor, pageOf } from '../../lib/graphql/cursor';
import { isUuid, requirePageSize } from '../../lib/validation';
import { endSessionsOfMember, endUserSessions } from './sessionRevocation';
import type { IdentityDependencies } from './sessions';
import { recordAudit } from './audit/auditLog';

/** A person of a tenant as its admins see them (GraphQL `Member`). */
export interface MemberModel {
  user: UserAccount;
  email: string;
  role: Role;
  lastLoginAt: Date | null;
  disabledAt: Date | null;
  joinedAt: Date;
}

/** Roles a tenant admin may hand out; PLATFORM_ADMIN and PARTNER are not tenant roles. */
export const TENANT_ROLES: Role[] = ['TENANT_ADMIN', 'FARM_MANAGER', 'OPERATOR', 'VIEWER'];

type MembershipWithUser = Membership & { user: UserAccount };

const toMember = (row: MembershipWithUser): MemberModel => ({
  user: row.user,
  email: row.user.email,
  role: row.role,
  lastLoginAt: row.user.lastLoginAt,
  disabledAt: row.disabledAt,
  joinedAt: row.createdAt,
});

/** The caller's tenant's people, in the order they joined; `search` is part of the email. */
export async function memberPage(ctx: SubgraphContext, search: string | null | undefined, first: number, after: string | null | undefined) {
  const take = requirePageSize(first);
  const cursor = after ? decodeCursor(after) : undefined;
  const where: Prisma.MembershipWhereInput = {
    tenantId: callerTenantId(ctx),
    ...(search?.trim() ? { user: { email: { contains: search.trim().toLowerCase() } } } : {}),
  };
  const rows = await ctx.db.membership.findMany({
    where: cursor ? { AND: [where, { OR: [{ createdAt: { gt: cursor.at } }, { createdAt: cursor.at, id: { gt: cursor.id } }] }] } : where,
    include: { user: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: take + 1,
  });
  const page = pageOf<MembershipWithUser>(rows, take, (row) => ({ at: row.createdAt, id: row.id }));
  return { nodes: page.nodes.map(toMember), pageInfo: page.pageInfo };
}

/** The membership of `userId` in the caller's tenant; another tenant's user answers like a missing one. */
async function memberOfCallerTenant(ctx: SubgraphContext, userId: string): Promise<MembershipWithUser> {
  const tenantId = callerTenantId(ctx);
  const row = isUuid(userId) ? await ctx.db.membership.findUnique({ where: { userId_tenantId: { userId, tenantId } }, include: { user: true } }) : null;
  if (!row) throw notFound('Member');
  return row;
}

/** Refuses a change that would leave the tenant without an active TENANT_ADMIN. */
async function assertAnotherActiveAdmin(db: PrismaClient, member: Membership): Promise<void> {
  if (member.role !== 'TENANT_ADMIN' || member.disabledAt) return;
  const others = await db.membership.count({ where: { tenantId: member.tenantId, role: 'TENANT_ADMIN', disabledAt: null, id: { not: member.id } } });
  if (others === 0) throw userError(ErrorCode.Conflict, 'The tenant must keep at least one active TENANT_ADMIN');
}

export async function changeMemberRole(ctx: SubgraphContext, deps: IdentityDependencies, userId: string, role: Role): Promise<MemberModel> {
  if (!TENANT_ROLES.includes(role)) throw badInput(`role: expected one of ${TENANT_ROLES.join(', ')}, got ${role}`, 'role');
  const member = await memberOfCallerTenant(ctx, userId);
  if (member.role === role) return toMember(member);
  if (role !== 'TENANT_ADMIN') await assertAnotherActiveAdmin(ctx.db, member);
  const updated = await ctx.db.membership.update({ where: { id: member.id }, data: { role }, include: { user: true } });
  // Tokens carry roles: the old ones must not outlive the change.
  await endSessionsOfMember(ctx.db, deps.revocations, member.userId, member.tenantId);
  ctx.log.info({ userId, tenantId: member.tenantId, from: member.role, to: role }, 'member role changed');
  await recordAudit(ctx, { action: 'MEMBER_ROLE_CHANGED', tenantId: member.tenantId, targetType: 'User', targetId: userId });
  return toMember(updated);
}

export async function setMemberDisabled(ctx: SubgraphContext, deps: IdentityDependencies, userId: string, disabled: boolean): Promise<MemberModel> {
  const member = await memberOfCallerTenant(ctx, userId);
  if (disabled === (member.disabledAt !== null)) return toMember(member);
  if (disabled) {
    if (userId === ctx.principal!.subject) throw userError(ErrorCode.Conflict, 'You cannot disable yourself');
    await assertAnotherActiveAdmin(ctx.db, member);
  }
  const updated = await ctx.db.membership.update({ where: { id: member.id }, data: { disabledAt: disabled ? new Date() : null }, include: { user: true } });
  if (disabled) await endSessionsOfMember(ctx.db, deps.revocations, member.userId, member.tenantId);
  ctx.log.info({ userId, tenantId: member.tenantId }, disabled ? 'member disabled' : 'member enabled');
  await recordAudit(ctx, { action: disabled ? 'MEMBER_DISABLED' : 'MEMBER_ENABLED', tenantId: member.tenantId, targetType: 'User', targetId: userId });
  return toMember(updated);
}

/** Removes the member; an account that then belongs to no tenant (and runs no platform) goes too. */
export async function removeMember(ctx: SubgraphContext, deps: IdentityDependencies, userId: string): Promise<boolean> {
  const member = await memberOfCallerTenant(ctx, userId);
  if (userId === ctx.principal!.subject) throw userError(ErrorCode.Conflict, 'You cannot remove yourself');
  await assertAnotherActiveAdmin(ctx.db, member);
  const accountRemoved = await ctx.db.$transaction(async (tx) => {
    await tx.membership.delete({ where: { id: member.id } });
    if (member.user.platformAdmin || (await tx.membership.count({ where: { userId } })) > 0) return false;
    await tx.userAccount.delete({ where: { id: userId } });
    return true;
  });
  if (accountRemoved) await endUserSessions(ctx.db, deps.revocations, userId);
  else await endSessionsOfMember(ctx.db, deps.revocations, userId, member.tenantId);
  ctx.log.info({ userId, tenantId: member.tenantId, accountRemoved }, 'member removed');
  await recordAudit(ctx, { action: 'MEMBER_REMOVED', tenantId: member.tenantId, targetType: 'User', targetId: userId });
  return true;
}
