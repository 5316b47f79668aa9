import { addBusinessDays, bogotaDate, compareIsoDates } from '../../platform/calendar/index.ts'
import type { Db } from '../../platform/db/connection.ts'
import { recordEvent } from '../../platform/events/event-bus.ts'
import { forEachOrg } from '../../platform/jobs/for-each-org.ts'
import type { JobDef } from '../../platform/jobs/jobs.ts'
import type { JobServices } from '../../platform/module-manifest.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { orgSlugOf } from '../../platform/tenancy/tenancy.service.ts'
import { notify, orgAdminIds } from '../notifications/index.ts'
import { REMINDER_BUSINESS_DAYS, reminderDate } from './due-dates.ts'
import { REQUEST_DUE_SOON_NOTIFICATION } from './privacy.notifications.ts'
import * as repo from './privacy.repository.ts'

export const REQUEST_DUE_SOON = 'privacy.request_due_soon'
export const DUE_SOON_JOB = 'privacy.request-due-soon'

/**
 * Open requests whose reminder day (2 business days before the due date) has come get one
 * `privacy.request_due_soon` event and one notification to the org admins. The claim row is keyed by
 * (request, due date): a rerun sends nothing, and an extension (new due date) gets its own reminder.
 */
export async function recordDueSoonReminders(ctx: ServiceContext): Promise<number> {
  const today = bogotaDate(ctx.now)
  const horizon = addBusinessDays(today, REMINDER_BUSINESS_DAYS)
  let recorded = 0
  for (const request of await repo.openRequestsDueBy(ctx, horizon)) {
    if (compareIsoDates(reminderDate(request.dueOn), today) > 0) continue
    if (!(await repo.claimReminder(ctx, request.id, request.dueOn))) continue
    const payload = { requestId: request.id, kind: request.kind, dueOn: request.dueOn }
    await recordEvent(ctx, { type: REQUEST_DUE_SOON, entityId: request.id, payload })
    const admins = await orgAdminIds(ctx)
    if (admins.length > 0) {
      await notify(ctx, {
        type: REQUEST_DUE_SOON_NOTIFICATION,
        recipients: admins,
        payload: { ...payload, orgSlug: await orgSlugOf(ctx) },
        dedupeKey: `privacy-request-due:${request.id}:${request.dueOn}`,
        resource: { type: 'privacy_request', id: request.id },
      })
    }
    recorded++
  }
  return recorded
}

export const runDueSoonReminders = (db: Db, now = new Date()) =>
  forEachOrg(db, { job: DUE_SOON_JOB, module: 'privacy', now }, recordDueSoonReminders)

export function privacyJobs({ db }: JobServices): JobDef[] {
  return [
    {
      name: DUE_SOON_JOB,
      // 07:00 Bogotá on weekdays: admins see it when they start the working day.
      cron: { expression: '0 7 * * 1-5', timezone: 'America/Bogota' },
      handler: async () => {
        await runDueSoonReminders(db)
      },
    },
  ]
}
