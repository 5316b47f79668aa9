import { and, asc, count, desc, eq, gte, inArray, isNull, lt, lte, ne, sql } from 'drizzle-orm'
import type { ServiceContext } from '../../platform/service-context.ts'
import { pollInvitees, pollStances, polls, type StoredChoice } from './polls.tables.ts'

export type PollRow = typeof polls.$inferSelect
export type StanceRow = typeof pollStances.$inferSelect

export async function listPolls(
  ctx: ServiceContext,
  filter: {
    limit: number
    after?: string | undefined
    state?: PollRow['state'] | undefined
    drafts: boolean
  },
) {
  return ctx.db
    .select()
    .from(polls)
    .where(
      and(
        eq(polls.orgId, ctx.orgId),
        filter.after ? lt(polls.id, filter.after) : undefined,
        filter.state ? eq(polls.state, filter.state) : undefined,
        filter.drafts ? undefined : ne(polls.state, 'draft'),
      ),
    )
    .orderBy(desc(polls.id))
    .limit(filter.limit + 1)
}

/**
 * `update` holds the row until the transaction ends (edits, close); `share` lets stances be cast side
 * by side while a close waits for them, so no stance lands after the results were computed.
 */
export async function findPoll(ctx: ServiceContext, id: string, lock: 'update' | 'share' | null = null) {
  const query = ctx.db
    .select()
    .from(polls)
    .where(and(eq(polls.orgId, ctx.orgId), eq(polls.id, id)))
  const [row] = lock ? await query.for(lock) : await query
  return row ?? null
}

export async function insertPoll(ctx: ServiceContext, values: Omit<typeof polls.$inferInsert, 'orgId'>) {
  const [row] = await ctx.db
    .insert(polls)
    .values({ ...values, orgId: ctx.orgId })
    .returning()
  if (!row) throw new Error('insert returned no row')
  return row
}

/** Updates only if the row still has `version`; null means someone changed it first. */
export async function updatePollIfVersion(
  ctx: ServiceContext,
  id: string,
  version: number,
  patch: Partial<typeof polls.$inferInsert>,
) {
  const [row] = await ctx.db
    .update(polls)
    .set({ ...patch, version: sql`${polls.version} + 1`, updatedAt: ctx.now })
    .where(and(eq(polls.orgId, ctx.orgId), eq(polls.id, id), eq(polls.version, version)))
    .returning()
  return row ?? null
}

/** Moves a poll from `from` to the next state; null when it is no longer in `from` (idempotent close). */
export async function transitionPoll(
  ctx: ServiceContext,
  id: string,
  from: PollRow['state'],
  patch: Partial<typeof polls.$inferInsert>,
) {
  const [row] = await ctx.db
    .update(polls)
    .set({ ...patch, version: sql`${polls.version} + 1`, updatedAt: ctx.now })
    .where(and(eq(polls.orgId, ctx.orgId), eq(polls.id, id), eq(polls.state, from)))
    .returning()
  return row ?? null
}

export async function deleteDraft(ctx: ServiceContext, id: string) {
  const rows = await ctx.db
    .delete(polls)
    .where(and(eq(polls.orgId, ctx.orgId), eq(polls.id, id), eq(polls.state, 'draft')))
    .returning({ id: polls.id })
  return rows.length > 0
}

export async function insertInvitees(ctx: ServiceContext, pollId: string, userIds: readonly string[]) {
  if (userIds.length === 0) return
  await ctx.db
    .insert(pollInvitees)
    .values(userIds.map((userId) => ({ orgId: ctx.orgId, pollId, userId })))
    .onConflictDoNothing()
}

export async function inviteeIds(ctx: ServiceContext, pollId: string): Promise<string[]> {
  const rows = await ctx.db
    .select({ userId: pollInvitees.userId })
    .from(pollInvitees)
    .where(and(eq(pollInvitees.orgId, ctx.orgId), eq(pollInvitees.pollId, pollId)))
    .orderBy(asc(pollInvitees.id))
  return rows.map((r) => r.userId)
}

/** Locks the caller's invitation: two casts by one person serialize here (one latest stance). */
export async function lockInvitation(ctx: ServiceContext, pollId: string, userId: string) {
  const [row] = await ctx.db
    .select({ id: pollInvitees.id })
    .from(pollInvitees)
    .where(
      and(
        eq(pollInvitees.orgId, ctx.orgId),
        eq(pollInvitees.pollId, pollId),
        eq(pollInvitees.userId, userId),
      ),
    )
    .for('update')
  return row !== undefined
}

export async function latestStances(ctx: ServiceContext, pollId: string) {
  return ctx.db
    .select()
    .from(pollStances)
    .where(
      and(eq(pollStances.orgId, ctx.orgId), eq(pollStances.pollId, pollId), eq(pollStances.latest, true)),
    )
    .orderBy(asc(pollStances.castAt), asc(pollStances.id))
}

/** The user's stances on a poll, newest first (the latest one first). */
export async function stancesOf(ctx: ServiceContext, pollId: string, userId: string) {
  return ctx.db
    .select()
    .from(pollStances)
    .where(
      and(eq(pollStances.orgId, ctx.orgId), eq(pollStances.pollId, pollId), eq(pollStances.userId, userId)),
    )
    .orderBy(desc(pollStances.castAt), desc(pollStances.id))
}

