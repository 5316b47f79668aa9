import type {
  AddParticipants,
  Conversation,
  ConversationParticipant,
  CreateConversation,
  MessagePreview,
  UpdateParticipant,
} from '@minga/contracts'
import { recordAudit } from '../../platform/audit/audit.ts'
import { newId } from '../../platform/db/tenant-table.ts'
import { AppError, notFound } from '../../platform/http/app-error.ts'
import { decodeCursor, toPage } from '../../platform/http/pagination.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import * as repo from './messaging.repository.ts'

export const MAX_PARTICIPANTS = 200

type ConversationView = NonNullable<Awaited<ReturnType<typeof repo.oneConversationOf>>>
type NamedParticipant = Awaited<ReturnType<typeof repo.participantsWithNames>>[number]

/** A conversation the caller does not participate in does not exist for them: 404, never 403. */
export const conversationNotFound = () => notFound('Conversation')

export function callerId(ctx: ServiceContext): string {
  if (!ctx.actor.userId) throw new AppError('forbidden', 'Only people take part in conversations')
  return ctx.actor.userId
}

/** Every participant of the conversation, or 404 when the caller is not one of them. */
export async function requireParticipation(ctx: ServiceContext, conversationId: string) {
  const me = callerId(ctx)
  const participants = await repo.participantsOf(ctx, conversationId)
  const mine = participants.find((p) => p.userId === me)
  if (!mine) throw conversationNotFound()
  return { me: mine, participants, recipients: participants.map((p) => p.userId) }
}

function toPreview(row: ConversationView['lastMessage']): MessagePreview | null {
  if (!row) return null
  return {
    id: row.id,
    authorId: row.authorId,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
  }
}

function toParticipantDto(p: NamedParticipant): ConversationParticipant {
  return {
    userId: p.userId,
    name: p.name,
    role: p.role,
    lastReadMessageId: p.lastReadMessageId,
    joinedAt: p.joinedAt.toISOString(),
  }
}

function toConversationDto(view: ConversationView, participants: NamedParticipant[]): Conversation {
  const c = view.conversation
  return {
    id: c.id,
    kind: c.kind,
    title: c.title,
    entityType: c.entityType,
    entityId: c.entityId,
    createdBy: c.createdBy,
    createdAt: c.createdAt.toISOString(),
    lastMessageAt: c.lastMessageAt?.toISOString() ?? null,
    lastMessage: toPreview(view.lastMessage),
    unreadCount: view.unreadCount,
    myRole: view.myRole,
    participants: participants.map(toParticipantDto),
  }
}

export async function listConversations(
  ctx: ServiceContext,
  query: { limit: number; cursor?: string | undefined },
) {
  const me = callerId(ctx)
  const rows = await repo.listConversationsOf(ctx, me, {
    limit: query.limit,
    after: decodeCursor(query.cursor),
  })
  const page = toPage(rows, query.limit, (r) => r.conversation.activityId)
  const participants = await repo.participantsWithNames(
    ctx,
    page.items.map((r) => r.conversation.id),
  )
  return {
    items: page.items.map((r) =>
      toConversationDto(
        r,
        participants.filter((p) => p.conversationId === r.conversation.id),
      ),
    ),
    nextCursor: page.nextCursor,
  }
}

export async function getConversation(ctx: ServiceContext, conversationId: string): Promise<Conversation> {
  const view = await repo.oneConversationOf(ctx, callerId(ctx), conversationId)
  if (!view) throw conversationNotFound()
  return toConversationDto(view, await repo.participantsWithNames(ctx, [conversationId]))
}

export function unreadTotal(ctx: ServiceContext) {
  return repo.unreadTotals(ctx, callerId(ctx))
}

async function assertOrgMembers(ctx: ServiceContext, userIds: readonly string[], path: string) {
  const missing = new Set(await repo.nonMembers(ctx, userIds))
  if (missing.size === 0) return
  throw new AppError(
    'unprocessable',
    'Only members of the organization can take part in a conversation',
    userIds.flatMap((id, i) =>
      missing.has(id) ? [{ path: `${path}.${i}`, message: 'Not a member of this organization' }] : [],
    ),
  )
}

function assertRoomFor(count: number, path: string) {
  if (count > MAX_PARTICIPANTS) {
    throw new AppError('unprocessable', `A conversation has at most ${MAX_PARTICIPANTS} participants`, [
      { path, message: `At most ${MAX_PARTICIPANTS} participants` },
    ])
  }
}

const unique = (ids: readonly string[]) => [...new Set(ids)]

/** Result of a create: `created` is false when the direct or entity conversation already existed. */
export type CreatedConversation = { conversation: Conversation; created: boolean; recipients: string[] }

