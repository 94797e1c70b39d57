import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../lib/db/database';

export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/**
 * A token presented again within this long after it was spent is refused without revoking its
 * family: that is a client racing itself (two tabs refreshing at once), not a leak. The winner's
 * session stays valid. (Auth0 calls this the reuse interval.)
 */
export const CONCURRENT_REFRESH_GRACE_MS = 10_000;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export interface IssuedRefreshToken {
  token: string;
  expiresAt: Date;
}

/** A new opaque refresh token (256 bits) in `familyId` (a new family for a new login). */
export async function issueRefreshToken(
  db: PrismaClient,
  owner: { userId: string; tenantId: string | null },
  familyId: string = randomUUID(),
  now = new Date(),
): Promise<IssuedRefreshToken> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + REFRESH_TOKEN_TTL_MS);
  await db.refreshToken.create({ data: { familyId, userId: owner.userId, tenantId: owner.tenantId, tokenHash: hashOf(token), expiresAt } });
  return { token, expiresAt };
}

export type SpendResult =
  { outcome: 'spent'; userId: string; tenantId: string | null; familyId: string } | { outcome: 'reused'; familyId: string } | { outcome: 'invalid' };

/**
 * Spends a refresh token exactly once: the conditional update is atomic, so of two concurrent
 * refreshes with one token one wins and the other is refused. Presenting a spent token later
 * means it leaked: the whole family is revoked.
 */
export async function spendRefreshToken(db: PrismaClient, token: string, now = new Date()): Promise<SpendResult> {
  const tokenHash = hashOf(token);
  const { count } = await db.refreshToken.updateMany({
    where: { tokenHash, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  const row = await db.refreshToken.findUnique({ where: { tokenHash } });
  if (!row) return { outcome: 'invalid' };
  if (count === 1) return { outcome: 'spent', userId: row.userId, tenantId: row.tenantId, familyId: row.familyId };
  if (row.usedAt && !row.revokedAt && now.getTime() - row.usedAt.getTime() > CONCURRENT_REFRESH_GRACE_MS) {
    await revokeFamily(db, row.familyId, now);
    return { outcome: 'reused', familyId: row.familyId };
  }
  return { outcome: 'invalid' };
}

export async function revokeFamily(db: PrismaClient, familyId: string, now = new Date()): Promise<void> {
  await db.refreshToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: now } });
}

/** The family of a token, to end its session (logout), whatever state the token is in. */
export async function familyOf(db: PrismaClient, token: string): Promise<string | undefined> {
  return (await db.refreshToken.findUnique({ where: { tokenHash: hashOf(token) }, select: { familyId: true } }))?.familyId;
}
