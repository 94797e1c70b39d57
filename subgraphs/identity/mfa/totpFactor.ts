import type { PrismaClient } from '../../../lib/db/generated/client';
import type { SecretBox } from '../../../lib/crypto/secretBox';
import { ErrorCode, userError } from '../../../lib/errors';
import { generateTotpSecret, matchTotp, otpauthUri } from './totp';

/** The name authenticator apps show above the code. */
export const TOTP_ISSUER = 'FarmIQ';

// The sealed secret is bound to its user: copied onto another user's row it does not open.
const sealContext = (userId: string) => `totp:${userId}`;

export interface TotpEnrolmentModel {
  secret: string;
  otpauthUri: string;
}

/** A new secret for the user, waiting for its first code; an unconfirmed earlier one is replaced. */
export async function startTotpEnrolment(db: PrismaClient, box: SecretBox, user: { id: string; email: string }): Promise<TotpEnrolmentModel> {
  const existing = await db.totpFactor.findUnique({ where: { userId: user.id } });
  if (existing?.confirmedAt) throw userError(ErrorCode.Conflict, 'An authenticator app is enrolled already; disable it first');
  const secret = generateTotpSecret();
  const secretSealed = box.seal(secret, sealContext(user.id));
  await db.totpFactor.upsert({
    where: { userId: user.id },
    create: { userId: user.id, secretSealed },
    update: { secretSealed, lastUsedStep: 0n, createdAt: new Date() },
  });
  return { secret, otpauthUri: otpauthUri(TOTP_ISSUER, user.email, secret) };
}

/**
 * Accepts `code` for the user's factor (confirmed, or the pending one when `pending`): it must
 * be of a step later than the last accepted one, and that step is recorded in the same
 * conditional update, so a code is good once even when two requests race with it.
 */
export async function acceptTotpCode(
  db: PrismaClient,
  box: SecretBox,
  userId: string,
  code: string,
  options: { pending: boolean; now?: Date },
): Promise<boolean> {
  const factor = await db.totpFactor.findUnique({ where: { userId } });
  if (!factor || (factor.confirmedAt === null) !== options.pending) return false;
  const now = options.now ?? new Date();
  const step = matchTotp(box.open(factor.secretSealed, sealContext(userId)), code.replace(/\s/g, ''), now, Number(factor.lastUsedStep));
  if (step === null) return false;
  const { count } = await db.totpFactor.updateMany({
    where: { userId, lastUsedStep: { lt: BigInt(step) }, confirmedAt: options.pending ? null : { not: null } },
    data: { lastUsedStep: BigInt(step), ...(options.pending ? { confirmedAt: now } : {}) },
  });
  return count === 1;
}

export const totpEnabled = async (db: PrismaClient, userId: string): Promise<boolean> =>
  (await db.totpFactor.count({ where: { userId, confirmedAt: { not: null } } })) === 1;
