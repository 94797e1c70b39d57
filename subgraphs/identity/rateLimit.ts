import type { PrismaClient } from '../../lib/db/database';
import { ErrorCode, userError } from '../../lib/errors';

/** Failed logins allowed per account in the window; the next one is RATE_LIMITED. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Per client address: higher, since one office or NAT may hold many users. */
export const MAX_FAILURES_PER_ADDRESS = 20;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

export const accountKey = (email: string) => `account:${email.toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;

/**
 * Refuses with RATE_LIMITED (and the seconds until a retry can succeed) when either key has
 * reached its limit in the sliding window. State is in the database, so it holds across
 * restarts and replicas.
 */
export async function assertNotRateLimited(db: PrismaClient, limits: Array<{ key: string; max: number }>, now = new Date()): Promise<void> {
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS);
  for (const { key, max } of limits) {
    const failures = await db.authFailure.findMany({ where: { key, failedAt: { gt: since } }, orderBy: { failedAt: 'desc' }, take: max, select: { failedAt: true } });
    if (failures.length >= max) {
      const oldestCounted = failures[failures.length - 1]!.failedAt;
      const retryAfterSeconds = Math.max(1, Math.ceil((oldestCounted.getTime() + FAILURE_WINDOW_MS - now.getTime()) / 1000));
      throw userError(ErrorCode.RateLimited, `Too many failed attempts; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
    }
  }
}

/** Records one failure under each key, and forgets those keys' failures that left the window. */
export async function recordFailure(db: PrismaClient, keys: string[], now = new Date()): Promise<void> {
  await db.authFailure.createMany({ data: keys.map((key) => ({ key, failedAt: now })) });
  await db.authFailure.deleteMany({ where: { key: { in: keys }, failedAt: { lt: new Date(now.getTime() - FAILURE_WINDOW_MS) } } });
}

export async function clearFailures(db: PrismaClient, key: string): Promise<void> {
  await db.authFailure.deleteMany({ where: { key } });
}
