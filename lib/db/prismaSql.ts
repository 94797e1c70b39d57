import type { Prisma } from './generated/client';
import type { SqlExecutor } from './sql';

/** Raw SQL inside a Prisma interactive transaction: lets an outbox event commit with a change written through Prisma. */
export const sqlOfTransaction = (tx: Prisma.TransactionClient): SqlExecutor => ({
  async exec(script) {
    await tx.$executeRawUnsafe(script);
  },
  query: (sql, params = []) => tx.$queryRawUnsafe(sql, ...params),
});
