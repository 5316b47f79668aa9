import { eq } from 'drizzle-orm'
import { recordEvent } from '../events/event-bus.ts'
import { AppError } from '../http/app-error.ts'
import type { ServiceContext } from '../service-context.ts'
import { mailMessages, orgMailSettings } from './mail.tables.ts'
import type { MailTemplateName, QueuedMail } from './mail-types.ts'
import { renderMail } from './render-mail.ts'

/** The outbox event `queueMail` records; the mail sender handler reacts to it. */
export const MAIL_QUEUED_EVENT = 'platform.mail.queued'

const EMAIL = /^[^\s@<>]+@[^\s@<>]+$/

/**
 * Inside the caller's transaction: stores the mail and records an outbox event, so the mail goes out
 * only if the transaction commits, and a crash after commit loses nothing. A job (the event bus's
 * delivery job) renders and sends it with retries. The same `dedupeKey` in the same org queues at
 * most one mail; a repeat is a silent no-op.
 */
export async function queueMail<T extends MailTemplateName>(
  ctx: ServiceContext,
  mail: QueuedMail<T>,
): Promise<void> {
  const to = mail.to.trim()
  if (!EMAIL.test(to)) {
    throw new AppError('unprocessable', 'Invalid recipient address', [
      { path: 'to', message: 'Invalid email' },
    ])
  }
  // Render once now (pure, cheap) so bad data fails the caller's request instead of a job 5 times.
  try {
    renderMail(mail.template, mail.data, { locale: mail.locale, baseUrl: 'http://localhost' })
  } catch (err) {
    throw new AppError('unprocessable', 'Mail data does not fit its template', [
      { path: 'data', message: err instanceof Error ? err.message : String(err) },
    ])
  }
  let tracked = false
  if (mail.track) {
    const [settings] = await ctx.db
      .select({ trackingEnabled: orgMailSettings.trackingEnabled })
      .from(orgMailSettings)
      .where(eq(orgMailSettings.orgId, ctx.orgId))
    tracked = settings?.trackingEnabled ?? false
  }
  const [row] = await ctx.db
    .insert(mailMessages)
    .values({
      orgId: ctx.orgId,
      toAddress: to,
      template: mail.template,
      locale: mail.locale,
      // JSON round trip: Dates become ISO strings, which the templates accept.
      data: JSON.parse(JSON.stringify(mail.data)) as Record<string, unknown>,
      dedupeKey: mail.dedupeKey ?? null,
      tracked,
    })
    .onConflictDoNothing()
    .returning({ id: mailMessages.id })
  if (!row) return
  await recordEvent(ctx, { type: MAIL_QUEUED_EVENT, entityId: row.id, payload: { messageId: row.id } })
}
