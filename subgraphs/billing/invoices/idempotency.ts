import { createHash } from 'node:crypto';
import type { Invoice, PrismaClient } from '../../../lib/db/generated/client';
import { badInput, ErrorCode, userError } from '../../../lib/errors';

/** 1 to 200 printable characters, as the client sent them. */
export function requireIdempotencyKey(value: string | null | undefined, field = 'idempotencyKey'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 200 || !/^[\x21-\x7e]+$/.test(value)) {
    throw badInput(`${field}: expected 1 to 200 printable characters without spaces, got ${JSON.stringify(value ?? null)}`, field);
  }
  return value;
}

/** SHA-256 of the operation and its parameters in a canonical form (keys sorted). */
export function requestHash(operation: string, parameters: Record<string, unknown>): string {
  const canonical = JSON.stringify([
    operation,
    Object.keys(parameters)
      .sort()
      .map((key) => [key, parameters[key] ?? null]),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

const reused = () => userError(ErrorCode.IdempotencyKeyReused, 'idempotencyKey: this key was used for a different request; use a new key');

/** The invoice an earlier request with this key issued, or null; refuses the key if that request differed. */
export async function earlierResult(db: PrismaClient, tenantId: string, idempotencyKey: string, hash: string): Promise<Invoice | null> {
  const earlier = await db.invoice.findUnique({ where: { tenantId_idempotencyKey: { tenantId, idempotencyKey } } });
  if (earlier && earlier.requestHash !== hash) throw reused();
  return earlier;
}

/**
 * Runs an invoice-issuing request once per (tenant, key). A repeat with the same request gets
 * the first result (`replay`), another request with the key IDEMPOTENCY_KEY_REUSED. When two run
 * at once, the unique (tenant_id, idempotency_key) constraint lets one commit; the other rolls
 * back whatever it did and answers with the winner's result.
 */
export async function onceForKey<T>(
  db: PrismaClient,
  request: { tenantId: string; idempotencyKey: string; hash: string },
  replay: (invoice: Invoice) => Promise<T>,
  run: () => Promise<T>,
): Promise<T> {
  const earlier = await earlierResult(db, request.tenantId, request.idempotencyKey, request.hash);
  if (earlier) return replay(earlier);
  try {
    return await run();
  } catch (error) {
    // Whatever failed: if a request with this key committed meanwhile, its result is the answer.
    const winner = await earlierResult(db, request.tenantId, request.idempotencyKey, request.hash);
    if (winner) return replay(winner);
    throw error;
  }
}
