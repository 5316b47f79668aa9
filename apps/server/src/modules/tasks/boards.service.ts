import type {
  CreateTaskBoard,
  CreateTaskColumn,
  CreateTaskLabel,
  TaskBoard,
  TaskBoardDetail,
  TaskColumn,
  TaskLabel,
  UpdateTaskBoard,
  UpdateTaskColumn,
} from '@minga/contracts'
import { recordAudit } from '../../platform/audit/audit.ts'
import { AppError, notFound } from '../../platform/http/app-error.ts'
import { decodeCursor, toPage } from '../../platform/http/pagination.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { compareKeys } from './task-order.ts'
import { boardChanged } from './tasks.events.ts'
import * as repo from './tasks.repository.ts'
import { toTaskDtos } from './tasks.service.ts'

export const DEFAULT_COLUMNS: CreateTaskColumn[] = [
  { name: 'Por hacer', category: 'todo', wipLimit: null, wipMode: 'soft' },
  { name: 'En curso', category: 'in_progress', wipLimit: null, wipMode: 'soft' },
  { name: 'Hecho', category: 'done', wipLimit: null, wipMode: 'soft' },
]

export function toBoardDto(row: repo.BoardRow): TaskBoard {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    entityType: row.entityType,
    entityId: row.entityId,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  }
}

export const toColumnDto = (row: repo.ColumnRow): TaskColumn => ({
  id: row.id,
  boardId: row.boardId,
  name: row.name,
  position: row.position,
  category: row.category,
  wipLimit: row.wipLimit,
  wipMode: row.wipMode,
})

export const toLabelDto = (row: repo.LabelRow): TaskLabel => ({
  id: row.id,
  boardId: row.boardId,
  name: row.name,
  color: row.color,
})

async function findBoardOrThrow(ctx: ServiceContext, id: string) {
  const board = await repo.findBoard(ctx, id)
  if (!board) throw notFound('Board')
  return board
}

export async function listBoards(
  ctx: ServiceContext,
  query: {
    limit: number
    cursor?: string | undefined
    entityType?: string | undefined
    entityId?: string | undefined
  },
) {
  const rows = await repo.listBoards(ctx, {
    limit: query.limit,
    after: decodeCursor(query.cursor),
    entityType: query.entityType,
    entityId: query.entityId,
  })
  const page = toPage(rows, query.limit, (r) => r.id)
  return { items: page.items.map(toBoardDto), nextCursor: page.nextCursor }
}

/** A board with its columns, labels and every card, cards sorted by column then order key. */
export async function getBoardDetail(ctx: ServiceContext, id: string): Promise<TaskBoardDetail> {
  const board = await findBoardOrThrow(ctx, id)
  const columns = await repo.listColumns(ctx, id)
  const labels = await repo.listLabels(ctx, id)
  const position = new Map(columns.map((c) => [c.id, c.position]))
  const rows = (await repo.listBoardTasks(ctx, id)).sort(
    (a, b) =>
      (position.get(a.columnId) ?? 0) - (position.get(b.columnId) ?? 0) ||
      compareKeys(a.orderKey, b.orderKey),
  )
  return {
    board: toBoardDto(board),
    columns: columns.map(toColumnDto),
    labels: labels.map(toLabelDto),
    tasks: await toTaskDtos(ctx, rows),
  }
}

/** Creates a board with its columns (Por hacer / En curso / Hecho unless given). */
export async function createBoard(ctx: ServiceContext, input: CreateTaskBoard) {
  const row = await repo.insertBoard(ctx, {
    name: input.name,
    description: input.description ?? '',
    entityType: input.entityType ?? null,
    entityId: input.entityId ?? null,
  })
  const columns = input.columns ?? DEFAULT_COLUMNS
  await repo.insertColumns(
    ctx,
    row.id,
    columns.map((c, position) => ({
      name: c.name,
      position,
      category: c.category ?? 'todo',
      wipLimit: c.wipLimit ?? null,
      wipMode: c.wipMode ?? 'soft',
    })),
  )
  await recordAudit(ctx, {
    action: 'task_board.created',
    entityType: 'task_board',
    entityId: row.id,
    after: { name: row.name, entityType: row.entityType, entityId: row.entityId },
  })
  await boardChanged(ctx, row.id)
  return getBoardDetail(ctx, row.id)
}

export async function updateBoard(ctx: ServiceContext, id: string, version: number, patch: UpdateTaskBoard) {
  const before = await findBoardOrThrow(ctx, id)
  const after = await repo.updateBoardIfVersion(ctx, id, version, patch)
  if (!after) throw new AppError('precondition_failed', 'The board changed since you read it')
  await recordAudit(ctx, {
    action: 'task_board.updated',
    entityType: 'task_board',
    entityId: id,
    before: { name: before.name, description: before.description },
    after: { name: after.name, description: after.description },
  })
  await boardChanged(ctx, id)
  return toBoardDto(after)
}

export async function removeBoard(ctx: ServiceContext, id: string) {
  const board = await findBoardOrThrow(ctx, id)
  await repo.deleteBoard(ctx, id)
  await recordAudit(ctx, {
    action: 'task_board.deleted',
    entityType: 'task_board',
    entityId: id,
    before: { name: board.name },
  })
  await boardChanged(ctx, id)
}

// ---------- columns ----------

