import type { Prisma } from './generated/client';
import type { SqlExecutor } from './sql';

/**
 * Raw SQL in a Prisma interactive transaction, for code written against SqlExecutor (the
 * outbox): what it writes commits or rolls back with the transaction's Prisma writes.
 */
export const sqlOfTransaction = (tx: Prisma.TransactionClient): SqlExecutor => ({
  exec: async (script) => void (await tx.$executeRawUnsafe(script)),
  query: <Row extends Record<string, unknown>>(sql: string, params: unknown[] = []) => tx.$queryRawUnsafe<Row[]>(sql, ...params),
});
