import { sql } from 'drizzle-orm'
import { recordAudit } from '../../platform/audit/audit.ts'
import type { Db } from '../../platform/db/connection.ts'
import { withOrg } from '../../platform/db/with-org.ts'
import type { EventHandlerDef } from '../../platform/events/event-bus.ts'
import { recordEvent } from '../../platform/events/event-bus.ts'
import type { JobDef } from '../../platform/jobs/jobs.ts'
import type { Mailer } from '../../platform/mail/mailer.ts'
import type { Platform } from '../../platform/platform.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { orgs } from '../../platform/tenancy/tenancy.tables.ts'
import { memberDirectory } from './polls.members.ts'
import * as repo from './polls.repository.ts'
import { closePollRow, POLL_CLOSING_SOON } from './polls.service.ts'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Jobs receive only their data, so the module keeps the kernel services it needs (the database for
 * the cron jobs, the mailer for the reminder handler), bound when its routes are registered.
 */
let kernel: { db: Db; mailer: Mailer } | undefined
export function bindPollsKernel(platform: Platform) {
  kernel = { db: platform.database.db, mailer: platform.mailer }
}

/** Orgs using polls; RLS hides tenant rows from a query that is not scoped, so each org runs in its own scope. */
async function orgsWithPolls(db: Db): Promise<string[]> {
  const rows = await db.select({ id: orgs.id }).from(orgs).where(sql`'polls' = any(${orgs.enabledModules})`)
  return rows.map((r) => r.id)
}

function systemContext(tx: ServiceContext['db'], orgId: string, now: Date, job: string): ServiceContext {
  return { db: tx, orgId, actor: { userId: null, role: 'system' }, requestId: `job:${job}`, now, ip: null }
}

/** Closes every open poll whose closing time has passed; running it twice closes nothing twice. */
export async function closeDuePolls(db: Db, now = new Date()): Promise<number> {
  let closed = 0
  for (const orgId of await orgsWithPolls(db)) {
    await withOrg(db, orgId, async (tx) => {
      const ctx = systemContext(tx, orgId, now, 'polls.close-due')
      for (const { id } of await repo.openPollsClosingBy(ctx, now)) {
        if (await closePollRow(ctx, id, 'deadline')) closed++
      }
    })
  }
  return closed
}

/**
 * Records `poll.closing_soon` once per poll when it closes within 24 h, naming the invited people who
 * have not voted; the mail goes out from the event handler, after this commits.
 */
export async function remindClosingSoon(db: Db, now = new Date()): Promise<number> {
  let reminded = 0
  for (const orgId of await orgsWithPolls(db)) {
    await withOrg(db, orgId, async (tx) => {
      const ctx = systemContext(tx, orgId, now, 'polls.remind-closing-soon')
      for (const poll of await repo.claimClosingSoonReminders(ctx, new Date(now.getTime() + DAY_MS))) {
        const voted = new Set((await repo.latestStances(ctx, poll.id)).map((s) => s.userId))
        const undecided = (await repo.inviteeIds(ctx, poll.id)).filter((id) => !voted.has(id))
        await recordAudit(ctx, {
          action: 'poll.closing_soon_notified',
          entityType: 'poll',
          entityId: poll.id,
          after: { undecided: undecided.length },
        })
        await recordEvent(ctx, {
          type: POLL_CLOSING_SOON,
          entityId: poll.id,
          payload: {
            pollId: poll.id,
            title: poll.title,
            closingAt: poll.closingAt.toISOString(),
            userIds: undecided,
          },
        })
        reminded++
      }
    })
  }
  return reminded
}

export const pollJobs: JobDef[] = [
  {
    name: 'polls.close-due',
    cron: { expression: '* * * * *' },
    retryLimit: 2,
    async handler() {
      if (kernel) await closeDuePolls(kernel.db)
    },
  },
  {
    name: 'polls.remind-closing-soon',
    cron: { expression: '*/5 * * * *' },
    retryLimit: 2,
    async handler() {
      if (kernel) await remindClosingSoon(kernel.db)
    },
  },
]

const bogota = new Intl.DateTimeFormat('es-CO', {
  timeZone: 'America/Bogota',
  dateStyle: 'full',
  timeStyle: 'short',
})

/** Emails the undecided invitees of a poll closing soon (after the job's commit, never in a request). */
export const emailClosingSoon: EventHandlerDef = {
  name: 'polls.email-closing-soon',
  on: [POLL_CLOSING_SOON],
  async handle(ctx, event) {
    if (!kernel) return
    const { title, closingAt, userIds } = event.payload as {
      title: string
      closingAt: string
      userIds: string[]
    }
    const members = await memberDirectory(ctx)
    for (const userId of userIds) {
      const member = members.get(userId)
      if (!member) continue
      await kernel.mailer.send({
        to: member.email,
        subject: `Consulta por cerrar: ${title}`,
        text:
          `Hola ${member.name}:\n\nLa consulta "${title}" cierra el ${bogota.format(new Date(closingAt))} ` +
          '(hora de Bogotá) y aún no has votado. Entra a Minga para dar tu postura.\n\n' +
          `Poll closing soon: "${title}" closes ${closingAt} and you have not voted yet.`,
      })
    }
  },
}
