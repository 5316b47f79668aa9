import type { CastStance, CreatePoll, MyStance, Poll, PollResults, UpdatePoll } from '@minga/contracts'
import { can } from '../../platform/access/effective-permissions.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import { recordEvent } from '../../platform/events/event-bus.ts'
import { AppError, notFound } from '../../platform/http/app-error.ts'
import { decodeCursor, toPage } from '../../platform/http/pagination.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { memberDirectory } from '../../platform/tenancy/tenancy.service.ts'
import {
  changeResultsVisibility,
  isAssemblyRuleError,
  PROPOSAL_OPTIONS,
  validateStance,
} from '../assemblies/domain/index.ts'
import * as repo from './polls.repository.ts'
import { computeResults, domainPoll } from './polls.results.ts'

/** Any change a screen showing the poll should refetch for; payload `{ pollId }` only (never who or what). */
export const POLL_CHANGED = 'poll.changed'
export const POLL_CLOSED = 'poll.closed'
/** Recorded once per poll about 24 h before closing; payload names the invited people who have not voted. */
export const POLL_CLOSING_SOON = 'poll.closing_soon'

export const MANAGE = 'polls:manage'

const auditView = (row: repo.PollRow) => ({
  title: row.title,
  details: row.details,
  type: row.type,
  closingAt: row.closingAt,
  anonymous: row.anonymous,
  hideResultsUntilClosed: row.hideResults,
  state: row.state,
})

function resultsVisible(row: repo.PollRow): boolean {
  return row.state === 'closed' || (row.state === 'open' && !row.hideResults)
}

function toPollDto(
  row: repo.PollRow,
  extra: { invitedUserIds: string[]; decided: number; invited: number; myStatus: Poll['myStatus'] },
): Poll {
  return {
    id: row.id,
    title: row.title,
    details: row.details,
    type: row.type,
    options: row.options,
    minChoices: row.minChoices,
    maxChoices: row.maxChoices,
    minScore: row.minScore,
    maxScore: row.maxScore,
    dotsPerPerson: row.dotsPerPerson,
    closingAt: row.closingAt.toISOString(),
    anonymous: row.anonymous,
    hideResultsUntilClosed: row.hideResults,
    audience: row.audience,
    invitedUserIds: extra.invitedUserIds,
    state: row.state,
    authorId: row.authorId,
    openedAt: row.openedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    decidedCount: extra.decided,
    invitedCount: extra.invited,
    myStatus: extra.myStatus,
    resultsVisible: resultsVisible(row),
    version: row.version,
  }
}

async function pollDto(ctx: ServiceContext, row: repo.PollRow): Promise<Poll> {
  const invitedUserIds = row.state === 'draft' ? row.audienceUserIds : await repo.inviteeIds(ctx, row.id)
  const counts = (await repo.participationCounts(ctx, [row.id])).get(row.id)!
  const me = ctx.actor.userId
  const mine = me ? await repo.userParticipation(ctx, [row.id], me) : undefined
  return toPollDto(row, {
    invitedUserIds,
    decided: counts.decided,
    invited: counts.invited,
    myStatus: myStatus(row.id, mine),
  })
}

function myStatus(pollId: string, mine: { invited: Set<string>; voted: Set<string> } | undefined) {
  if (!mine?.invited.has(pollId)) return 'not_invited' as const
  return mine.voted.has(pollId) ? ('voted' as const) : ('pending' as const)
}

/** A poll the caller may see: drafts exist only for those who manage polls. */
async function visiblePoll(ctx: ServiceContext, id: string, lock: 'update' | 'share' | null = null) {
  const row = await repo.findPoll(ctx, id, lock)
  if (!row || (row.state === 'draft' && !can(ctx, MANAGE))) throw notFound('Poll')
  return row
}

function invalid(path: string, message: string): AppError {
  return new AppError('validation_failed', message, [{ path, message }])
}

function assertFuture(ctx: ServiceContext, closingAt: Date, path: string) {
  if (closingAt.getTime() <= ctx.now.getTime()) throw invalid(path, 'The closing time must be in the future')
}

