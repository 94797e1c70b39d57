const UNIQUE_VIOLATION = '23505';

/**
 * True when a write was refused because a unique constraint (or unique index) already holds the
 * value. Prisma reports it as P2002 through the PostgreSQL adapter; the PGlite adapter passes
 * the raw SQLSTATE through as the error's cause instead, so both shapes are recognised.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, cause } = error as { code?: unknown; cause?: { kind?: unknown; code?: unknown } };
  return code === 'P2002' || (cause?.kind === 'postgres' && cause.code === UNIQUE_VIOLATION);
}
