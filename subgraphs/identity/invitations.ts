import { randomBytes } from 'node:crypto';
import type { Principal, Role } from '../../lib/auth/principal';
import { hashPassword } from '../../lib/auth/password';
import type { PrismaClient, UserAccount } from '../../lib/db/generated/client';
import { isUniqueViolation } from '../../lib/db/errors';
import { ErrorCode, badInput, notFound, userError } from '../../lib/errors';
import { isUuid } from '../../lib/validation';
import type { InviteUserInput } from './__generated__/resolvers-types';
import { confusableSkeleton } from '../../lib/text/confusables';
import { requireEmail } from './email';

export interface InvitationModel {
  user: UserAccount;
  temporaryPassword: string;
}

const INVITABLE_ROLES: Role[] = ['TENANT_ADMIN', 'FARM_MANAGER', 'OPERATOR', 'VIEWER'];

/**
 * Creates a user in the inviter's tenant (a platform admin names any tenant) with a random
 * temporary password of 144 bits, returned only here; the user must change it at first login.
 */
export async function inviteUser(db: PrismaClient, inviter: Principal, input: InviteUserInput): Promise<InvitationModel> {
  const email = requireEmail(input.email);
  if (!INVITABLE_ROLES.includes(input.role)) throw badInput(`role: expected one of ${INVITABLE_ROLES.join(', ')}, got ${input.role}`, 'role');
  const tenantId = await targetTenant(db, inviter, input.tenantId ?? null);
  const temporaryPassword = randomBytes(18).toString('base64url');
  const passwordHash = await hashPassword(temporaryPassword);
  const emailSkeleton = confusableSkeleton(email);
  try {
    const user = await db.$transaction(async (tx) => {
      const created = await tx.userAccount.create({ data: { email, emailSkeleton, passwordHash, mustChangePassword: true } });
      await tx.membership.create({ data: { userId: created.id, tenantId, role: input.role } });
      return created;
    });
    return { user, temporaryPassword };
  } catch (error) {
    if (isUniqueViolation(error)) throw await duplicateOrLookAlike(db, email);
    throw error;
  }
}

/**
 * An address that looks like an existing user's (`ann@farm.example` with a Cyrillic `а`, or
 * `rn` for `m`) would let an invitee pass for that user in every list and email. The unique
 * confusable skeleton (UTS #39) refuses it in the database, so two racing invitations of
 * look-alike addresses cannot both succeed; this only words the refusal.
 */
async function duplicateOrLookAlike(db: PrismaClient, email: string) {
  if ((await db.userAccount.count({ where: { email } })) > 0) return userError(ErrorCode.Conflict, 'email: a user with this email already exists');
  return userError(ErrorCode.Conflict, 'email: looks like the address of an existing user (confusable characters); use a plainly different address');
}

async function targetTenant(db: PrismaClient, inviter: Principal, requested: string | null): Promise<string> {
  const isPlatformAdmin = inviter.roles.includes('PLATFORM_ADMIN');
  const tenantId = requested ?? inviter.tenantId;
  // Another tenant's id answers like a missing one: no probing which tenants exist.
  if (!tenantId || !isUuid(tenantId) || (!isPlatformAdmin && tenantId !== inviter.tenantId)) throw notFound('Tenant');
  if ((await db.tenant.count({ where: { id: tenantId } })) === 0) throw notFound('Tenant');
  return tenantId;
}