export async function createConversation(
  ctx: ServiceContext,
  input: CreateConversation,
): Promise<CreatedConversation> {
  const me = callerId(ctx)
  if (input.kind === 'direct') {
    if (input.userId === me) {
      throw new AppError('unprocessable', 'A direct conversation needs another person', [
        { path: 'body.userId', message: 'Choose someone other than yourself' },
      ])
    }
    if ((await repo.nonMembers(ctx, [input.userId])).length > 0) {
      throw new AppError(
        'unprocessable',
        'Only members of the organization can take part in a conversation',
        [{ path: 'body.userId', message: 'Not a member of this organization' }],
      )
    }
    const directKey = [me, input.userId].sort().join(':')
    const existing = await repo.findDirectConversation(ctx, directKey)
    if (existing) {
      return { conversation: await getConversation(ctx, existing.id), created: false, recipients: [] }
    }
    const row = await repo.insertConversation(ctx, {
      id: newId(),
      kind: 'direct',
      title: null,
      directKey,
      entityType: null,
      entityId: null,
    })
    // A concurrent request created the pair first: answer with that one.
    if (!row) return createConversation(ctx, input)
    await repo.insertParticipants(ctx, row.id, [
      { userId: me, role: 'member' },
      { userId: input.userId, role: 'member' },
    ])
    await auditCreated(ctx, row.id, 'direct', [me, input.userId])
    return { conversation: await getConversation(ctx, row.id), created: true, recipients: [me, input.userId] }
  }
  if (input.kind === 'group') {
    const others = unique(input.participantIds).filter((id) => id !== me)
    if (others.length === 0) {
      throw new AppError('unprocessable', 'A group needs at least two participants', [
        { path: 'body.participantIds', message: 'Add at least one other person' },
      ])
    }
    assertRoomFor(others.length + 1, 'body.participantIds')
    await assertOrgMembers(ctx, input.participantIds, 'body.participantIds')
    const row = await repo.insertConversation(ctx, {
      id: newId(),
      kind: 'group',
      title: input.title,
      directKey: null,
      entityType: null,
      entityId: null,
    })
    if (!row) throw new Error('group insert conflicted')
    await repo.insertParticipants(ctx, row.id, [
      { userId: me, role: 'owner' },
      ...others.map((userId) => ({ userId, role: 'member' as const })),
    ])
    await auditCreated(ctx, row.id, 'group', [me, ...others])
    return { conversation: await getConversation(ctx, row.id), created: true, recipients: [me, ...others] }
  }
  const result = await findOrCreateEntityConversation(ctx, {
    entityType: input.entityType,
    entityId: input.entityId,
    title: input.title,
    participantIds: input.participantIds ?? [],
    path: 'body.participantIds',
  })
  if (!result.created && !result.participantIds.includes(me)) {
    throw new AppError('conflict', 'This record already has a conversation; ask its participants to add you')
  }
  return {
    conversation: await getConversation(ctx, result.conversationId),
    created: result.created,
    recipients: result.participantIds,
  }
}

async function auditCreated(ctx: ServiceContext, id: string, kind: string, participantIds: string[]) {
  await recordAudit(ctx, {
    action: 'conversation.created',
    entityType: 'conversation',
    entityId: id,
    after: { kind, participantIds },
  })
}

/**
 * The conversation linked to a record of another module (a project, mentorship, meeting, order),
 * created on first use; one per (entityType, entityId). When it exists, missing `participantIds`
 * are added. The acting user (if any) becomes owner on creation, otherwise the first participant.
 * Participants must be org members (422 at `path`, default `participantIds`).
 */
export async function findOrCreateEntityConversation(
  ctx: ServiceContext,
  input: { entityType: string; entityId: string; title: string; participantIds: string[]; path?: string },
): Promise<{ conversationId: string; created: boolean; participantIds: string[] }> {
  const path = input.path ?? 'participantIds'
  // Field errors point at the caller's own list; the acting user is a member (the route checked it).
  await assertOrgMembers(ctx, input.participantIds, path)
  const wanted = unique([...(ctx.actor.userId ? [ctx.actor.userId] : []), ...input.participantIds])
  if (wanted.length === 0) {
    throw new AppError('unprocessable', 'A conversation needs at least one participant', [
      { path, message: 'Add at least one person' },
    ])
  }
  const existing = await repo.findEntityConversation(ctx, input.entityType, input.entityId)
  if (existing) {
    const present = (await repo.participantsOf(ctx, existing.id)).map((p) => p.userId)
    const missing = unique(input.participantIds).filter((id) => !present.includes(id))
    if (missing.length > 0) {
      assertRoomFor(present.length + missing.length, path)
      await repo.insertParticipants(
        ctx,
        existing.id,
        missing.map((userId) => ({ userId, role: 'member' as const })),
      )
      await recordAudit(ctx, {
        action: 'conversation.participants_added',
        entityType: 'conversation',
        entityId: existing.id,
        after: { added: missing },
      })
    }
    return { conversationId: existing.id, created: false, participantIds: [...present, ...missing] }
  }
  assertRoomFor(wanted.length, path)
  const row = await repo.insertConversation(ctx, {
    id: newId(),
    kind: 'entity',
    title: input.title,
    directKey: null,
    entityType: input.entityType,
    entityId: input.entityId,
  })
  if (!row) return findOrCreateEntityConversation(ctx, input)
  await repo.insertParticipants(
    ctx,
    row.id,
    wanted.map((userId, i) => ({ userId, role: i === 0 ? ('owner' as const) : ('member' as const) })),
  )
  await recordAudit(ctx, {
    action: 'conversation.created',
    entityType: 'conversation',
    entityId: row.id,
    after: { kind: 'entity', entityType: input.entityType, entityId: input.entityId, participantIds: wanted },
  })
  return { conversationId: row.id, created: true, participantIds: wanted }
}

