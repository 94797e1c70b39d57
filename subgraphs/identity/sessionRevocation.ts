import { REVOCATION_LIFETIME_MS, type RevocationList } from '../../lib/auth/revocation';
import type { PrismaClient } from '../../lib/db/database';
import { revokeFamily } from './refreshTokens';

/**
 * Ending a session reaches both halves of it: the refresh token family (no new access tokens)
 * and the access tokens already issued in it (the revocation list, checked by every verifier).
 */
export async function endSession(db: PrismaClient, revocations: RevocationList, familyId: string, now = new Date()): Promise<void> {
  await revokeFamily(db, familyId, now);
  await revocations.revokeSessions([familyId]);
}

/** Ends every session matching `where` whose access tokens could still be alive. */
async function endSessionsWhere(db: PrismaClient, revocations: RevocationList, where: { userId?: string; tenantId?: string }, now: Date): Promise<void> {
  // An access token is issued with each refresh token, so only families that issued one within
  // an access token's lifetime can still have live access tokens.
  const recent = await db.refreshToken.findMany({
    where: { ...where, createdAt: { gt: new Date(now.getTime() - REVOCATION_LIFETIME_MS) } },
    select: { familyId: true },
    distinct: ['familyId'],
  });
  await db.refreshToken.updateMany({ where: { ...where, revokedAt: null }, data: { revokedAt: now } });
  if (recent.length > 0) await revocations.revokeSessions(recent.map((row) => row.familyId));
}

/** Password change or removal of the account: every session of the user ends, the caller's own included. */
export const endUserSessions = (db: PrismaClient, revocations: RevocationList, userId: string, now = new Date()) =>
  endSessionsWhere(db, revocations, { userId }, now);

/** Role change or disabling in one tenant: the user's sessions acting for that tenant end. */
export const endSessionsOfMember = (db: PrismaClient, revocations: RevocationList, userId: string, tenantId: string, now = new Date()) =>
  endSessionsWhere(db, revocations, { userId, tenantId }, now);

/** Tenant suspension: every session acting for the tenant ends. */
export const endTenantSessions = (db: PrismaClient, revocations: RevocationList, tenantId: string, now = new Date()) =>
  endSessionsWhere(db, revocations, { tenantId }, now);
