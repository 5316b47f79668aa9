import { and, arrayContains, desc, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm'
import type { ServiceContext } from '../../platform/service-context.ts'
import { people, personRelatives, personStatusHistory } from './people.tables.ts'

export type PersonRow = typeof people.$inferSelect
export type PersonInsert = typeof people.$inferInsert
export type RelativeRow = typeof personRelatives.$inferSelect

export async function findPerson(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db
    .select()
    .from(people)
    .where(and(eq(people.orgId, ctx.orgId), eq(people.id, id)))
  return row ?? null
}

/** The person record linked to a user account in this org, if any. */
export async function findPersonIdByUser(ctx: ServiceContext, userId: string) {
  const [row] = await ctx.db
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.orgId, ctx.orgId), eq(people.userId, userId)))
    .limit(1)
  return row?.id ?? null
}

export async function findByDocumentIndex(ctx: ServiceContext, documentType: string, bidx: string) {
  const [row] = await ctx.db
    .select({ id: people.id })
    .from(people)
    .where(
      and(
        eq(people.orgId, ctx.orgId),
        eq(people.documentType, documentType),
        eq(people.documentNumberBidx, bidx),
      ),
    )
  return row ?? null
}

export async function insertPerson(ctx: ServiceContext, values: Omit<PersonInsert, 'orgId'>) {
  const [row] = await ctx.db
    .insert(people)
    .values({ ...values, orgId: ctx.orgId })
    .returning()
  if (!row) throw new Error('insert returned no row')
  return row
}

/** Updates only if the row still has `version` (when given); null means someone changed it first. */
export async function updatePerson(
  ctx: ServiceContext,
  id: string,
  version: number | null,
  patch: Partial<PersonInsert>,
) {
  const [row] = await ctx.db
    .update(people)
    .set({ ...patch, version: sql`${people.version} + 1`, updatedAt: ctx.now })
    .where(
      and(
        eq(people.orgId, ctx.orgId),
        eq(people.id, id),
        version === null ? undefined : eq(people.version, version),
      ),
    )
    .returning()
  return row ?? null
}

export function listRelatives(ctx: ServiceContext, personId: string) {
  return ctx.db
    .select()
    .from(personRelatives)
    .where(and(eq(personRelatives.orgId, ctx.orgId), eq(personRelatives.personId, personId)))
    .orderBy(personRelatives.position)
}

export async function replaceRelatives(
  ctx: ServiceContext,
  personId: string,
  rows: Omit<typeof personRelatives.$inferInsert, 'orgId' | 'personId'>[],
) {
  await ctx.db
    .delete(personRelatives)
    .where(and(eq(personRelatives.orgId, ctx.orgId), eq(personRelatives.personId, personId)))
  if (rows.length) {
    await ctx.db.insert(personRelatives).values(rows.map((r) => ({ ...r, orgId: ctx.orgId, personId })))
  }
}

export async function insertStatusChange(
  ctx: ServiceContext,
  values: Omit<typeof personStatusHistory.$inferInsert, 'orgId'>,
) {
  await ctx.db.insert(personStatusHistory).values({ ...values, orgId: ctx.orgId })
}

export function listStatusHistory(ctx: ServiceContext, personId: string) {
  return ctx.db
    .select()
    .from(personStatusHistory)
    .where(and(eq(personStatusHistory.orgId, ctx.orgId), eq(personStatusHistory.personId, personId)))
    .orderBy(personStatusHistory.id)
}

export type PersonFilter = {
  name?: string | undefined
  documentBidxAny?: string[] | undefined
  phoneBidx?: string | undefined
  membershipNumber?: number | undefined
  email?: string | undefined
  status?: string | undefined
  tags?: string[] | undefined
  branchId?: string | undefined
}

/** The WHERE of a search; `except` leaves one filter out (a facet counts over the others). */
function conditions(ctx: ServiceContext, f: PersonFilter, except?: 'status'): SQL | undefined {
  const exact: (SQL | undefined)[] = []
  if (f.documentBidxAny?.length) exact.push(inArray(people.documentNumberBidx, f.documentBidxAny))
  if (f.phoneBidx) exact.push(arrayContains(people.phoneBidx, [f.phoneBidx]))
  if (f.membershipNumber !== undefined) exact.push(eq(people.membershipNumber, f.membershipNumber))
  if (f.email) exact.push(sql`${people.emails} @> ${JSON.stringify([f.email])}::jsonb`)
  // Trigram similarity over the accent-free name (GIN index): "jose garzia" finds "jose garcia";
  // word similarity lets one surname match a long full name.
  if (f.name) {
    exact.push(
      sql`(${people.nameSearch} % ${f.name} or ${f.name} <% ${people.nameSearch} or ${people.nameSearch} like ${`%${f.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`})`,
    )
  }
  return and(
    eq(people.orgId, ctx.orgId),
    exact.length ? or(...exact) : undefined,
    f.status && except !== 'status' ? eq(people.status, f.status as PersonRow['status']) : undefined,
    f.tags?.length ? arrayContains(people.tags, f.tags) : undefined,
    f.branchId ? eq(people.branchId, f.branchId) : undefined,
  )
}

export function searchPeople(
  ctx: ServiceContext,
  f: PersonFilter,
  page: { limit: number; after?: string | undefined },
) {
  return ctx.db
    .select()
    .from(people)
    .where(and(conditions(ctx, f), page.after ? lt(people.id, page.after) : undefined))
    .orderBy(desc(people.id))
    .limit(page.limit + 1)
}

export async function statusFacet(ctx: ServiceContext, f: PersonFilter) {
  const rows = await ctx.db
    .select({ key: people.status, count: sql<number>`count(*)::int` })
    .from(people)
    .where(conditions(ctx, f, 'status'))
    .groupBy(people.status)
  return Object.fromEntries(rows.map((r) => [r.key, Number(r.count)]))
}

export async function tagFacet(ctx: ServiceContext, f: PersonFilter) {
  const rows = await ctx.db.execute<{ key: string; count: number }>(
    sql`select t as key, count(*)::int as count from ${people}, unnest(${people.tags}) as t where ${conditions(ctx, f)} group by t order by count desc, t limit 50`,
  )
  return Object.fromEntries(rows.rows.map((r) => [r.key, Number(r.count)]))
}

export function peopleByIds(ctx: ServiceContext, ids: string[]) {
  return ctx.db
    .select()
    .from(people)
    .where(and(eq(people.orgId, ctx.orgId), inArray(people.id, ids)))
}
