import { eq } from 'drizzle-orm'
import type { Db } from '../../platform/db/connection.ts'
import { withOrg } from '../../platform/db/with-org.ts'
import type { EventHandlerDef } from '../../platform/events/event-bus.ts'
import type { AppInstance } from '../../platform/http/app-instance.ts'
import type { JobDef } from '../../platform/jobs/jobs.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { orgs } from '../../platform/tenancy/tenancy.tables.ts'
import { materializeRecurringTasks } from './recurring.service.ts'
import { mailDueSoon, recordDueSoonReminders } from './reminders.service.ts'
import { TASK_DUE_SOON } from './tasks.events.ts'

export const MATERIALIZE_RECURRING_JOB = 'tasks.materialize-recurring'
export const DUE_SOON_REMINDERS_JOB = 'tasks.due-soon-reminders'

/**
 * Runs `work` once per active org, each in its own org-scoped transaction as the system actor. One
 * org's failure does not stop the others; the job then fails so pg-boss retries it (the work is
 * idempotent). Returns the sum of what `work` reports.
 */
export async function forEachOrg(db: Db, now: Date, work: (ctx: ServiceContext) => Promise<number>) {
  const active = await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.status, 'active'))
  let total = 0
  const failures: unknown[] = []
  for (const { id } of active) {
    try {
      total += await withOrg(db, id, (tx) =>
        work({
          db: tx,
          orgId: id,
          actor: { userId: null, role: 'system' },
          requestId: `job:${id}`,
          now,
          ip: null,
        }),
      )
    } catch (err) {
      failures.push(err)
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} org(s) failed`)
  return total
}

export const runMaterializeRecurring = (db: Db, now = new Date()) =>
  forEachOrg(db, now, materializeRecurringTasks)
export const runDueSoonReminders = (db: Db, now = new Date()) => forEachOrg(db, now, recordDueSoonReminders)

export const DUE_SOON_MAIL_HANDLER = 'tasks.mail-due-soon'

/**
 * The module's cron jobs and its mail handler need the database pool and the mailer, which manifest
 * `jobs` and `eventHandlers` do not receive today; they are registered here, from the module's
 * route registration (which gets the app), before the job runner and the event bus start.
 */
export function registerTaskBackgroundWork(app: AppInstance) {
  const { database, jobs, events, mailer } = app.platform
  const materialize: JobDef = {
    name: MATERIALIZE_RECURRING_JOB,
    // 00:10 Bogotá: today's occurrences appear before anyone starts the day.
    cron: { expression: '10 0 * * *', timezone: 'America/Bogota' },
    handler: async () => {
      await runMaterializeRecurring(database.db)
    },
  }
  const dueSoon: JobDef = {
    name: DUE_SOON_REMINDERS_JOB,
    cron: { expression: '0 7 * * *', timezone: 'America/Bogota' },
    handler: async () => {
      await runDueSoonReminders(database.db)
    },
  }
  jobs.define(materialize)
  jobs.define(dueSoon)
  const mailHandler: EventHandlerDef = {
    name: DUE_SOON_MAIL_HANDLER,
    on: [TASK_DUE_SOON],
    handle: (ctx, event) => mailDueSoon(ctx, event, mailer),
  }
  events.subscribe(mailHandler)
}
