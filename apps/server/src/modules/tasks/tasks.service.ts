import type { CreateTask, MoveTask, Task, TaskWithWarnings, UpdateTask, WipWarning } from '@minga/contracts'
import { recordAudit } from '../../platform/audit/audit.ts'
import { AppError, notFound } from '../../platform/http/app-error.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { assertMembers } from './task-members.ts'
import { keyForDrop } from './task-order.ts'
import { taskChanged } from './tasks.events.ts'
import * as repo from './tasks.repository.ts'

type FieldError = { path: string; message: string }
const unprocessable = (message: string, errors: FieldError[]) =>
  new AppError('unprocessable', message, errors)

/** Builds the DTOs of many cards with five queries, whatever their number. */
export async function toTaskDtos(ctx: ServiceContext, rows: repo.TaskRow[]): Promise<Task[]> {
  const ids = rows.map((r) => r.id)
  // One after another: they share the request's single connection anyway.
  const assignees = await repo.assigneesOf(ctx, ids)
  const labels = await repo.labelLinksOf(ctx, ids)
  const checklist = await repo.checklistOf(ctx, ids)
  const attachments = await repo.attachmentsOf(ctx, ids)
  const comments = await repo.commentCounts(ctx, ids)
  const by = <T extends { taskId: string }>(items: T[]) => {
    const map = new Map<string, T[]>()
    for (const item of items) map.set(item.taskId, [...(map.get(item.taskId) ?? []), item])
    return map
  }
  const assigneesBy = by(assignees)
  const labelsBy = by(labels)
  const checklistBy = by(checklist)
  const attachmentsBy = by(attachments)
  const countBy = new Map(comments.map((c) => [c.taskId, c.n]))
  return rows.map((row) => ({
    id: row.id,
    boardId: row.boardId,
    columnId: row.columnId,
    parentTaskId: row.parentTaskId,
    title: row.title,
    description: row.description,
    orderKey: row.orderKey,
    dueOn: row.dueOn,
    completedAt: row.completedAt?.toISOString() ?? null,
    assigneeIds: (assigneesBy.get(row.id) ?? []).map((a) => a.userId),
    labelIds: (labelsBy.get(row.id) ?? []).map((l) => l.labelId).sort(),
    checklist: (checklistBy.get(row.id) ?? []).map((c) => ({ id: c.id, text: c.text, done: c.done })),
    attachments: (attachmentsBy.get(row.id) ?? []).map((a) => ({
      id: a.id,
      name: a.name,
      url: a.url,
      addedBy: a.addedBy,
      createdAt: a.createdAt.toISOString(),
    })),
    commentCount: countBy.get(row.id) ?? 0,
    templateId: row.templateId,
    occurrenceOn: row.occurrenceOn,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  }))
}

export async function toTaskDto(ctx: ServiceContext, row: repo.TaskRow): Promise<Task> {
  const [dto] = await toTaskDtos(ctx, [row])
  if (!dto) throw new Error('no dto for a row')
  return dto
}

export async function findTaskOrThrow(ctx: ServiceContext, id: string) {
  const row = await repo.findTask(ctx, id)
  if (!row) throw notFound('Task')
  return row
}

export async function getTask(ctx: ServiceContext, id: string) {
  return toTaskDto(ctx, await findTaskOrThrow(ctx, id))
}

const auditView = (row: repo.TaskRow) => ({
  title: row.title,
  description: row.description,
  dueOn: row.dueOn,
  parentTaskId: row.parentTaskId,
})

/**
 * Locks the target column and checks its WIP limit for one more card: `hard` refuses with 409,
 * `soft` lets it through and returns a warning for the client to show.
 */
async function claimColumnSlot(
  ctx: ServiceContext,
  boardId: string,
  columnId: string,
  path: string,
  movingTaskId?: string,
): Promise<{ column: repo.ColumnRow; warnings: WipWarning[] }> {
  const column = await repo.lockColumn(ctx, columnId)
  if (!column || column.boardId !== boardId)
    throw unprocessable('The column is not on this board', [
      { path, message: 'Unknown column on this board' },
    ])
  const keys = await repo.columnKeys(ctx, columnId)
  const count = keys.filter((k) => k.id !== movingTaskId).length + 1
  const warnings: WipWarning[] = []
  const alreadyThere = movingTaskId !== undefined && keys.some((k) => k.id === movingTaskId)
  if (column.wipLimit !== null && count > column.wipLimit && !alreadyThere) {
    if (column.wipMode === 'hard')
      throw new AppError('conflict', `Column "${column.name}" is at its WIP limit of ${column.wipLimit}`, [
        { path, message: `WIP limit ${column.wipLimit} reached` },
      ])
    warnings.push({ code: 'wip_limit_exceeded', columnId, limit: column.wipLimit, count })
  }
  return { column, warnings }
}

