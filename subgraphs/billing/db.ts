import type { Prisma, PrismaClient } from '../../lib/db/generated/client';

/** The Prisma client, or the client of the transaction a write runs in. */
export type BillingDb = PrismaClient | Prisma.TransactionClient;
export type BillingTx = Prisma.TransactionClient;

/**
 * Runs `work` in one transaction that first takes the tenant's billing lock, so a tenant's
 * invoice-issuing changes run one after another (the unique constraints stay the last word).
 */
export function inTenantTransaction<T>(db: PrismaClient, tenantId: string, work: (tx: BillingTx) => Promise<T>): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await tx.$queryRawUnsafe(`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext($1))`, `billing:${tenantId}`);
      return work(tx);
    },
    { maxWait: 20_000, timeout: 30_000 },
  );
}