export async function listPolls(
  ctx: ServiceContext,
  query: { limit: number; cursor?: string | undefined; state?: Poll['state'] | undefined },
) {
  const drafts = can(ctx, MANAGE)
  if (query.state === 'draft' && !drafts) return { items: [], nextCursor: null }
  const rows = await repo.listPolls(ctx, {
    limit: query.limit,
    after: decodeCursor(query.cursor),
    state: query.state,
    drafts,
  })
  const page = toPage(rows, query.limit, (r) => r.id)
  const ids = page.items.map((r) => r.id)
  const counts = await repo.participationCounts(ctx, ids)
  const mine = ctx.actor.userId ? await repo.userParticipation(ctx, ids, ctx.actor.userId) : undefined
  const items: Poll[] = []
  for (const row of page.items) {
    const invitedUserIds = row.state === 'draft' ? row.audienceUserIds : await repo.inviteeIds(ctx, row.id)
    const c = counts.get(row.id)!
    items.push(
      toPollDto(row, {
        invitedUserIds,
        decided: c.decided,
        invited: c.invited,
        myStatus: myStatus(row.id, mine),
      }),
    )
  }
  return { items, nextCursor: page.nextCursor }
}

export async function getPoll(ctx: ServiceContext, id: string) {
  return pollDto(ctx, await visiblePoll(ctx, id))
}

/** The invited set when a poll opens: every current member, or the chosen ones still members. */
async function inviteesAtOpening(ctx: ServiceContext, row: repo.PollRow): Promise<string[]> {
  const members = await memberDirectory(ctx)
  if (row.audience === 'org') return [...members.keys()]
  return row.audienceUserIds.filter((id) => members.has(id))
}

async function openRow(ctx: ServiceContext, row: repo.PollRow) {
  const opened = await repo.transitionPoll(ctx, row.id, 'draft', { state: 'open', openedAt: ctx.now })
  if (!opened) throw new AppError('conflict', 'Only a draft poll can be opened')
  await repo.insertInvitees(ctx, row.id, await inviteesAtOpening(ctx, row))
  await recordAudit(ctx, {
    action: 'poll.opened',
    entityType: 'poll',
    entityId: row.id,
    before: { state: row.state },
    after: { state: 'open' },
  })
  return opened
}

export async function createPoll(ctx: ServiceContext, input: CreatePoll) {
  const closingAt = new Date(input.closingAt)
  assertFuture(ctx, closingAt, 'body.closingAt')
  if (input.audience === 'members') {
    const members = await memberDirectory(ctx)
    input.invitedUserIds.forEach((id, i) => {
      if (!members.has(id)) throw invalid(`body.invitedUserIds.${i}`, 'Not a member of this organization')
    })
  }
  const options =
    input.type === 'proposal'
      ? PROPOSAL_OPTIONS.map((id) => ({ id, label: id }))
      : input.options.map((label, i) => ({ id: `o${i + 1}`, label }))
  const row = await repo.insertPoll(ctx, {
    title: input.title,
    details: input.details,
    type: input.type,
    options,
    minChoices: input.minChoices ?? null,
    maxChoices: input.maxChoices ?? null,
    minScore: input.type === 'score' ? (input.minScore ?? 0) : null,
    maxScore: input.type === 'score' ? (input.maxScore ?? 5) : null,
    dotsPerPerson: input.type === 'dot-vote' ? (input.dotsPerPerson ?? 10) : null,
    closingAt,
    anonymous: input.anonymous,
    hideResults: input.hideResultsUntilClosed,
    audience: input.audience,
    audienceUserIds: input.invitedUserIds,
    state: 'draft',
    authorId: ctx.actor.userId!,
  })
  await recordAudit(ctx, {
    action: 'poll.created',
    entityType: 'poll',
    entityId: row.id,
    after: auditView(row),
  })
  const final = input.state === 'open' ? await openRow(ctx, row) : row
  await recordEvent(ctx, { type: POLL_CHANGED, entityId: row.id, payload: { pollId: row.id } })
  return pollDto(ctx, final)
}

