import type {
  CreateTaskAttachment,
  CreateTaskComment,
  TaskActivity,
  TaskComment,
  UpdateChecklistItem,
} from '@minga/contracts'
import { listAudit, recordAudit } from '../../platform/audit/audit.ts'
import { recordEvent } from '../../platform/events/event-bus.ts'
import { notFound } from '../../platform/http/app-error.ts'
import { decodeCursor, toPage } from '../../platform/http/pagination.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { assertMembers } from './task-members.ts'
import { TASK_MENTIONED, taskChanged } from './tasks.events.ts'
import * as repo from './tasks.repository.ts'
import { findTaskOrThrow, toTaskDto } from './tasks.service.ts'

// ---------- checklist ----------

export async function addChecklistItem(ctx: ServiceContext, taskId: string, text: string) {
  const task = await findTaskOrThrow(ctx, taskId)
  const position = await repo.nextChecklistPosition(ctx, taskId)
  const [item] = await repo.insertChecklistItems(ctx, taskId, [text], position)
  await recordAudit(ctx, {
    action: 'task.checklist_added',
    entityType: 'task',
    entityId: taskId,
    after: { text },
  })
  await repo.touchTask(ctx, taskId)
  await taskChanged(ctx, task.boardId, taskId)
  if (!item) throw new Error('insert returned no row')
  return toTaskDto(ctx, task)
}

export async function updateChecklistItem(
  ctx: ServiceContext,
  taskId: string,
  itemId: string,
  patch: UpdateChecklistItem,
) {
  const task = await findTaskOrThrow(ctx, taskId)
  const item = await repo.updateChecklistItem(ctx, taskId, itemId, patch)
  if (!item) throw notFound('Checklist item')
  const action =
    patch.done === undefined
      ? 'task.checklist_edited'
      : patch.done
        ? 'task.checklist_checked'
        : 'task.checklist_unchecked'
  await recordAudit(ctx, {
    action,
    entityType: 'task',
    entityId: taskId,
    after: { text: item.text, done: item.done },
  })
  await taskChanged(ctx, task.boardId, taskId)
  return toTaskDto(ctx, task)
}

export async function removeChecklistItem(ctx: ServiceContext, taskId: string, itemId: string) {
  const task = await findTaskOrThrow(ctx, taskId)
  const item = await repo.deleteChecklistItem(ctx, taskId, itemId)
  if (!item) throw notFound('Checklist item')
  await recordAudit(ctx, {
    action: 'task.checklist_removed',
    entityType: 'task',
    entityId: taskId,
    before: { text: item.text },
  })
  await taskChanged(ctx, task.boardId, taskId)
  return toTaskDto(ctx, task)
}

// ---------- comments and mentions ----------

/** `@[Ana Pérez](0190…-uuid)`: the web app writes mentions this way, readable and unambiguous. */
const MENTION = /@\[[^\]\n]{1,100}\]\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/gi

export function mentionsIn(body: string): string[] {
  return [...body.matchAll(MENTION)].map((m) => (m[1] ?? '').toLowerCase())
}

const toCommentDto = (row: repo.CommentRow): TaskComment => ({
  id: row.id,
  taskId: row.taskId,
  authorId: row.authorId,
  body: row.body,
  mentionedUserIds: row.mentionedUserIds,
  createdAt: row.createdAt.toISOString(),
})

/**
 * Adds a comment. Mentions are the explicit `mentionedUserIds` plus the `@[name](id)` tokens of the
 * body; each must be a member (422 otherwise) and yields one `task.mentioned` event.
 */
export async function addComment(ctx: ServiceContext, taskId: string, input: CreateTaskComment) {
  const task = await findTaskOrThrow(ctx, taskId)
  const explicit = input.mentionedUserIds ?? []
  await assertMembers(ctx, explicit, 'body.mentionedUserIds')
  const parsed = mentionsIn(input.body)
  await assertMembers(ctx, parsed, 'body.body')
  const mentioned = [...new Set([...explicit, ...parsed])]
  const row = await repo.insertComment(ctx, taskId, { body: input.body, mentionedUserIds: mentioned })
  await recordAudit(ctx, {
    action: 'task.commented',
    entityType: 'task',
    entityId: taskId,
    after: { commentId: row.id, mentionedUserIds: mentioned },
  })
  for (const mentionedUserId of mentioned)
    await recordEvent(ctx, {
      type: TASK_MENTIONED,
      entityId: taskId,
      payload: { taskId, boardId: task.boardId, commentId: row.id, mentionedUserId, title: task.title },
    })
  await taskChanged(ctx, task.boardId, taskId)
  return toCommentDto(row)
}

export async function listComments(
  ctx: ServiceContext,
  taskId: string,
  query: { limit: number; cursor?: string | undefined },
) {
  await findTaskOrThrow(ctx, taskId)
  const rows = await repo.listComments(ctx, taskId, { limit: query.limit, after: decodeCursor(query.cursor) })
  const page = toPage(rows, query.limit, (r) => r.id)
  return { items: page.items.map(toCommentDto), nextCursor: page.nextCursor }
}

// ---------- attachments (links) ----------

export async function addAttachment(ctx: ServiceContext, taskId: string, input: CreateTaskAttachment) {
  const task = await findTaskOrThrow(ctx, taskId)
  const row = await repo.insertAttachment(ctx, taskId, input)
  await recordAudit(ctx, {
    action: 'task.attachment_added',
    entityType: 'task',
    entityId: taskId,
    after: { name: row.name, url: row.url },
  })
  await taskChanged(ctx, task.boardId, taskId)
  return toTaskDto(ctx, task)
}

export async function removeAttachment(ctx: ServiceContext, taskId: string, attachmentId: string) {
  const task = await findTaskOrThrow(ctx, taskId)
  const row = await repo.deleteAttachment(ctx, taskId, attachmentId)
  if (!row) throw notFound('Attachment')
  await recordAudit(ctx, {
    action: 'task.attachment_removed',
    entityType: 'task',
    entityId: taskId,
    before: { name: row.name, url: row.url },
  })
  await taskChanged(ctx, task.boardId, taskId)
  return toTaskDto(ctx, task)
}

// ---------- activity (the audit log's rows for the card) ----------

/**
 * A card's activity is read from the platform audit log (entity `task`): every mutation above
 * already writes its audit row in its transaction, so there is no second log to keep in step.
 * The IP and request id stay out: members see who did what and when, not from where.
 */
export async function listActivity(
  ctx: ServiceContext,
  taskId: string,
  query: { limit: number; cursor?: string | undefined },
) {
  const page = await listAudit(ctx, {
    limit: query.limit,
    cursor: query.cursor,
    entityType: 'task',
    entityId: taskId,
  })
  if (page.items.length === 0 && !query.cursor) await findTaskOrThrow(ctx, taskId)
  return {
    nextCursor: page.nextCursor,
    items: page.items.map(
      (e): TaskActivity => ({
        id: e.id,
        action: e.action.replace(/^task\./, ''),
        actorId: e.actorId,
        occurredAt: e.occurredAt,
        changes: (e.changes as TaskActivity['changes']) ?? null,
      }),
    ),
  }
}