async function assertLabels(ctx: ServiceContext, boardId: string, labelIds: readonly string[], path: string) {
  const errors: FieldError[] = []
  for (const [i, labelId] of labelIds.entries()) {
    const label = await repo.findLabel(ctx, labelId)
    if (!label || label.boardId !== boardId)
      errors.push({ path: `${path}.${i}`, message: 'Unknown label on this board' })
  }
  if (errors.length > 0) throw unprocessable('Unknown labels', errors)
}

/** Subtasks are one level deep and live on their parent's board. */
async function assertParent(ctx: ServiceContext, boardId: string, parentId: string, taskId: string | null) {
  const path = 'body.parentTaskId'
  const parent = await repo.findTask(ctx, parentId)
  if (!parent || parent.boardId !== boardId)
    throw unprocessable('Unknown parent task', [{ path, message: 'Unknown task on this board' }])
  if (parent.id === taskId || parent.parentTaskId !== null)
    throw unprocessable('A subtask cannot have subtasks', [{ path, message: 'Choose a top-level task' }])
}

const unique = <T>(items: readonly T[]) => [...new Set(items)]

export async function createTask(
  ctx: ServiceContext,
  boardId: string,
  input: {
    title: string
    description: string
    columnId?: string | undefined
    parentTaskId?: string | undefined
    dueOn: string | null
    assigneeIds: string[]
    labelIds: string[]
    checklist: string[]
  },
  origin: { templateId: string; occurrenceOn: string } | null = null,
): Promise<TaskWithWarnings | null> {
  const board = await repo.findBoard(ctx, boardId)
  if (!board) throw notFound('Board')
  const assigneeIds = unique(input.assigneeIds)
  const labelIds = unique(input.labelIds)
  await assertMembers(ctx, assigneeIds, 'body.assigneeIds')
  await assertLabels(ctx, boardId, labelIds, 'body.labelIds')
  if (input.parentTaskId) await assertParent(ctx, boardId, input.parentTaskId, null)
  const columnId = input.columnId ?? (await repo.listColumns(ctx, boardId))[0]?.id
  if (!columnId)
    throw unprocessable('The board has no columns', [
      { path: 'body.columnId', message: 'Add a column first' },
    ])
  const { column, warnings } = await claimColumnSlot(ctx, boardId, columnId, 'body.columnId')
  const orderKey = keyForDrop(await repo.columnKeys(ctx, columnId), {})
  const row = await repo.insertTask(
    ctx,
    {
      boardId,
      columnId,
      parentTaskId: input.parentTaskId ?? null,
      title: input.title,
      description: input.description,
      orderKey,
      dueOn: input.dueOn,
      completedAt: column.category === 'done' ? ctx.now : null,
      templateId: origin?.templateId ?? null,
      occurrenceOn: origin?.occurrenceOn ?? null,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    },
    { skipIfOccurrenceExists: origin !== null },
  )
  if (!row) return null // this template occurrence already exists
  await repo.replaceAssignees(ctx, row.id, assigneeIds)
  await repo.replaceLabelLinks(ctx, row.id, labelIds)
  await repo.insertChecklistItems(ctx, row.id, input.checklist, 0)
  await recordAudit(ctx, {
    action: 'task.created',
    entityType: 'task',
    entityId: row.id,
    after: { ...auditView(row), columnId, assigneeIds, labelIds },
  })
  await taskChanged(ctx, boardId, row.id)
  return { ...(await toTaskDto(ctx, row)), warnings }
}

export async function createTaskFromRequest(ctx: ServiceContext, boardId: string, input: CreateTask) {
  const created = await createTask(ctx, boardId, {
    title: input.title,
    description: input.description ?? '',
    columnId: input.columnId,
    parentTaskId: input.parentTaskId,
    dueOn: input.dueOn ?? null,
    assigneeIds: input.assigneeIds ?? [],
    labelIds: input.labelIds ?? [],
    checklist: input.checklist ?? [],
  })
  if (!created) throw new Error('a request never creates a template occurrence')
  return created
}