export async function openPoll(ctx: ServiceContext, id: string) {
  const row = await visiblePoll(ctx, id, 'update')
  if (row.state !== 'draft')
    throw new AppError('conflict', `The poll is ${row.state}; only drafts can be opened`)
  if (row.closingAt.getTime() <= ctx.now.getTime()) {
    throw new AppError('unprocessable', 'The closing time has passed; set a new one first', [
      { path: 'closingAt', message: 'The closing time must be in the future' },
    ])
  }
  const opened = await openRow(ctx, row)
  await recordEvent(ctx, { type: POLL_CHANGED, entityId: id, payload: { pollId: id } })
  return pollDto(ctx, opened)
}

export async function updatePoll(ctx: ServiceContext, id: string, version: number, patch: UpdatePoll) {
  const before = await visiblePoll(ctx, id, 'update')
  if (before.state === 'closed') throw new AppError('conflict', 'A closed poll cannot be edited')
  const changes: Parameters<typeof repo.updatePollIfVersion>[3] = {}
  if (patch.title !== undefined) changes.title = patch.title
  if (patch.details !== undefined) changes.details = patch.details
  if (patch.closingAt !== undefined) {
    const closingAt = new Date(patch.closingAt)
    assertFuture(ctx, closingAt, 'body.closingAt')
    changes.closingAt = closingAt
    // A later closing time deserves a fresh reminder.
    if (closingAt.getTime() !== before.closingAt.getTime()) changes.closingSoonNotifiedAt = null
  }
  if (patch.hideResultsUntilClosed !== undefined) {
    try {
      changes.hideResults =
        changeResultsVisibility(
          before.state,
          before.hideResults ? 'hidden-until-closed' : 'live',
          patch.hideResultsUntilClosed ? 'hidden-until-closed' : 'live',
        ) === 'hidden-until-closed'
    } catch (error) {
      if (!isAssemblyRuleError(error)) throw error
      throw new AppError('unprocessable', 'Hidden results cannot be revealed before the poll closes', [
        { path: 'body.hideResultsUntilClosed', message: 'Results hidden until close stay hidden while open' },
      ])
    }
  }
  if (patch.anonymous !== undefined) {
    if (before.state === 'open' && before.anonymous && !patch.anonymous) {
      throw new AppError('unprocessable', 'An anonymous poll cannot be made named once open', [
        { path: 'body.anonymous', message: 'An open anonymous poll stays anonymous' },
      ])
    }
    changes.anonymous = patch.anonymous
  }
  const after = await repo.updatePollIfVersion(ctx, id, version, changes)
  if (!after) throw new AppError('precondition_failed', 'The poll changed since you read it')
  await recordAudit(ctx, {
    action: 'poll.updated',
    entityType: 'poll',
    entityId: id,
    before: auditView(before),
    after: auditView(after),
  })
  await recordEvent(ctx, { type: POLL_CHANGED, entityId: id, payload: { pollId: id } })
  return pollDto(ctx, after)
}

export async function removeDraft(ctx: ServiceContext, id: string) {
  const before = await visiblePoll(ctx, id, 'update')
  if (before.state !== 'draft')
    throw new AppError('conflict', 'Only drafts can be deleted; close the poll instead')
  await repo.deleteDraft(ctx, id)
  await recordAudit(ctx, {
    action: 'poll.deleted',
    entityType: 'poll',
    entityId: id,
    before: auditView(before),
  })
  await recordEvent(ctx, { type: POLL_CHANGED, entityId: id, payload: { pollId: id } })
}

/**
 * Closes an open poll and stores its results (computed once, here). Returns null when it was not open
 * any more, so the closing job may run twice. There is no reopening (Loomio refuses it for anonymous
 * polls; we refuse it for all so stored results and reminders stay simple and final).
 */
