import { type CreateMessage, MESSAGE_MAX_LENGTH, type Message, type MessageRevision } from '@minga/contracts'
import { recordAudit } from '../../platform/audit/audit.ts'
import { AppError, notFound } from '../../platform/http/app-error.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { callerId, requireParticipation } from './conversations.service.ts'
import { notifyMentions } from './mentions.ts'
import * as repo from './messaging.repository.ts'

export function toMessageDto(row: repo.MessageRow): Message {
  return {
    id: row.id,
    conversationId: row.conversationId,
    authorId: row.authorId,
    parentId: row.parentId,
    body: row.body,
    attachments: row.attachments,
    mentions: row.mentions,
    replyCount: row.replyCount,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
  }
}

/** Newest first; `nextCursor` is the raw id of the oldest item, to pass back as `before`. */
function toMessagePage(rows: repo.MessageRow[], limit: number) {
  const items = rows.slice(0, limit)
  const last = items.at(-1)
  return { items: items.map(toMessageDto), nextCursor: rows.length > limit && last ? last.id : null }
}

function assertBodyLength(body: string) {
  if (body.length > MESSAGE_MAX_LENGTH) {
    throw new AppError('unprocessable', `A message has at most ${MESSAGE_MAX_LENGTH} characters`, [
      { path: 'body.body', message: `At most ${MESSAGE_MAX_LENGTH} characters` },
    ])
  }
}

async function requireMessage(ctx: ServiceContext, conversationId: string, messageId: string) {
  const row = await repo.findMessage(ctx, conversationId, messageId)
  if (!row) throw notFound('Message')
  return row
}

export async function listMessages(
  ctx: ServiceContext,
  conversationId: string,
  query: { limit: number; before?: string | undefined; topLevel?: 'true' | 'false' | undefined },
) {
  await requireParticipation(ctx, conversationId)
  const rows = await repo.listMessages(ctx, conversationId, {
    limit: query.limit,
    before: query.before,
    topLevel: query.topLevel === 'true',
  })
  return toMessagePage(rows, query.limit)
}

export async function searchMessages(
  ctx: ServiceContext,
  conversationId: string,
  query: { q?: string | undefined; limit: number; before?: string | undefined },
) {
  await requireParticipation(ctx, conversationId)
  if (!query.q) {
    throw new AppError('validation_failed', 'Say what to search for', [
      { path: 'querystring.q', message: 'Required' },
    ])
  }
  const rows = await repo.listMessages(ctx, conversationId, {
    limit: query.limit,
    before: query.before,
    q: query.q,
  })
  return toMessagePage(rows, query.limit)
}

export async function getMessage(ctx: ServiceContext, conversationId: string, messageId: string) {
  await requireParticipation(ctx, conversationId)
  return toMessageDto(await requireMessage(ctx, conversationId, messageId))
}

export async function listReplies(
  ctx: ServiceContext,
  conversationId: string,
  messageId: string,
  query: { limit: number; before?: string | undefined },
) {
  await requireParticipation(ctx, conversationId)
  const root = await requireMessage(ctx, conversationId, messageId)
  const rows = await repo.listMessages(ctx, conversationId, {
    limit: query.limit,
    before: query.before,
    parentId: root.parentId ?? root.id,
  })
  return toMessagePage(rows, query.limit)
}

/**
 * The send path, kept to a handful of statements for chat throughput: participants (access check and
 * recipients), the message, then one statement for the conversation's last message, the author's read
 * pointer and the thread's reply count. Mentions add the notification request.
 */
