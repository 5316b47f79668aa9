import type { CreateTaskTemplate, TaskTemplate, UpdateTaskTemplate } from '@minga/contracts'
import { recordAudit } from '../../platform/audit/audit.ts'
import { bogotaDate } from '../../platform/calendar/index.ts'
import { AppError, notFound } from '../../platform/http/app-error.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { assertMembers } from './task-members.ts'
import { latestOccurrence } from './task-recurrence.ts'
import { boardChanged } from './tasks.events.ts'
import * as repo from './tasks.repository.ts'
import { createTask } from './tasks.service.ts'

export const toTemplateDto = (row: repo.TemplateRow): TaskTemplate => ({
  id: row.id,
  boardId: row.boardId,
  columnId: row.columnId,
  title: row.title,
  description: row.description,
  labelIds: row.labelIds,
  assigneeIds: row.assigneeIds,
  rotateAssignees: row.rotateAssignees,
  rule: { frequency: row.frequency, interval: row.interval, weekday: row.weekday, monthDay: row.monthDay },
  startsOn: row.startsOn,
  active: row.active,
  lastOccurrenceOn: row.lastOccurrenceOn,
  version: row.version,
})

export async function listTemplates(ctx: ServiceContext, boardId: string) {
  if (!(await repo.findBoard(ctx, boardId))) throw notFound('Board')
  return (await repo.listTemplates(ctx, boardId)).map(toTemplateDto)
}

export async function createTemplate(ctx: ServiceContext, boardId: string, input: CreateTaskTemplate) {
  const board = await repo.findBoard(ctx, boardId)
  if (!board) throw notFound('Board')
  const columns = await repo.listColumns(ctx, boardId)
  const column = input.columnId ? columns.find((c) => c.id === input.columnId) : columns[0]
  if (!column)
    throw new AppError('unprocessable', 'Unknown column on this board', [
      { path: 'body.columnId', message: 'Unknown column on this board' },
    ])
  const assigneeIds = [...new Set(input.assigneeIds ?? [])]
  await assertMembers(ctx, assigneeIds, 'body.assigneeIds')
  const labelIds = [...new Set(input.labelIds ?? [])]
  for (const [i, labelId] of labelIds.entries()) {
    const label = await repo.findLabel(ctx, labelId)
    if (!label || label.boardId !== boardId)
      throw new AppError('unprocessable', 'Unknown label on this board', [
        { path: `body.labelIds.${i}`, message: 'Unknown label on this board' },
      ])
  }
  const row = await repo.insertTemplate(ctx, {
    boardId,
    columnId: column.id,
    title: input.title,
    description: input.description ?? '',
    labelIds,
    assigneeIds,
    rotateAssignees: input.rotateAssignees ?? false,
    frequency: input.rule.frequency,
    interval: input.rule.interval ?? 1,
    weekday: input.rule.frequency === 'weekly' ? (input.rule.weekday ?? null) : null,
    monthDay: input.rule.frequency === 'monthly' ? (input.rule.monthDay ?? null) : null,
    startsOn: input.startsOn,
  })
  await recordAudit(ctx, {
    action: 'task_template.created',
    entityType: 'task_template',
    entityId: row.id,
    after: { title: row.title, frequency: row.frequency, interval: row.interval, startsOn: row.startsOn },
  })
  await boardChanged(ctx, boardId)
  return toTemplateDto(row)
}

export async function updateTemplate(ctx: ServiceContext, id: string, patch: UpdateTaskTemplate) {
  const before = await repo.findTemplate(ctx, id)
  if (!before) throw notFound('Recurring task')
  if (patch.assigneeIds) await assertMembers(ctx, patch.assigneeIds, 'body.assigneeIds')
  const after = await repo.updateTemplate(ctx, id, {
    ...patch,
    ...(patch.assigneeIds ? { assigneeIds: [...new Set(patch.assigneeIds)] } : {}),
  })
  if (!after) throw notFound('Recurring task')
  await recordAudit(ctx, {
    action: 'task_template.updated',
    entityType: 'task_template',
    entityId: id,
    before: { title: before.title, active: before.active, assigneeIds: before.assigneeIds },
    after: { title: after.title, active: after.active, assigneeIds: after.assigneeIds },
  })
  await boardChanged(ctx, after.boardId)
  return toTemplateDto(after)
}

export async function removeTemplate(ctx: ServiceContext, id: string) {
  const template = await repo.findTemplate(ctx, id)
  if (!template || !(await repo.deleteTemplate(ctx, id))) throw notFound('Recurring task')
  await recordAudit(ctx, {
    action: 'task_template.deleted',
    entityType: 'task_template',
    entityId: id,
    before: { title: template.title },
  })
  await boardChanged(ctx, template.boardId)
}

/**
 * Creates the card of each active template's latest occurrence on or before today (Bogotá), once:
 * the unique (template, occurrence date) key makes a second run, or two workers, a no-op. Missed
 * older occurrences are not back-filled (a rota needs today's turn, not last month's). With
 * `rotateAssignees`, occurrence n goes to assignee n mod count; otherwise to all of them.
 * Returns how many cards it created.
 */
export async function materializeRecurringTasks(ctx: ServiceContext): Promise<number> {
  const today = bogotaDate(ctx.now)
  let created = 0
  for (const template of await repo.listActiveTemplates(ctx)) {
    const latest = latestOccurrence(
      {
        frequency: template.frequency,
        interval: template.interval,
        weekday: template.weekday,
        monthDay: template.monthDay,
        startsOn: template.startsOn,
      },
      today,
    )
    if (!latest) continue
    if (template.lastOccurrenceOn && template.lastOccurrenceOn >= latest.date) continue
    const members = await activeMembers(ctx, template.assigneeIds)
    const assigneeIds = template.rotateAssignees
      ? members.length > 0
        ? [members[latest.index % members.length] as string]
        : []
      : members
    const labels = await repo.listLabels(ctx, template.boardId)
    const task = await createTask(
      ctx,
      template.boardId,
      {
        title: template.title,
        description: template.description,
        columnId: template.columnId,
        dueOn: latest.date,
        assigneeIds,
        labelIds: template.labelIds.filter((id) => labels.some((l) => l.id === id)),
        checklist: [],
      },
      { templateId: template.id, occurrenceOn: latest.date },
    ).catch((err: unknown) => {
      // A hard WIP limit must not stop the other templates: the occurrence waits for the next run.
      if (err instanceof AppError && err.code === 'conflict') return 'blocked' as const
      throw err
    })
    if (task === 'blocked') continue
    await repo.updateTemplate(ctx, template.id, { lastOccurrenceOn: latest.date })
    if (task) created++
  }
  return created
}

/** Assignees who are still members (someone who left the org is skipped in the rota). */
async function activeMembers(ctx: ServiceContext, userIds: string[]) {
  const kept: string[] = []
  for (const userId of userIds) {
    try {
      await assertMembers(ctx, [userId], 'assigneeIds')
      kept.push(userId)
    } catch {
      // left the org
    }
  }
  return kept
}
