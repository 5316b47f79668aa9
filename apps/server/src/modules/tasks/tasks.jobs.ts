import type { Db } from '../../platform/db/connection.ts'
import type { EventHandlerDef } from '../../platform/events/event-bus.ts'
import { forEachOrg } from '../../platform/jobs/for-each-org.ts'
import type { JobDef } from '../../platform/jobs/jobs.ts'
import type { JobServices } from '../../platform/module-manifest.ts'
import { materializeRecurringTasks } from './recurring.service.ts'
import { mailDueSoon, recordDueSoonReminders } from './reminders.service.ts'
import { TASK_DUE_SOON } from './tasks.events.ts'

export const MATERIALIZE_RECURRING_JOB = 'tasks.materialize-recurring'
export const DUE_SOON_REMINDERS_JOB = 'tasks.due-soon-reminders'

export const runMaterializeRecurring = (db: Db, now = new Date()) =>
  forEachOrg(db, { job: MATERIALIZE_RECURRING_JOB, module: 'tasks', now }, materializeRecurringTasks)
export const runDueSoonReminders = (db: Db, now = new Date()) =>
  forEachOrg(db, { job: DUE_SOON_REMINDERS_JOB, module: 'tasks', now }, recordDueSoonReminders)

export const DUE_SOON_MAIL_HANDLER = 'tasks.mail-due-soon'

export function taskJobs({ db }: JobServices): JobDef[] {
  return [
    {
      name: MATERIALIZE_RECURRING_JOB,
      // 00:10 Bogotá: today's occurrences appear before anyone starts the day.
      cron: { expression: '10 0 * * *', timezone: 'America/Bogota' },
      handler: async () => {
        await runMaterializeRecurring(db)
      },
    },
    {
      name: DUE_SOON_REMINDERS_JOB,
      cron: { expression: '0 7 * * *', timezone: 'America/Bogota' },
      handler: async () => {
        await runDueSoonReminders(db)
      },
    },
  ]
}

/** Emails the assignees of a task due soon, after the reminder job's commit. */
export const dueSoonMailHandler: EventHandlerDef = {
  name: DUE_SOON_MAIL_HANDLER,
  on: [TASK_DUE_SOON],
  handle: (ctx, event, { mailer }) => mailDueSoon(ctx, event, mailer),
}
