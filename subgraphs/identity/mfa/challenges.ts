import { createHash, randomBytes } from 'node:crypto';
import type { MfaChallenge, PrismaClient } from '../../../lib/db/generated/client';

/**
 * The half-way state of a login whose password was right but which still needs a second factor
 * (LOGIN) or the enrolment of one the tenant requires (ENROL), and of a passkey registration. The
 * caller holds a random token (256 bits, kept as SHA-256) instead of the password; it lives a few
 * minutes and is spent once.
 */
export type ChallengePurpose = 'LOGIN' | 'ENROL' | 'PASSKEY_REGISTRATION';

export const MFA_CHALLENGE_TTL_MS = 5 * 60 * 1000;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export interface OpenedChallenge {
  token: string;
  expiresAt: Date;
  row: MfaChallenge;
}

export async function openChallenge(
  db: PrismaClient,
  challenge: { purpose: ChallengePurpose; userId: string; tenantId: string | null; useCookies?: boolean; webauthnChallenge?: string },
  now = new Date(),
): Promise<OpenedChallenge> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + MFA_CHALLENGE_TTL_MS);
  // A user's dead challenges go as new ones come: the table holds only what can still be used.
  await db.mfaChallenge.deleteMany({ where: { userId: challenge.userId, OR: [{ expiresAt: { lte: now } }, { spentAt: { not: null } }] } });
  const row = await db.mfaChallenge.create({
    data: {
      tokenHash: hashOf(token),
      purpose: challenge.purpose,
      userId: challenge.userId,
      tenantId: challenge.tenantId,
      useCookies: challenge.useCookies ?? false,
      webauthnChallenge: challenge.webauthnChallenge ?? null,
      expiresAt,
    },
  });
  return { token, expiresAt, row };
}

/** The unspent, unexpired challenge of `token` with one of `purposes`, else null. */
export async function liveChallenge(db: PrismaClient, token: string, purposes: ChallengePurpose[], now = new Date()): Promise<MfaChallenge | null> {
  if (token.length > 100) return null;
  const row = await db.mfaChallenge.findUnique({ where: { tokenHash: hashOf(token) } });
  if (!row || row.spentAt || row.expiresAt <= now || !purposes.includes(row.purpose as ChallengePurpose)) return null;
  return row;
}

/** Spends the challenge; false when another request spent it first (the update is atomic). */
export async function spendChallenge(db: PrismaClient, id: string, now = new Date()): Promise<boolean> {
  const { count } = await db.mfaChallenge.updateMany({ where: { id, spentAt: null, expiresAt: { gt: now } }, data: { spentAt: now } });
  return count === 1;
}
