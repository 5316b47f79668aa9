import { recordEvent } from '../../platform/events/event-bus.ts'
import type { ServiceContext } from '../../platform/service-context.ts'

/** Realtime: a card changed (open boards refetch it). Payload {boardId, taskId}. */
export const TASK_CHANGED = 'task.changed'
/** Realtime: a board's columns, labels or name changed. Payload {boardId}. */
export const BOARD_CHANGED = 'board.changed'
/** For the future notifications module: {taskId, boardId, commentId, mentionedUserId}. */
export const TASK_MENTIONED = 'task.mentioned'
/** Once per task and due date, the day before (Bogotá): {taskId, boardId, title, dueOn, assigneeIds}. */
export const TASK_DUE_SOON = 'task.due_soon'

export const taskChanged = (ctx: ServiceContext, boardId: string, taskId: string) =>
  recordEvent(ctx, { type: TASK_CHANGED, entityId: taskId, payload: { boardId, taskId } })

export const boardChanged = (ctx: ServiceContext, boardId: string) =>
  recordEvent(ctx, { type: BOARD_CHANGED, entityId: boardId, payload: { boardId } })
