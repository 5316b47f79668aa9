import { and, asc, desc, eq, inArray, lt, lte, max, sql } from 'drizzle-orm'
import type { ServiceContext } from '../../platform/service-context.ts'
import {
  privacyConsentEvents,
  privacyPolicies,
  privacyPurposes,
  privacyRequestReminders,
  privacyRequests,
} from './privacy.tables.ts'

export type PolicyRow = typeof privacyPolicies.$inferSelect
export type PurposeRow = typeof privacyPurposes.$inferSelect
export type ConsentEventRow = typeof privacyConsentEvents.$inferSelect
export type RequestRow = typeof privacyRequests.$inferSelect

export const OPEN_STATUSES = ['received', 'in_progress', 'extended'] as const

export function listPolicies(ctx: ServiceContext) {
  return ctx.db
    .select()
    .from(privacyPolicies)
    .where(eq(privacyPolicies.orgId, ctx.orgId))
    .orderBy(desc(privacyPolicies.version))
}

export async function findPolicy(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db
    .select()
    .from(privacyPolicies)
    .where(and(eq(privacyPolicies.orgId, ctx.orgId), eq(privacyPolicies.id, id)))
  return row ?? null
}

export async function insertPolicy(ctx: ServiceContext, values: { text: string; effectiveDate: string }) {
  // Serializes version numbering within the org: two drafts at once would otherwise share a number.
  await ctx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`privacy_policies:${ctx.orgId}`}))`)
  const [last] = await ctx.db
    .select({ version: max(privacyPolicies.version) })
    .from(privacyPolicies)
    .where(eq(privacyPolicies.orgId, ctx.orgId))
  const [row] = await ctx.db
    .insert(privacyPolicies)
    .values({
      ...values,
      orgId: ctx.orgId,
      version: (last?.version ?? 0) + 1,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning()
  if (!row) throw new Error('insert returned no row')
  return row
}

export async function markPolicyPublished(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db
    .update(privacyPolicies)
    .set({ published: true, publishedAt: ctx.now, updatedAt: ctx.now })
    .where(
      and(
        eq(privacyPolicies.orgId, ctx.orgId),
        eq(privacyPolicies.id, id),
        eq(privacyPolicies.published, false),
      ),
    )
    .returning()
  return row ?? null
}

export function listPurposes(ctx: ServiceContext) {
  return ctx.db
    .select()
    .from(privacyPurposes)
    .where(eq(privacyPurposes.orgId, ctx.orgId))
    .orderBy(asc(privacyPurposes.name))
}

export async function findPurpose(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db
    .select()
    .from(privacyPurposes)
    .where(and(eq(privacyPurposes.orgId, ctx.orgId), eq(privacyPurposes.id, id)))
  return row ?? null
}

export async function insertPurpose(
  ctx: ServiceContext,
  values: { key: string; name: string; description: string },
) {
  const rows = await ctx.db
    .insert(privacyPurposes)
    .values({ ...values, orgId: ctx.orgId, createdAt: ctx.now, updatedAt: ctx.now })
    .onConflictDoNothing()
    .returning()
  return rows[0] ?? null
}

export async function insertConsentEvent(
  ctx: ServiceContext,
  values: Omit<typeof privacyConsentEvents.$inferInsert, 'orgId' | 'id' | 'createdAt'>,
) {
  const [row] = await ctx.db
    .insert(privacyConsentEvents)
    .values({ ...values, orgId: ctx.orgId, createdAt: ctx.now })
    .returning()
  if (!row) throw new Error('insert returned no row')
  return row
}

/** A person's consent history, oldest first (uuidv7 ids follow insertion order). */
export function consentHistory(ctx: ServiceContext, personId: string) {
  return ctx.db
    .select({ event: privacyConsentEvents, policyVersion: privacyPolicies.version })
    .from(privacyConsentEvents)
    .leftJoin(
      privacyPolicies,
      and(
        eq(privacyPolicies.orgId, privacyConsentEvents.orgId),
        eq(privacyPolicies.id, privacyConsentEvents.policyId),
      ),
    )
    .where(and(eq(privacyConsentEvents.orgId, ctx.orgId), eq(privacyConsentEvents.personId, personId)))
    .orderBy(asc(privacyConsentEvents.occurredAt), asc(privacyConsentEvents.id))
}

export async function insertRequest(
  ctx: ServiceContext,
  values: Pick<RequestRow, 'personId' | 'kind' | 'channel' | 'description' | 'receivedOn' | 'dueOn'>,
) {
  const [row] = await ctx.db
    .insert(privacyRequests)
    .values({
      ...values,
      orgId: ctx.orgId,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning()
  if (!row) throw new Error('insert returned no row')
  return row
}

export async function findRequest(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db
    .select()
    .from(privacyRequests)
    .where(and(eq(privacyRequests.orgId, ctx.orgId), eq(privacyRequests.id, id)))
    .for('update')
  return row ?? null
}

export async function updateRequest(
  ctx: ServiceContext,
  id: string,
  patch: Partial<
    Pick<
      RequestRow,
      | 'status'
      | 'dueOn'
      | 'extensionReason'
      | 'extendedAt'
      | 'response'
      | 'answeredAt'
      | 'rejectionReason'
      | 'anonymized'
    >
  >,
) {
  const [row] = await ctx.db
    .update(privacyRequests)
    .set({ ...patch, updatedAt: ctx.now })
    .where(and(eq(privacyRequests.orgId, ctx.orgId), eq(privacyRequests.id, id)))
    .returning()
  if (!row) throw new Error('update returned no row')
  return row
}

export function listRequests(
  ctx: ServiceContext,
  filter: {
    limit: number
    after?: string | undefined
    status?: RequestRow['status']
    open?: boolean
    personId?: string
  },
) {
  return ctx.db
    .select()
    .from(privacyRequests)
    .where(
      and(
        eq(privacyRequests.orgId, ctx.orgId),
        filter.after ? lt(privacyRequests.id, filter.after) : undefined,
        filter.status ? eq(privacyRequests.status, filter.status) : undefined,
        filter.open === undefined
          ? undefined
          : filter.open
            ? inArray(privacyRequests.status, [...OPEN_STATUSES])
            : inArray(privacyRequests.status, ['answered', 'rejected']),
        filter.personId ? eq(privacyRequests.personId, filter.personId) : undefined,
      ),
    )
    .orderBy(desc(privacyRequests.id))
    .limit(filter.limit + 1)
}

export function requestsOfPerson(ctx: ServiceContext, personId: string) {
  return ctx.db
    .select()
    .from(privacyRequests)
    .where(and(eq(privacyRequests.orgId, ctx.orgId), eq(privacyRequests.personId, personId)))
    .orderBy(asc(privacyRequests.id))
}

/** Open reclamos (incl. supresión) of a person other than `exceptId`: the flag stays while any is open. */
export async function otherOpenClaims(ctx: ServiceContext, personId: string, exceptId: string) {
  const rows = await ctx.db
    .select({ id: privacyRequests.id })
    .from(privacyRequests)
    .where(
      and(
        eq(privacyRequests.orgId, ctx.orgId),
        eq(privacyRequests.personId, personId),
        inArray(privacyRequests.kind, ['reclamo', 'supresion']),
        inArray(privacyRequests.status, [...OPEN_STATUSES]),
        sql`${privacyRequests.id} <> ${exceptId}`,
      ),
    )
  return rows.length
}

export function openRequestsDueBy(ctx: ServiceContext, lastDueOn: string) {
  return ctx.db
    .select()
    .from(privacyRequests)
    .where(
      and(
        eq(privacyRequests.orgId, ctx.orgId),
        inArray(privacyRequests.status, [...OPEN_STATUSES]),
        lte(privacyRequests.dueOn, lastDueOn),
      ),
    )
    .orderBy(asc(privacyRequests.dueOn))
}

export async function claimReminder(ctx: ServiceContext, requestId: string, dueOn: string) {
  const rows = await ctx.db
    .insert(privacyRequestReminders)
    .values({ orgId: ctx.orgId, requestId, dueOn, createdAt: ctx.now })
    .onConflictDoNothing()
    .returning({ requestId: privacyRequestReminders.requestId })
  return rows.length > 0
}
