import { addDays, bogotaDate } from '../../platform/calendar/index.ts'
import type { DomainEvent } from '../../platform/events/event-bus.ts'
import { recordEvent } from '../../platform/events/event-bus.ts'
import type { Mailer } from '../../platform/mail/mailer.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { memberContacts } from './task-members.ts'
import { TASK_DUE_SOON } from './tasks.events.ts'
import * as repo from './tasks.repository.ts'

/**
 * Records one `task.due_soon` event for each open card due tomorrow (Bogotá). The reminder row
 * (task, due date) is claimed first, so reruns, retries and two workers never remind twice; a card
 * whose due date moves gets a reminder for the new date. Returns how many it recorded.
 */
export async function recordDueSoonReminders(ctx: ServiceContext): Promise<number> {
  const tomorrow = addDays(bogotaDate(ctx.now), 1)
  let recorded = 0
  for (const task of await repo.openTasksDueOn(ctx, tomorrow)) {
    if (!(await repo.claimDueReminder(ctx, task.id, tomorrow))) continue
    const assigneeIds = (await repo.assigneesOf(ctx, [task.id])).map((a) => a.userId)
    await recordEvent(ctx, {
      type: TASK_DUE_SOON,
      entityId: task.id,
      payload: { taskId: task.id, boardId: task.boardId, title: task.title, dueOn: tomorrow, assigneeIds },
    })
    recorded++
  }
  return recorded
}

/** The event handler's work: one email per assignee still in the org, after the job's commit. */
export async function mailDueSoon(ctx: ServiceContext, event: DomainEvent, mailer: Mailer) {
  const payload = event.payload as { title: string; dueOn: string; assigneeIds: string[] }
  for (const person of await memberContacts(ctx, payload.assigneeIds)) {
    await mailer.send({
      to: person.email,
      subject: `Tarea para mañana: ${payload.title}`,
      text: [
        `Hola, ${person.name}:`,
        '',
        `La tarea «${payload.title}» vence mañana (${payload.dueOn}).`,
        'Puedes verla en el tablero de tareas de Minga.',
        '',
        `(EN) The task "${payload.title}" is due tomorrow (${payload.dueOn}).`,
      ].join('\n'),
    })
  }
}
