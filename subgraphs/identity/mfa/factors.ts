import type { PrismaClient } from '../../../lib/db/generated/client';
import { recoveryCodesLeft } from './recoveryCodes';
import { totpEnabled } from './totpFactor';

/** The second factors a login can be completed with. */
export type SecondFactorMethod = 'TOTP' | 'RECOVERY_CODE' | 'PASSKEY';

export async function secondFactorsOf(db: PrismaClient, userId: string): Promise<{ totp: boolean; passkeys: number }> {
  const [totp, passkeys] = await Promise.all([totpEnabled(db, userId), db.passkey.count({ where: { userId } })]);
  return { totp, passkeys };
}

export const hasSecondFactor = async (db: PrismaClient, userId: string): Promise<boolean> => {
  const factors = await secondFactorsOf(db, userId);
  return factors.totp || factors.passkeys > 0;
};

/** The methods a login of this user may be completed with (recovery codes only while some are left). */
export async function methodsOf(db: PrismaClient, userId: string): Promise<SecondFactorMethod[]> {
  const [factors, codes] = await Promise.all([secondFactorsOf(db, userId), recoveryCodesLeft(db, userId)]);
  return [
    ...(factors.totp ? (['TOTP'] as const) : []),
    ...(codes > 0 ? (['RECOVERY_CODE'] as const) : []),
    ...(factors.passkeys > 0 ? (['PASSKEY'] as const) : []),
  ];
}

/** The user's factors as the user sees them (GraphQL `MfaStatus`). */
export async function mfaStatus(db: PrismaClient, userId: string) {
  const [totp, passkeys, codes] = await Promise.all([
    totpEnabled(db, userId),
    db.passkey.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } }),
    recoveryCodesLeft(db, userId),
  ]);
  return { totpEnabled: totp, passkeys, recoveryCodesLeft: codes };
}

/** Recovery codes stand in for a factor: once the last factor goes, they go too. */
export async function dropRecoveryCodesWithoutFactor(db: PrismaClient, userId: string): Promise<void> {
  if (!(await hasSecondFactor(db, userId))) await db.recoveryCode.deleteMany({ where: { userId } });
}
