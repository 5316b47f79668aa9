import type { MoveTask, Task, TaskBoardDetail, TaskColumn } from '@minga/contracts'

/** Cards of a column in board order (the detail's tasks are already sorted by column, then key). */
export function cardsOf(detail: TaskBoardDetail, columnId: string): Task[] {
  return detail.tasks.filter((t) => t.columnId === columnId)
}

export type Drop = { taskId: string; columnId: string; index: number }

/**
 * Where a dragged card lands: over a column (the end of it) or over a card (that card's place; moving
 * down within its own column it goes after it, as @dnd-kit's sortable lists show it).
 */
export function dropFor(detail: TaskBoardDetail, taskId: string, overId: string): Drop | null {
  const active = detail.tasks.find((t) => t.id === taskId)
  if (!active) return null
  const column = detail.columns.find((c) => c.id === overId)
  if (column) {
    const others = cardsOf(detail, column.id).filter((t) => t.id !== taskId)
    return { taskId, columnId: column.id, index: others.length }
  }
  const over = detail.tasks.find((t) => t.id === overId)
  if (!over) return null
  const list = cardsOf(detail, over.columnId)
  const overIndex = list.findIndex((t) => t.id === overId)
  if (over.columnId === active.columnId) {
    // Same column: the card takes the other's index (array-move semantics, either direction).
    if (overIndex === list.findIndex((t) => t.id === taskId)) return null
  }
  return { taskId, columnId: over.columnId, index: overIndex }
}

/** The board with the card moved: what the screen shows before the server answers. */
export function applyDrop(detail: TaskBoardDetail, drop: Drop): TaskBoardDetail {
  const moving = detail.tasks.find((t) => t.id === drop.taskId)
  if (!moving) return detail
  const rest = detail.tasks.filter((t) => t.id !== drop.taskId)
  const moved = { ...moving, columnId: drop.columnId }
  const tasks: Task[] = []
  for (const column of detail.columns) {
    const list = rest.filter((t) => t.columnId === column.id)
    if (column.id === drop.columnId) list.splice(Math.min(drop.index, list.length), 0, moved)
    tasks.push(...list)
  }
  return { ...detail, tasks }
}

/** The API body for a drop: the neighbours the card ends up between, in the moved board. */
export function moveBody(moved: TaskBoardDetail, drop: Drop): MoveTask {
  const list = cardsOf(moved, drop.columnId)
  const at = list.findIndex((t) => t.id === drop.taskId)
  const after = list[at - 1]
  const before = list[at + 1]
  return {
    columnId: drop.columnId,
    ...(after ? { afterTaskId: after.id } : {}),
    ...(before ? { beforeTaskId: before.id } : {}),
  }
}

/** A hard WIP limit the drop would break (moving inside the same column never adds a card). */
export function blockedBy(detail: TaskBoardDetail, drop: Drop): TaskColumn | null {
  const column = detail.columns.find((c) => c.id === drop.columnId)
  const moving = detail.tasks.find((t) => t.id === drop.taskId)
  if (!column || !moving || moving.columnId === column.id) return null
  if (column.wipMode !== 'hard' || column.wipLimit === null) return null
  return cardsOf(detail, column.id).length + 1 > column.wipLimit ? column : null
}
