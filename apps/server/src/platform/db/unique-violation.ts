/**
 * Whether an error is a unique-index violation (SQLSTATE 23505), of `constraint` when given, wherever
 * Drizzle, pg or PGlite put it in the cause chain. Routes turn it into the 409 the pre-check would give.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const { code, constraint: name } = e as { code?: unknown; constraint?: unknown }
    if (code === '23505') return constraint === undefined || name === undefined || name === constraint
  }
  return false
}