export async function sendMessage(
  ctx: ServiceContext,
  conversationId: string,
  input: CreateMessage,
  options: { orgSlug: string },
) {
  const { participants, recipients } = await requireParticipation(ctx, conversationId)
  const me = callerId(ctx)
  assertBodyLength(input.body)
  let parentId: string | null = null
  if (input.parentId) {
    const parent = await repo.findMessage(ctx, conversationId, input.parentId)
    if (!parent) {
      throw new AppError('unprocessable', 'Replies must answer a message of the same conversation', [
        { path: 'body.parentId', message: 'Not a message of this conversation' },
      ])
    }
    // A reply to a reply joins the same thread: threads are one level deep.
    parentId = parent.parentId ?? parent.id
  }
  const mentions = input.mentions ?? []
  const present = new Set(participants.map((p) => p.userId))
  const strangers = mentions.flatMap((id, i) =>
    present.has(id)
      ? []
      : [{ path: `body.mentions.${i}`, message: 'Not a participant of this conversation' }],
  )
  if (strangers.length > 0) {
    throw new AppError('unprocessable', 'Only participants can be mentioned', strangers)
  }
  const mentioned = [...new Set(mentions)].filter((id) => id !== me)
  const row = await repo.insertMessage(ctx, {
    conversationId,
    authorId: me,
    parentId,
    body: input.body,
    attachments: (input.attachments ?? []).map((a) => ({ name: a.name, url: a.url })),
    mentions: mentioned,
  })
  await repo.recordSent(ctx, row)
  if (mentioned.length > 0) await notifyMentions(ctx, row, mentioned, options.orgSlug)
  return { message: toMessageDto(row), recipients }
}

export async function editMessage(
  ctx: ServiceContext,
  conversationId: string,
  messageId: string,
  body: string,
) {
  const { recipients } = await requireParticipation(ctx, conversationId)
  const row = await requireMessage(ctx, conversationId, messageId)
  if (row.authorId !== callerId(ctx)) throw new AppError('forbidden', 'Only the author can edit a message')
  if (row.deletedAt) throw new AppError('conflict', 'A deleted message cannot be edited')
  assertBodyLength(body)
  if (row.body === body) return { message: toMessageDto(row), recipients, changed: false }
  const updated = await repo.updateMessageBody(ctx, row, body)
  return { message: toMessageDto(updated), recipients, changed: true }
}

/** Author or conversation owner. Idempotent: deleting a tombstone again changes nothing. */
export async function deleteMessage(ctx: ServiceContext, conversationId: string, messageId: string) {
  const { me, recipients } = await requireParticipation(ctx, conversationId)
  const row = await requireMessage(ctx, conversationId, messageId)
  if (row.authorId !== me.userId && me.role !== 'owner') {
    throw new AppError('forbidden', 'Only the author or an owner of the conversation can delete a message')
  }
  if (row.deletedAt) return { changed: false, recipients }
  await repo.tombstoneMessage(ctx, messageId)
  await repo.deleteRevisions(ctx, messageId)
  await recordAudit(ctx, {
    action: 'message.deleted',
    entityType: 'message',
    entityId: messageId,
    // Never the text: the audit log must not keep what the author removed.
    before: { conversationId, authorId: row.authorId },
  })
  return { changed: true, recipients }
}

export async function listRevisions(
  ctx: ServiceContext,
  conversationId: string,
  messageId: string,
): Promise<{ items: MessageRevision[] }> {
  await requireParticipation(ctx, conversationId)
  await requireMessage(ctx, conversationId, messageId)
  const rows = await repo.listRevisions(ctx, messageId)
  return {
    items: rows.map((r) => ({
      id: r.id,
      messageId: r.messageId,
      body: r.body,
      editedAt: r.editedAt.toISOString(),
    })),
  }
}

/** Moves the caller's read pointer forward (never back) and reports their unread count. */
export async function markRead(ctx: ServiceContext, conversationId: string, messageId: string) {
  const { me, recipients } = await requireParticipation(ctx, conversationId)
  if (!(await repo.findMessage(ctx, conversationId, messageId))) {
    throw new AppError('unprocessable', 'Not a message of this conversation', [
      { path: 'body.messageId', message: 'Not a message of this conversation' },
    ])
  }
  const before = me.lastReadMessageId
  const moved = before === null || before < messageId
  if (moved) await repo.advanceReadPointer(ctx, conversationId, me.userId, messageId)
  const lastReadMessageId = moved ? messageId : before
  return {
    state: {
      conversationId,
      userId: me.userId,
      lastReadMessageId,
      unreadCount: await repo.unreadCount(ctx, conversationId, me.userId),
    },
    moved,
    recipients,
  }
}