export async function addColumn(ctx: ServiceContext, boardId: string, input: CreateTaskColumn) {
  await findBoardOrThrow(ctx, boardId)
  const existing = await repo.listColumns(ctx, boardId)
  if (existing.length >= 20)
    throw new AppError('unprocessable', 'A board has at most 20 columns', [
      { path: 'body.name', message: 'Too many columns' },
    ])
  const [row] = await repo.insertColumns(ctx, boardId, [
    {
      name: input.name,
      position: existing.length,
      category: input.category ?? 'todo',
      wipLimit: input.wipLimit ?? null,
      wipMode: input.wipMode ?? 'soft',
    },
  ])
  if (!row) throw new Error('insert returned no row')
  await recordAudit(ctx, {
    action: 'task_column.created',
    entityType: 'task_board',
    entityId: boardId,
    after: { column: row.name, category: row.category, wipLimit: row.wipLimit, wipMode: row.wipMode },
  })
  await boardChanged(ctx, boardId)
  return toColumnDto(row)
}

async function findColumnOfBoard(ctx: ServiceContext, boardId: string, columnId: string) {
  const column = await repo.findColumn(ctx, columnId)
  if (!column || column.boardId !== boardId) throw notFound('Column')
  return column
}

/**
 * Edits a column. A new `position` shifts the others. Turning it into a done column completes its
 * cards now; turning a done column into another category reopens them.
 */
export async function updateColumn(
  ctx: ServiceContext,
  boardId: string,
  columnId: string,
  patch: UpdateTaskColumn,
) {
  const before = await findColumnOfBoard(ctx, boardId, columnId)
  const { position, ...fields } = patch
  if (position !== undefined && position !== before.position) {
    const ordered = (await repo.listColumns(ctx, boardId)).filter((c) => c.id !== columnId)
    ordered.splice(Math.min(position, ordered.length), 0, before)
    for (const [i, column] of ordered.entries())
      if (column.position !== i || column.id === columnId)
        await repo.updateColumn(ctx, column.id, { position: i })
  }
  const after = await repo.updateColumn(ctx, columnId, fields)
  if (!after) throw notFound('Column')
  if ((before.category === 'done') !== (after.category === 'done'))
    await repo.setColumnCompletion(ctx, columnId, after.category === 'done')
  await recordAudit(ctx, {
    action: 'task_column.updated',
    entityType: 'task_board',
    entityId: boardId,
    before: {
      column: before.name,
      category: before.category,
      wipLimit: before.wipLimit,
      wipMode: before.wipMode,
    },
    after: { column: after.name, category: after.category, wipLimit: after.wipLimit, wipMode: after.wipMode },
  })
  await boardChanged(ctx, boardId)
  return toColumnDto(after)
}

export async function removeColumn(ctx: ServiceContext, boardId: string, columnId: string) {
  const column = await findColumnOfBoard(ctx, boardId, columnId)
  if ((await repo.countInColumn(ctx, columnId)) > 0)
    throw new AppError('conflict', 'Move or delete the column’s cards first')
  if ((await repo.listTemplates(ctx, boardId)).some((t) => t.columnId === columnId))
    throw new AppError('conflict', 'A recurring task creates its cards in this column')
  await repo.deleteColumn(ctx, columnId)
  const rest = await repo.listColumns(ctx, boardId)
  for (const [i, c] of rest.entries())
    if (c.position !== i) await repo.updateColumn(ctx, c.id, { position: i })
  await recordAudit(ctx, {
    action: 'task_column.deleted',
    entityType: 'task_board',
    entityId: boardId,
    before: { column: column.name },
  })
  await boardChanged(ctx, boardId)
}

// ---------- labels ----------

async function assertLabelNameFree(ctx: ServiceContext, boardId: string, name: string, except?: string) {
  const clash = await repo.findLabelByName(ctx, boardId, name)
  if (clash && clash.id !== except)
    throw new AppError('conflict', 'The board already has a label with that name', [
      { path: 'body.name', message: 'Name already used' },
    ])
}

export async function addLabel(ctx: ServiceContext, boardId: string, input: CreateTaskLabel) {
  await findBoardOrThrow(ctx, boardId)
  await assertLabelNameFree(ctx, boardId, input.name)
  const row = await repo.insertLabel(ctx, boardId, input)
  await recordAudit(ctx, {
    action: 'task_label.created',
    entityType: 'task_board',
    entityId: boardId,
    after: { label: row.name, color: row.color },
  })
  await boardChanged(ctx, boardId)
  return toLabelDto(row)
}

async function findLabelOfBoard(ctx: ServiceContext, boardId: string, labelId: string) {
  const label = await repo.findLabel(ctx, labelId)
  if (!label || label.boardId !== boardId) throw notFound('Label')
  return label
}

export async function updateLabel(
  ctx: ServiceContext,
  boardId: string,
  labelId: string,
  patch: { name?: string | undefined; color?: string | undefined },
) {
  const before = await findLabelOfBoard(ctx, boardId, labelId)
  if (patch.name) await assertLabelNameFree(ctx, boardId, patch.name, labelId)
  const after = await repo.updateLabel(ctx, labelId, {
    ...(patch.name ? { name: patch.name } : {}),
    ...(patch.color ? { color: patch.color } : {}),
  })
  if (!after) throw notFound('Label')
  await recordAudit(ctx, {
    action: 'task_label.updated',
    entityType: 'task_board',
    entityId: boardId,
    before: { label: before.name, color: before.color },
    after: { label: after.name, color: after.color },
  })
  await boardChanged(ctx, boardId)
  return toLabelDto(after)
}

export async function removeLabel(ctx: ServiceContext, boardId: string, labelId: string) {
  const label = await findLabelOfBoard(ctx, boardId, labelId)
  await repo.deleteLabel(ctx, labelId)
  await recordAudit(ctx, {
    action: 'task_label.deleted',
    entityType: 'task_board',
    entityId: boardId,
    before: { label: label.name },
  })
  await boardChanged(ctx, boardId)
}
