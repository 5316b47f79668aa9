import { and, arrayContains, desc, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm'
import { newId } from '../../platform/db/tenant-table.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { nameCondition } from './people.search.repository.ts'
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
  /** The spellings of each word of `name` in the org's dictionary (`nameSpellings`). */
  nameSpellings?: string[][] | undefined
  /** A document number's blind index under each type: (type, index) pairs, each a unique-index probe. */
  documentKeys?: { type: string; bidx: string }[] | undefined
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
  for (const key of f.documentKeys ?? [])
    exact.push(and(eq(people.documentType, key.type), eq(people.documentNumberBidx, key.bidx)))
  if (f.phoneBidx) exact.push(arrayContains(people.phoneBidx, [f.phoneBidx]))
  if (f.membershipNumber !== undefined) exact.push(eq(people.membershipNumber, f.membershipNumber))
  if (f.email) exact.push(sql`${people.emails} @> ${JSON.stringify([f.email])}::jsonb`)
  // Name: a spelling of every typed word (the caller looks them up with nameSpellings).
  if (f.name) exact.push(nameCondition(ctx.orgId, f.nameSpellings ?? [], 'all'))
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

// ---- Bulk work (people import): a handful of statements for thousands of rows ----
//
// Each statement sends one array parameter per column and unnests them (INSERT … SELECT FROM unnest,
// UPDATE … FROM unnest): thousands of rows cost a few parameters, and building the query costs nothing
// (a VALUES list of 1,000 rows × 30 columns took drizzle longer to build than PostgreSQL to run).

/** Rows per statement. */
const BULK_ROWS = 2000
/** Blind indexes per `= any(...)` lookup. */
const LOOKUP_CHUNK = 10_000

/** An array parameter cast to `type[]`. */
const arrayOf = (values: unknown[], type: string) => sql`${sql.param(values)}::${sql.raw(type)}[]`

/** A text[] value as a PostgreSQL array literal (arrays of arrays cannot be sent as one parameter). */
function textArrayLiteral(values: readonly string[]) {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`
}

/**
 * Every person whose document (type + blind index) is in `documents`: one `= any(...)` per type and
 * chunk, so each lookup walks the (org, type, blind index) unique index.
 */
export async function peopleByDocumentIndexes(
  ctx: ServiceContext,
  documents: { type: string; bidx: string }[],
) {
  const byType = new Map<string, string[]>()
  for (const d of documents) {
    const list = byType.get(d.type)
    if (list) list.push(d.bidx)
    else byType.set(d.type, [d.bidx])
  }
  const found: PersonRow[] = []
  for (const [type, bidxs] of byType) {
    for (let i = 0; i < bidxs.length; i += LOOKUP_CHUNK) {
      const chunk = bidxs.slice(i, i + LOOKUP_CHUNK)
      found.push(
        ...(await ctx.db
          .select()
          .from(people)
          .where(
            and(
              eq(people.orgId, ctx.orgId),
              eq(people.documentType, type),
              sql`${people.documentNumberBidx} = any(${arrayOf(chunk, 'text')})`,
            ),
          )),
      )
    }
  }
  return found
}

/** What a bulk insert writes; every other column takes its default. */
export type BulkPersonInsert = Required<
  Pick<
    PersonInsert,
    | 'id'
    | 'kind'
    | 'documentType'
    | 'documentNumberEnc'
    | 'documentNumberBidx'
    | 'documentLast4'
    | 'nitCheckDigit'
    | 'firstNames'
    | 'lastNames'
    | 'businessName'
    | 'nameSearch'
    | 'birthDate'
    | 'emails'
    | 'primaryEmail'
    | 'phonesEnc'
    | 'phoneBidx'
    | 'address'
    | 'employerName'
    | 'position'
    | 'salaryEnc'
    | 'status'
    | 'statusChangedOn'
    | 'membershipNumber'
    | 'joinedOn'
    | 'tags'
  >
>

/** The columns an import may change on an existing person, with their SQL types. */
const UPDATABLE = [
  ['nitCheckDigit', 'nit_check_digit', 'text'],
  ['firstNames', 'first_names', 'text'],
  ['lastNames', 'last_names', 'text'],
  ['businessName', 'business_name', 'text'],
  ['nameSearch', 'name_search', 'text'],
  ['birthDate', 'birth_date', 'date'],
  ['emails', 'emails', 'jsonb'],
  ['primaryEmail', 'primary_email', 'text'],
  ['phonesEnc', 'phones_enc', 'text'],
  ['phoneBidx', 'phone_bidx', 'text[]'],
  ['address', 'address', 'jsonb'],
  ['employerName', 'employer_name', 'text'],
  ['position', 'position', 'text'],
  ['salaryEnc', 'salary_enc', 'text'],
  ['joinedOn', 'joined_on', 'date'],
  ['tags', 'tags', 'text[]'],
] as const

const INSERTED = [
  ['id', 'id', 'uuid'],
  ['kind', 'kind', 'text'],
  ['documentType', 'document_type', 'text'],
  ['documentNumberEnc', 'document_number_enc', 'text'],
  ['documentNumberBidx', 'document_number_bidx', 'text'],
  ['documentLast4', 'document_last4', 'text'],
  ['status', 'status', 'text'],
  ['statusChangedOn', 'status_changed_on', 'date'],
  ['membershipNumber', 'membership_number', 'integer'],
  ...UPDATABLE,
] as const

/** One array per column; jsonb values travel as JSON text and text[] values as array literals. */
function columnArrays(
  rows: Record<string, unknown>[],
  columns: readonly (readonly [string, string, string])[],
) {
  return columns.map(([key, name, type]) => {
    const values = rows.map((r) => {
      const v = r[key]
      if (v === null || v === undefined) return null
      if (type === 'jsonb') return JSON.stringify(v)
      if (type === 'text[]') return textArrayLiteral(v as string[])
      return v
    })
    // Array-valued columns are unnested as text and cast back per row.
    const elementType = type === 'jsonb' || type === 'text[]' ? 'text' : type
    return { name, type, array: arrayOf(values, elementType) }
  })
}

const cast = (name: string, type: string) =>
  type === 'jsonb' || type === 'text[]' ? sql.raw(`v."${name}"::${type}`) : sql.raw(`v."${name}"`)

/** Inserts people in statements of 2,000 rows (defaults for the columns an import never sets). */
export async function insertPeopleMany(ctx: ServiceContext, rows: BulkPersonInsert[]) {
  for (let i = 0; i < rows.length; i += BULK_ROWS) {
    const columns = columnArrays(rows.slice(i, i + BULK_ROWS), INSERTED)
    const names = sql.raw(columns.map((c) => `"${c.name}"`).join(', '))
    await ctx.db.execute(sql`
      insert into ${people} (org_id, ${names})
      select ${ctx.orgId}::uuid, ${sql.join(
        columns.map((c) => cast(c.name, c.type)),
        sql`, `,
      )}
      from unnest(${sql.join(
        columns.map((c) => c.array),
        sql`, `,
      )}) as v(${names})`)
  }
}

/** Rewrites the updatable columns of existing people (bumping their version) in statements of 2,000. */
export async function updatePeopleMany(
  ctx: ServiceContext,
  rows: (Pick<PersonRow, 'id'> & Partial<PersonRow>)[],
) {
  const columns = [['id', 'id', 'uuid'] as const, ...UPDATABLE]
  for (let i = 0; i < rows.length; i += BULK_ROWS) {
    const arrays = columnArrays(rows.slice(i, i + BULK_ROWS), columns)
    const names = sql.raw(arrays.map((c) => `"${c.name}"`).join(', '))
    const set = sql.join(
      UPDATABLE.map(([, name, type]) => sql`${sql.raw(`"${name}"`)} = ${cast(name, type)}`),
      sql`, `,
    )
    await ctx.db.execute(sql`
      update ${people} as p set ${set}, version = p.version + 1, updated_at = ${ctx.now}
      from unnest(${sql.join(
        arrays.map((c) => c.array),
        sql`, `,
      )}) as v(${names})
      where p.org_id = ${ctx.orgId} and p.id = v.id`)
  }
}

export async function insertStatusChanges(
  ctx: ServiceContext,
  rows: Omit<typeof personStatusHistory.$inferInsert, 'orgId' | 'id'>[],
) {
  for (let i = 0; i < rows.length; i += BULK_ROWS) {
    const chunk = rows.slice(i, i + BULK_ROWS)
    await ctx.db.execute(sql`
      insert into ${personStatusHistory} (org_id, id, person_id, from_status, to_status, effective_on, reason, actor_id)
      select ${ctx.orgId}::uuid, v.id, v.person_id, v.from_status, v.to_status, v.effective_on, v.reason, v.actor_id
      from unnest(
        ${arrayOf(
          chunk.map(() => newId()),
          'uuid',
        )},
        ${arrayOf(
          chunk.map((r) => r.personId),
          'uuid',
        )},
        ${arrayOf(
          chunk.map((r) => r.fromStatus ?? null),
          'text',
        )},
        ${arrayOf(
          chunk.map((r) => r.toStatus),
          'text',
        )},
        ${arrayOf(
          chunk.map((r) => r.effectiveOn),
          'date',
        )},
        ${arrayOf(
          chunk.map((r) => r.reason ?? null),
          'text',
        )},
        ${arrayOf(
          chunk.map((r) => r.actorId ?? null),
          'uuid',
        )}
      ) as v(id, person_id, from_status, to_status, effective_on, reason, actor_id)`)
  }
}
