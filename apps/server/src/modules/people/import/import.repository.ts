import { and, asc, desc, eq, gt, lt, or, sql } from 'drizzle-orm'
import type { ServiceContext } from '../../../platform/service-context.ts'
import { personImportErrors, personImports } from './import.tables.ts'

export type ImportRow = typeof personImports.$inferSelect
export type ImportInsert = typeof personImports.$inferInsert
export type ImportErrorRow = typeof personImportErrors.$inferSelect

/** Error rows per INSERT (5 columns each). */
const ERROR_BATCH = 2000

export async function insertImport(ctx: ServiceContext, values: Omit<ImportInsert, 'orgId'>) {
  const [row] = await ctx.db
    .insert(personImports)
    .values({ ...values, orgId: ctx.orgId })
    .returning()
  if (!row) throw new Error('insert returned no row')
  return row
}

export async function findImport(ctx: ServiceContext, id: string, options: { forUpdate?: boolean } = {}) {
  const query = ctx.db
    .select()
    .from(personImports)
    .where(and(eq(personImports.orgId, ctx.orgId), eq(personImports.id, id)))
  const [row] = options.forUpdate ? await query.for('update') : await query
  return row ?? null
}

export async function updateImport(ctx: ServiceContext, id: string, patch: Partial<ImportInsert>) {
  const [row] = await ctx.db
    .update(personImports)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(personImports.orgId, ctx.orgId), eq(personImports.id, id)))
    .returning()
  return row ?? null
}

export function listImports(ctx: ServiceContext, page: { limit: number; after?: string | undefined }) {
  return ctx.db
    .select()
    .from(personImports)
    .where(and(eq(personImports.orgId, ctx.orgId), page.after ? lt(personImports.id, page.after) : undefined))
    .orderBy(desc(personImports.id))
    .limit(page.limit + 1)
}

/** Replaces the import's errors with `errors` (multi-row inserts). */
export async function replaceErrors(
  ctx: ServiceContext,
  importId: string,
  errors: { row: number; column: string | null; message: string }[],
) {
  await ctx.db
    .delete(personImportErrors)
    .where(and(eq(personImportErrors.orgId, ctx.orgId), eq(personImportErrors.importId, importId)))
  for (let i = 0; i < errors.length; i += ERROR_BATCH) {
    await ctx.db
      .insert(personImportErrors)
      .values(errors.slice(i, i + ERROR_BATCH).map((e) => ({ ...e, orgId: ctx.orgId, importId })))
  }
}

/** Errors ordered by row (then insertion), after the (row, id) position `after`. */
export function listErrors(
  ctx: ServiceContext,
  importId: string,
  page: { limit: number; after?: { row: number; id: string } | undefined },
) {
  const after = page.after
  return ctx.db
    .select()
    .from(personImportErrors)
    .where(
      and(
        eq(personImportErrors.orgId, ctx.orgId),
        eq(personImportErrors.importId, importId),
        after
          ? or(
              gt(personImportErrors.row, after.row),
              and(eq(personImportErrors.row, after.row), gt(personImportErrors.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(personImportErrors.row), asc(personImportErrors.id))
    .limit(page.limit + 1)
}

export async function countErrors(ctx: ServiceContext, importId: string) {
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(personImportErrors)
    .where(and(eq(personImportErrors.orgId, ctx.orgId), eq(personImportErrors.importId, importId)))
  return Number(row?.n ?? 0)
}