export async function closePollRow(ctx: ServiceContext, id: string, reason: 'manual' | 'deadline') {
  const row = await repo.findPoll(ctx, id, 'update')
  if (row?.state !== 'open') return null
  const results = computeResults(row, await repo.latestStances(ctx, id), await repo.inviteeIds(ctx, id), true)
  const closed = await repo.transitionPoll(ctx, id, 'open', { state: 'closed', closedAt: ctx.now, results })
  if (!closed) return null
  await recordAudit(ctx, {
    action: 'poll.closed',
    entityType: 'poll',
    entityId: id,
    before: { state: 'open' },
    after: { state: 'closed', reason },
  })
  await recordEvent(ctx, { type: POLL_CLOSED, entityId: id, payload: { pollId: id, reason } })
  return closed
}

export async function closePoll(ctx: ServiceContext, id: string) {
  const row = await visiblePoll(ctx, id)
  if (row.state !== 'open')
    throw new AppError('conflict', `The poll is ${row.state}; only open polls can be closed`)
  const closed = await closePollRow(ctx, id, 'manual')
  if (!closed) throw new AppError('conflict', 'The poll is no longer open')
  return pollDto(ctx, closed)
}

/** Casts or changes the caller's stance: the previous one stays as history (not latest). */
export async function castStance(ctx: ServiceContext, id: string, input: CastStance) {
  const userId = ctx.actor.userId!
  const row = await visiblePoll(ctx, id, 'share')
  if (row.state !== 'open' || row.closingAt.getTime() <= ctx.now.getTime()) {
    throw new AppError('conflict', 'The poll is not open for votes')
  }
  if (!(await repo.lockInvitation(ctx, id, userId))) {
    throw new AppError('forbidden', 'You are not invited to this poll')
  }
  try {
    validateStance(domainPoll(row), { choices: input.choices })
  } catch (error) {
    if (!isAssemblyRuleError(error)) throw error
    throw new AppError('unprocessable', error.message, [{ path: 'body.choices', message: error.message }])
  }
  const previous = (await repo.stancesOf(ctx, id, userId)).length
  await repo.replaceLatestStance(ctx, {
    pollId: id,
    userId,
    choices: input.choices.map((c) => ({ optionId: c.optionId, score: c.score })),
    reason: input.reason ? input.reason : null,
  })
  // The audit row says who took part, never what they chose (anonymous polls must not leak it).
  await recordAudit(ctx, {
    action: previous === 0 ? 'poll.stance_cast' : 'poll.stance_changed',
    entityType: 'poll',
    entityId: id,
  })
  await recordEvent(ctx, { type: POLL_CHANGED, entityId: id, payload: { pollId: id } })
  return myStance(ctx, id)
}

export async function myStance(ctx: ServiceContext, id: string): Promise<MyStance> {
  await visiblePoll(ctx, id)
  const rows = await repo.stancesOf(ctx, id, ctx.actor.userId!)
  const view = (s: repo.StanceRow) => ({
    choices: s.choices,
    reason: s.reason,
    castAt: s.castAt.toISOString(),
  })
  const current = rows.find((s) => s.latest)
  return {
    pollId: id,
    current: current ? view(current) : null,
    history: rows.filter((s) => !s.latest).map(view),
  }
}

/**
 * Results: computed on read while open (when visible), stored at close. Hidden results answer 403 until
 * the poll closes. Named polls list who chose what; anonymous polls never do.
 */
export async function getResults(ctx: ServiceContext, id: string): Promise<PollResults> {
  const row = await visiblePoll(ctx, id)
  if (row.state === 'draft') throw new AppError('conflict', 'A draft poll has no results')
  if (!resultsVisible(row)) throw new AppError('forbidden', 'Results are hidden until the poll closes')
  const stances = await repo.latestStances(ctx, id)
  const invited = await repo.inviteeIds(ctx, id)
  const results =
    row.state === 'closed' && row.results
      ? (row.results as PollResults)
      : computeResults(row, stances, invited, row.state === 'closed')
  if (row.anonymous) return { ...results, stances: null }
  const members = await memberDirectory(ctx)
  const invitedSet = new Set(invited)
  return {
    ...results,
    stances: stances
      .filter((s) => invitedSet.has(s.userId))
      .map((s) => ({
        userId: s.userId,
        name: members.get(s.userId)?.name ?? '—',
        choices: s.choices,
        reason: s.reason,
        castAt: s.castAt.toISOString(),
      })),
  }
}