export async function replaceLatestStance(
  ctx: ServiceContext,
  values: { pollId: string; userId: string; choices: StoredChoice[]; reason: string | null },
) {
  await ctx.db
    .update(pollStances)
    .set({ latest: false })
    .where(
      and(
        eq(pollStances.orgId, ctx.orgId),
        eq(pollStances.pollId, values.pollId),
        eq(pollStances.userId, values.userId),
        eq(pollStances.latest, true),
      ),
    )
  const [row] = await ctx.db
    .insert(pollStances)
    .values({ ...values, orgId: ctx.orgId, latest: true, castAt: ctx.now })
    .returning()
  if (!row) throw new Error('insert returned no row')
  return row
}

/** Invited and decided counts per poll (decided = invited people with a latest stance). */
export async function participationCounts(ctx: ServiceContext, pollIds: readonly string[]) {
  const result = new Map<string, { invited: number; decided: number }>()
  if (pollIds.length === 0) return result
  for (const id of pollIds) result.set(id, { invited: 0, decided: 0 })
  const invited = await ctx.db
    .select({ pollId: pollInvitees.pollId, n: count() })
    .from(pollInvitees)
    .where(and(eq(pollInvitees.orgId, ctx.orgId), inArray(pollInvitees.pollId, [...pollIds])))
    .groupBy(pollInvitees.pollId)
  for (const r of invited) result.get(r.pollId)!.invited = Number(r.n)
  const decided = await ctx.db
    .select({ pollId: pollStances.pollId, n: count() })
    .from(pollStances)
    .innerJoin(
      pollInvitees,
      and(
        eq(pollInvitees.orgId, pollStances.orgId),
        eq(pollInvitees.pollId, pollStances.pollId),
        eq(pollInvitees.userId, pollStances.userId),
      ),
    )
    .where(
      and(
        eq(pollStances.orgId, ctx.orgId),
        inArray(pollStances.pollId, [...pollIds]),
        eq(pollStances.latest, true),
      ),
    )
    .groupBy(pollStances.pollId)
  for (const r of decided) result.get(r.pollId)!.decided = Number(r.n)
  return result
}

/** For one user: the polls (of `pollIds`) they are invited to and those they voted on. */
export async function userParticipation(ctx: ServiceContext, pollIds: readonly string[], userId: string) {
  if (pollIds.length === 0) return { invited: new Set<string>(), voted: new Set<string>() }
  const invited = await ctx.db
    .select({ pollId: pollInvitees.pollId })
    .from(pollInvitees)
    .where(
      and(
        eq(pollInvitees.orgId, ctx.orgId),
        eq(pollInvitees.userId, userId),
        inArray(pollInvitees.pollId, [...pollIds]),
      ),
    )
  const voted = await ctx.db
    .select({ pollId: pollStances.pollId })
    .from(pollStances)
    .where(
      and(
        eq(pollStances.orgId, ctx.orgId),
        eq(pollStances.userId, userId),
        eq(pollStances.latest, true),
        inArray(pollStances.pollId, [...pollIds]),
      ),
    )
  return { invited: new Set(invited.map((r) => r.pollId)), voted: new Set(voted.map((r) => r.pollId)) }
}

export async function openPollsClosingBy(ctx: ServiceContext, moment: Date) {
  return ctx.db
    .select({ id: polls.id })
    .from(polls)
    .where(and(eq(polls.orgId, ctx.orgId), eq(polls.state, 'open'), lte(polls.closingAt, moment)))
}

/** Claims the closing-soon reminder of each open poll closing by `moment`: true only the first time. */
export async function claimClosingSoonReminders(ctx: ServiceContext, moment: Date) {
  return ctx.db
    .update(polls)
    .set({ closingSoonNotifiedAt: ctx.now })
    .where(
      and(
        eq(polls.orgId, ctx.orgId),
        eq(polls.state, 'open'),
        lte(polls.closingAt, moment),
        isNull(polls.closingSoonNotifiedAt),
      ),
    )
    .returning()
}

export async function pollsClosedBetween(ctx: ServiceContext, from: Date, to: Date) {
  return ctx.db
    .select({ id: polls.id })
    .from(polls)
    .where(
      and(
        eq(polls.orgId, ctx.orgId),
        eq(polls.state, 'closed'),
        gte(polls.closedAt, from),
        lt(polls.closedAt, to),
      ),
    )
}

/** Who cast a stance when (never what): for scorecard activities. */
export async function stanceActivityBetween(ctx: ServiceContext, from: Date, to: Date, userId?: string) {
  return ctx.db
    .select({ userId: pollStances.userId, pollId: pollStances.pollId, castAt: pollStances.castAt })
    .from(pollStances)
    .where(
      and(
        eq(pollStances.orgId, ctx.orgId),
        gte(pollStances.castAt, from),
        lt(pollStances.castAt, to),
        userId ? eq(pollStances.userId, userId) : undefined,
      ),
    )
}
