import { and, asc, eq, inArray, lt, lte, ne } from 'drizzle-orm'
import type { Db } from '../../platform/db/connection.ts'
import { recordEvent } from '../../platform/events/event-bus.ts'
import { forEachOrg } from '../../platform/jobs/for-each-org.ts'
import type { JobDef } from '../../platform/jobs/jobs.ts'
import { queueMail } from '../../platform/mail/index.ts'
import type { JobServices } from '../../platform/module-manifest.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { memberDirectory } from '../../platform/tenancy/tenancy.service.ts'
import { notificationMailKey } from './fan-out.ts'
import { localInstant, localParts } from './local-time.ts'
import { NOTIFICATION_DUE, NOTIFICATION_PUSH } from './notifications.events.ts'
import { notificationDeliveries, notificationRequests, notificationSettings } from './notifications.tables.ts'
import { DEFAULT_SETTINGS, orgProfile, settingsFor } from './preferences.repository.ts'
import { pushJob } from './push-delivery.ts'

export const SWEEP_JOB = 'notifications.sweep'
export const DIGEST_JOB = 'notifications.digest'

/**
 * Scheduled requests whose time came become `due` (their event makes the fan-out handler deliver
 * them); emails held by quiet hours whose window ended are queued. Idempotent: both flip a status
 * in the same transaction as the work.
 */
export async function releaseDue(ctx: ServiceContext): Promise<number> {
  const due = await ctx.db
    .update(notificationRequests)
    .set({ status: 'due', updatedAt: ctx.now })
    .where(
      and(
        eq(notificationRequests.orgId, ctx.orgId),
        eq(notificationRequests.status, 'scheduled'),
        lte(notificationRequests.sendAt, ctx.now),
      ),
    )
    .returning({ id: notificationRequests.id, type: notificationRequests.type })
  for (const r of due) {
    await recordEvent(ctx, { type: NOTIFICATION_DUE, entityId: r.id, payload: { type: r.type } })
  }

  const held = await ctx.db
    .select()
    .from(notificationDeliveries)
    .where(
      and(
        eq(notificationDeliveries.orgId, ctx.orgId),
        eq(notificationDeliveries.status, 'held'),
        lte(notificationDeliveries.dueAt, ctx.now),
      ),
    )
    .orderBy(asc(notificationDeliveries.id))
    .limit(500)
  if (held.length === 0) return due.length
  const members = await memberDirectory(ctx)
  const settings = await settingsFor(ctx, [...new Set(held.map((h) => h.userId))])
  for (const h of held) {
    const member = members.get(h.userId)
    if (member && h.channel === 'push') {
      // The push handler queues the device jobs after this transaction commits.
      await recordEvent(ctx, { type: NOTIFICATION_PUSH, entityId: h.id, payload: { userId: h.userId } })
    } else if (member) {
      await queueMail(ctx, {
        to: member.email,
        template: 'notification',
        data: { recipientName: member.name, title: h.title, body: h.body, url: h.url },
        locale: (settings.get(h.userId) ?? DEFAULT_SETTINGS).locale,
        dedupeKey: notificationMailKey(h.requestId, h.userId),
      })
    }
    await ctx.db
      .update(notificationDeliveries)
      .set({ status: member ? 'sent' : 'skipped', sentAt: ctx.now })
      .where(and(eq(notificationDeliveries.orgId, ctx.orgId), eq(notificationDeliveries.id, h.id)))
  }
  return due.length + held.length
}

/** `2026-11-22` for a daily digest, `2026-W47`-style (the Monday's date) for a weekly one. */
function periodKey(period: 'daily' | 'weekly', boundary: Date, timeZone: string) {
  const p = localParts(boundary, timeZone)
  const date = `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`
  return period === 'daily' ? `daily:${date}` : `weekly:${date}`
}

/**
 * One digest email per user whose local digest hour (and weekday, for weekly) is now, with every
 * digestable email that waited for it and was created before this hour began. The mail dedupe key
 * (user + period) and the `digested` mark commit together, so a rerun sends nothing twice; items
 * created after the boundary wait for the next period instead of being lost.
 */
export async function sendDigests(ctx: ServiceContext): Promise<number> {
  const org = await orgProfile(ctx)
  const local = localParts(ctx.now, org.timezone)
  const candidates = await ctx.db
    .select()
    .from(notificationSettings)
    .where(
      and(
        eq(notificationSettings.orgId, ctx.orgId),
        ne(notificationSettings.digest, 'off'),
        eq(notificationSettings.digestHour, local.hour),
      ),
    )
  const users = candidates.filter((s) => s.digest === 'daily' || s.digestWeekday === local.weekday)
  if (users.length === 0) return 0
  const boundary = localInstant(ctx.now, org.timezone, local.hour, 0)
  const pending = await ctx.db
    .select()
    .from(notificationDeliveries)
    .where(
      and(
        eq(notificationDeliveries.orgId, ctx.orgId),
        eq(notificationDeliveries.status, 'digest'),
        inArray(
          notificationDeliveries.userId,
          users.map((u) => u.userId),
        ),
        lt(notificationDeliveries.createdAt, boundary),
      ),
    )
    .orderBy(asc(notificationDeliveries.id))
  if (pending.length === 0) return 0
  const members = await memberDirectory(ctx)
  let sent = 0
  for (const user of users) {
    const items = pending.filter((d) => d.userId === user.userId)
    if (items.length === 0) continue
    const member = members.get(user.userId)
    const period = user.digest === 'weekly' ? 'weekly' : 'daily'
    if (member) {
      await queueMail(ctx, {
        to: member.email,
        template: 'digest',
        data: {
          recipientName: member.name,
          period,
          items: items.map((d) => ({ title: d.title, body: d.body, url: d.url, occurredAt: d.createdAt })),
        },
        locale: user.locale,
        dedupeKey: `digest:${user.userId}:${periodKey(period, boundary, org.timezone)}`,
      })
      sent += 1
    }
    await ctx.db
      .update(notificationDeliveries)
      .set({ status: member ? 'digested' : 'skipped', sentAt: ctx.now })
      .where(
        and(
          eq(notificationDeliveries.orgId, ctx.orgId),
          inArray(
            notificationDeliveries.id,
            items.map((d) => d.id),
          ),
        ),
      )
  }
  return sent
}

// Every active org, not only those with the module enabled: other modules notify through it whether or
// not the org lists `notifications` (orgs created before the module existed do not).
export const runSweep = (db: Db, now = new Date()) => forEachOrg(db, { job: SWEEP_JOB, now }, releaseDue)
export const runDigests = (db: Db, now = new Date()) => forEachOrg(db, { job: DIGEST_JOB, now }, sendDigests)

export function notificationJobs({ db }: JobServices): JobDef[] {
  return [
    {
      name: SWEEP_JOB,
      // Every minute: reminders go out within a minute of their time, held mail when quiet hours end.
      cron: { expression: '* * * * *' },
      retryLimit: 2,
      handler: async () => {
        await runSweep(db)
      },
    },
    {
      name: DIGEST_JOB,
      // Each hour on the hour: users whose local digest hour it is get their digest.
      cron: { expression: '0 * * * *' },
      handler: async () => {
        await runDigests(db)
      },
    },
    pushJob(db) as JobDef,
  ]
}
