import { recordAudit } from '../../platform/audit/audit.ts'
import type { Db } from '../../platform/db/connection.ts'
import type { EventHandlerDef } from '../../platform/events/event-bus.ts'
import { recordEvent } from '../../platform/events/event-bus.ts'
import { forEachOrg } from '../../platform/jobs/for-each-org.ts'
import type { JobDef } from '../../platform/jobs/jobs.ts'
import type { JobServices } from '../../platform/module-manifest.ts'
import { memberDirectory } from '../../platform/tenancy/tenancy.service.ts'
import * as repo from './polls.repository.ts'
import { closePollRow, POLL_CLOSING_SOON } from './polls.service.ts'

const DAY_MS = 24 * 60 * 60 * 1000

/** Closes every open poll whose closing time has passed; running it twice closes nothing twice. */
export function closeDuePolls(db: Db, now = new Date()): Promise<number> {
  return forEachOrg(db, { job: 'polls.close-due', module: 'polls', now }, async (ctx) => {
    let closed = 0
    for (const { id } of await repo.openPollsClosingBy(ctx, now)) {
      if (await closePollRow(ctx, id, 'deadline')) closed++
    }
    return closed
  })
}

/**
 * Records `poll.closing_soon` once per poll when it closes within 24 h, naming the invited people who
 * have not voted; the mail goes out from the event handler, after this commits.
 */
export function remindClosingSoon(db: Db, now = new Date()): Promise<number> {
  return forEachOrg(db, { job: 'polls.remind-closing-soon', module: 'polls', now }, async (ctx) => {
    let reminded = 0
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
    return reminded
  })
}

/** Closing and reminders, every minute and every five minutes; both are safe to run twice. */
export function pollJobs({ db }: JobServices): JobDef[] {
  return [
    {
      name: 'polls.close-due',
      cron: { expression: '* * * * *' },
      retryLimit: 2,
      handler: async () => {
        await closeDuePolls(db)
      },
    },
    {
      name: 'polls.remind-closing-soon',
      cron: { expression: '*/5 * * * *' },
      retryLimit: 2,
      handler: async () => {
        await remindClosingSoon(db)
      },
    },
  ]
}

const bogota = new Intl.DateTimeFormat('es-CO', {
  timeZone: 'America/Bogota',
  dateStyle: 'full',
  timeStyle: 'short',
})

/** Emails the undecided invitees of a poll closing soon (after the job's commit, never in a request). */
export const emailClosingSoon: EventHandlerDef = {
  name: 'polls.email-closing-soon',
  on: [POLL_CLOSING_SOON],
  async handle(ctx, event, { mailer }) {
    const { title, closingAt, userIds } = event.payload as {
      title: string
      closingAt: string
      userIds: string[]
    }
    const members = await memberDirectory(ctx)
    for (const userId of userIds) {
      const member = members.get(userId)
      if (!member) continue
      await mailer.send({
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
