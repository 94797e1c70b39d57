/** True when Prisma refused a write because a unique constraint (or unique index) already holds the value. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}
