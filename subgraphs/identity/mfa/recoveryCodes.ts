import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '../../../lib/db/generated/client';
import { base32Encode } from './totp';

/** How many codes a user gets at a time. */
export const RECOVERY_CODE_COUNT = 10;

/** Ten base32 characters (50 random bits) as `XXXXX-XXXXX`: easy to write down and type. */
const newCode = (): string => {
  const text = base32Encode(randomBytes(7)).slice(0, 10);
  return `${text.slice(0, 5)}-${text.slice(5)}`;
};

/** What a user typed, in the one form that is hashed: upper case, no dashes or spaces. */
const canonical = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');
const hashOf = (code: string) => createHash('sha256').update(canonical(code)).digest('hex');

/** Replaces the user's codes with new ones and returns them: the only time they are readable. */
export async function issueRecoveryCodes(db: PrismaClient, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await db.$transaction([
    db.recoveryCode.deleteMany({ where: { userId } }),
    db.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashOf(code) })) }),
  ]);
  return codes;
}

/** Spends one of the user's unused codes; false when `code` is none of them (or was used). */
export async function spendRecoveryCode(db: PrismaClient, userId: string, code: string, now = new Date()): Promise<boolean> {
  if (!/^[A-Za-z2-7\s-]{10,20}$/.test(code)) return false;
  const { count } = await db.recoveryCode.updateMany({ where: { userId, codeHash: hashOf(code), usedAt: null }, data: { usedAt: now } });
  return count === 1;
}

export const recoveryCodesLeft = (db: PrismaClient, userId: string): Promise<number> => db.recoveryCode.count({ where: { userId, usedAt: null } });