function assertOwner(me: repo.ParticipantRow) {
  if (me.role !== 'owner') {
    throw new AppError('forbidden', 'Only owners of the conversation can do this')
  }
}

async function requireManageable(ctx: ServiceContext, conversationId: string) {
  const access = await requireParticipation(ctx, conversationId)
  const conversation = await repo.findConversation(ctx, conversationId)
  if (!conversation) throw conversationNotFound()
  if (conversation.kind === 'direct') {
    throw new AppError('unprocessable', 'A direct conversation always has the same two people')
  }
  return { ...access, conversation }
}

export async function renameConversation(ctx: ServiceContext, conversationId: string, title: string) {
  const { me, conversation, recipients } = await requireManageable(ctx, conversationId)
  assertOwner(me)
  await repo.updateConversationTitle(ctx, conversationId, title)
  await recordAudit(ctx, {
    action: 'conversation.renamed',
    entityType: 'conversation',
    entityId: conversationId,
    before: { title: conversation.title },
    after: { title },
  })
  return { conversation: await getConversation(ctx, conversationId), recipients }
}

export async function addParticipants(ctx: ServiceContext, conversationId: string, input: AddParticipants) {
  const { me, participants } = await requireManageable(ctx, conversationId)
  assertOwner(me)
  await assertOrgMembers(ctx, input.userIds, 'body.userIds')
  const present = new Set(participants.map((p) => p.userId))
  const toAdd = unique(input.userIds).filter((id) => !present.has(id))
  assertRoomFor(present.size + toAdd.length, 'body.userIds')
  const added = await repo.insertParticipants(
    ctx,
    conversationId,
    toAdd.map((userId) => ({ userId, role: 'member' as const })),
  )
  if (added.length > 0) {
    await recordAudit(ctx, {
      action: 'conversation.participants_added',
      entityType: 'conversation',
      entityId: conversationId,
      after: { added },
    })
  }
  return {
    conversation: await getConversation(ctx, conversationId),
    recipients: [...present, ...added],
  }
}

export async function changeParticipantRole(
  ctx: ServiceContext,
  conversationId: string,
  userId: string,
  input: UpdateParticipant,
) {
  const { me, participants, recipients } = await requireManageable(ctx, conversationId)
  assertOwner(me)
  const target = participants.find((p) => p.userId === userId)
  if (!target) throw notFound('Participant')
  if (target.role === 'owner' && input.role !== 'owner') {
    const owners = participants.filter((p) => p.role === 'owner').length
    if (owners <= 1) {
      throw new AppError('unprocessable', 'A conversation keeps at least one owner', [
        { path: 'body.role', message: 'Make someone else owner first' },
      ])
    }
  }
  if (target.role !== input.role) {
    await repo.updateParticipantRole(ctx, conversationId, userId, input.role)
    await recordAudit(ctx, {
      action: 'conversation.participant_role_changed',
      entityType: 'conversation',
      entityId: conversationId,
      before: { userId, role: target.role },
      after: { userId, role: input.role },
    })
  }
  return { conversation: await getConversation(ctx, conversationId), recipients }
}

/** Owners remove anyone; anyone removes themselves (leaving). Returns who must hear about it. */
export async function removeParticipant(ctx: ServiceContext, conversationId: string, userId: string) {
  const { me, participants, recipients } = await requireManageable(ctx, conversationId)
  if (userId !== me.userId) assertOwner(me)
  const target = participants.find((p) => p.userId === userId)
  if (!target) throw notFound('Participant')
  await repo.deleteParticipant(ctx, conversationId, userId)
  const remaining = participants.filter((p) => p.userId !== userId)
  // The last owner leaving hands the conversation to the longest-standing participant.
  if (target.role === 'owner' && remaining.length > 0 && !remaining.some((p) => p.role === 'owner')) {
    const heir = remaining[0]
    if (heir) await repo.updateParticipantRole(ctx, conversationId, heir.userId, 'owner')
  }
  await recordAudit(ctx, {
    action: userId === me.userId ? 'conversation.left' : 'conversation.participant_removed',
    entityType: 'conversation',
    entityId: conversationId,
    before: { userId, role: target.role },
  })
  return { recipients }
}

export function leaveConversation(ctx: ServiceContext, conversationId: string) {
  return removeParticipant(ctx, conversationId, callerId(ctx))
}