export async function updateTask(ctx: ServiceContext, id: string, version: number, patch: UpdateTask) {
  const before = await findTaskOrThrow(ctx, id)
  const beforeDto = await toTaskDto(ctx, before)
  if (patch.assigneeIds) await assertMembers(ctx, unique(patch.assigneeIds), 'body.assigneeIds')
  if (patch.labelIds) await assertLabels(ctx, before.boardId, unique(patch.labelIds), 'body.labelIds')
  if (patch.parentTaskId) {
    await assertParent(ctx, before.boardId, patch.parentTaskId, id)
    if ((await repo.listBoardTasks(ctx, before.boardId)).some((t) => t.parentTaskId === id))
      throw unprocessable('A task with subtasks cannot become a subtask', [
        { path: 'body.parentTaskId', message: 'This task has subtasks' },
      ])
  }
  const { assigneeIds, labelIds, ...fields } = patch
  const after = await repo.updateTaskIfVersion(ctx, id, version, fields)
  if (!after) throw new AppError('precondition_failed', 'The task changed since you read it')
  if (labelIds) await repo.replaceLabelLinks(ctx, id, unique(labelIds))
  const assigneesChanged =
    assigneeIds !== undefined && unique(assigneeIds).join() !== beforeDto.assigneeIds.join()
  if (assigneeIds && assigneesChanged) {
    await repo.replaceAssignees(ctx, id, unique(assigneeIds))
    await recordAudit(ctx, {
      action: 'task.assigned',
      entityType: 'task',
      entityId: id,
      before: { assigneeIds: beforeDto.assigneeIds },
      after: { assigneeIds: unique(assigneeIds) },
    })
  }
  await recordAudit(ctx, {
    action: 'task.updated',
    entityType: 'task',
    entityId: id,
    before: { ...auditView(before), labelIds: beforeDto.labelIds },
    after: { ...auditView(after), labelIds: labelIds ? unique(labelIds).sort() : beforeDto.labelIds },
  })
  await taskChanged(ctx, after.boardId, id)
  return toTaskDto(ctx, after)
}

/**
 * Moves a card to a column, after/before the named neighbours. The target column is locked for the
 * transaction, so concurrent moves into it are serialized and each key is computed from the column
 * as it is (never a duplicate key); the unique (column, key) constraint is the last wall.
 */
export async function moveTask(ctx: ServiceContext, id: string, input: MoveTask): Promise<TaskWithWarnings> {
  const task = await findTaskOrThrow(ctx, id)
  if (input.afterTaskId === id || input.beforeTaskId === id)
    throw unprocessable('A card cannot be its own neighbour', [
      {
        path: input.afterTaskId === id ? 'body.afterTaskId' : 'body.beforeTaskId',
        message: 'Pick another card',
      },
    ])
  const { column, warnings } = await claimColumnSlot(ctx, task.boardId, input.columnId, 'body.columnId', id)
  const others = (await repo.columnKeys(ctx, input.columnId)).filter((k) => k.id !== id)
  const orderKey = keyForDrop(others, { afterId: input.afterTaskId, beforeId: input.beforeTaskId })
  if (orderKey === 'unknown_neighbour')
    throw unprocessable('The neighbour card is not in that column', [
      {
        path: input.afterTaskId ? 'body.afterTaskId' : 'body.beforeTaskId',
        message: 'Not a card of the target column',
      },
    ])
  const done = column.category === 'done'
  const completedAt = done ? (task.completedAt ?? ctx.now) : null
  const moved = await repo.placeTask(ctx, id, { columnId: input.columnId, orderKey, completedAt })
  if (task.columnId !== input.columnId)
    await recordAudit(ctx, {
      action: 'task.moved',
      entityType: 'task',
      entityId: id,
      before: { columnId: task.columnId },
      after: { columnId: input.columnId },
    })
  if (!task.completedAt && completedAt)
    await recordAudit(ctx, {
      action: 'task.completed',
      entityType: 'task',
      entityId: id,
      after: { columnId: column.id },
    })
  if (task.completedAt && !completedAt)
    await recordAudit(ctx, {
      action: 'task.reopened',
      entityType: 'task',
      entityId: id,
      after: { columnId: column.id },
    })
  await taskChanged(ctx, task.boardId, id)
  return { ...(await toTaskDto(ctx, moved)), warnings }
}

export async function removeTask(ctx: ServiceContext, id: string) {
  const task = await findTaskOrThrow(ctx, id)
  await repo.deleteTask(ctx, id)
  await recordAudit(ctx, {
    action: 'task.deleted',
    entityType: 'task',
    entityId: id,
    before: auditView(task),
  })
  await taskChanged(ctx, task.boardId, id)
}
