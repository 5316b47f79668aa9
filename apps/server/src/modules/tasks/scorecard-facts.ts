import { bogotaDate } from '../../platform/calendar/index.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import type { TaskRecord } from '../assemblies/domain/index.ts'
import * as repo from './tasks.repository.ts'

/**
 * Facts for the scorecards module: the cards due in the range (Bogotá dates), plus cards without a
 * due date completed in it; activities are one `task-done` per assignee of each card completed in
 * the range and one `comment` per comment written in it. With `userId`, only that member's cards
 * and activities.
 */
export async function taskScorecardFacts(
  ctx: ServiceContext,
  range: { from: Date; to: Date },
  userId?: string,
): Promise<{ tasks: TaskRecord[]; activities: { memberId: string; kind: 'task-done' | 'comment' }[] }> {
  const rows = await repo.tasksForScorecard(ctx, {
    fromDay: bogotaDate(range.from),
    toDay: bogotaDate(range.to),
    from: range.from,
    to: range.to,
  })
  const completed = await repo.tasksCompletedBetween(ctx, range.from, range.to)
  const assignees = await repo.assigneesOf(ctx, [
    ...new Set([...rows.map((r) => r.id), ...completed.map((c) => c.id)]),
  ])
  const assigneesOf = (taskId: string) => assignees.filter((a) => a.taskId === taskId).map((a) => a.userId)
  const tasks: TaskRecord[] = rows
    .map((row) => ({
      assigneeIds: assigneesOf(row.id),
      dueOn: row.dueOn,
      completedOn: row.completedAt ? bogotaDate(row.completedAt) : null,
    }))
    .filter((t) => !userId || t.assigneeIds.includes(userId))
  const activities: { memberId: string; kind: 'task-done' | 'comment' }[] = []
  for (const task of completed)
    for (const memberId of assigneesOf(task.id))
      if (!userId || memberId === userId) activities.push({ memberId, kind: 'task-done' })
  for (const comment of await repo.commentsBetween(ctx, range.from, range.to, userId))
    if (comment.authorId) activities.push({ memberId: comment.authorId, kind: 'comment' })
  return { tasks, activities }
}
