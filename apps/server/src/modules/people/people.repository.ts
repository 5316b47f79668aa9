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

// ---- Bulk work (people import): few round trips, many rows per statement ----

/** Rows per multi-row INSERT (about 35 columns each: far below PostgreSQL's 65,535 parameters). */
const BULK_ROWS = 1000
/** Blind indexes per `= any(...)` lookup. */
const LOOKUP_CHUNK = 5000

/** Every person whose document blind index is in `bidxs`, in chunks. */
export async function peopleByDocumentIndexes(ctx: ServiceContext, bidxs: string[]) {
  const found: PersonRow[] = []
  for (let i = 0; i < bidxs.length; i += LOOKUP_CHUNK) {
    const chunk = bidxs.slice(i, i + LOOKUP_CHUNK)
    found.push(
      ...(await ctx.db
        .select()
        .from(people)
        .where(and(eq(people.orgId, ctx.orgId), inArray(people.documentNumberBidx, chunk)))),
    )
  }
  return found
}

export async function insertPeopleMany(ctx: ServiceContext, rows: Omit<PersonInsert, 'orgId'>[]) {
  const inserted: PersonRow[] = []
  for (let i = 0; i < rows.length; i += BULK_ROWS) {
    const chunk = rows.slice(i, i + BULK_ROWS).map((r) => ({ ...r, orgId: ctx.orgId }))
    inserted.push(...(await ctx.db.insert(people).values(chunk).returning()))
  }
  return inserted
}

/**
 * Rewrites existing people from full rows (their current values merged with the changes) in
 * multi-row statements: an upsert on the primary key that only ever takes the update branch.
 */
export async function updatePeopleMany(ctx: ServiceContext, rows: PersonRow[]) {
  const updated: PersonRow[] = []
  const take = (column: { name: string }) => sql.raw(`excluded."${column.name}"`)
  for (let i = 0; i < rows.length; i += BULK_ROWS) {
    const chunk = rows.slice(i, i + BULK_ROWS).map((r) => ({ ...r, orgId: ctx.orgId }))
    updated.push(
      ...(await ctx.db
        .insert(people)
        .values(chunk)
        .onConflictDoUpdate({
          target: [people.orgId, people.id],
          set: {
            nitCheckDigit: take(people.nitCheckDigit),
            firstNames: take(people.firstNames),
            lastNames: take(people.lastNames),
            businessName: take(people.businessName),
            nameSearch: take(people.nameSearch),
            birthDate: take(people.birthDate),
            emails: take(people.emails),
            primaryEmail: take(people.primaryEmail),
            phonesEnc: take(people.phonesEnc),
            phoneBidx: take(people.phoneBidx),
            address: take(people.address),
            employerName: take(people.employerName),
            position: take(people.position),
            salaryEnc: take(people.salaryEnc),
            joinedOn: take(people.joinedOn),
            tags: take(people.tags),
            version: sql`${people.version} + 1`,
            updatedAt: ctx.now,
          },
        })
        .returning()),
    )
  }
  return updated
}

export async function insertStatusChanges(
  ctx: ServiceContext,
  rows: Omit<typeof personStatusHistory.$inferInsert, 'orgId'>[],
) {
  for (let i = 0; i < rows.length; i += BULK_ROWS) {
    await ctx.db
      .insert(personStatusHistory)
      .values(rows.slice(i, i + BULK_ROWS).map((r) => ({ ...r, orgId: ctx.orgId })))
  }
}
