import { and, eq } from 'drizzle-orm'
import type { EventHandlerDef } from '../events/event-bus.ts'
import { orgs } from '../tenancy/tenancy.tables.ts'
import { mailMessages, orgMailSettings } from './mail.tables.ts'
import { MAIL_QUEUED_EVENT } from './mail-queue.ts'
import type { MailLocale, MailTemplateName, TemplateData } from './mail-types.ts'
import { renderMail } from './render-mail.ts'
import { type TrackingKeys, trackingFor } from './tracking.ts'

export const MAIL_SENDER_HANDLER = 'platform.mail.send'

/**
 * Sends queued mail. It runs in the event bus's delivery job: if the SMTP server refuses, the
 * handler throws, its transaction (and the processed-event mark) rolls back, and pg-boss retries
 * the job with exponential backoff. Once a send commits as `sent` it never repeats.
 */
export function mailSenderHandler(keys: TrackingKeys): EventHandlerDef {
  return {
    name: MAIL_SENDER_HANDLER,
    on: [MAIL_QUEUED_EVENT],
    async handle(ctx, event, { mailer }) {
      if (!event.entityId) return
      const [message] = await ctx.db
        .select()
        .from(mailMessages)
        .where(and(eq(mailMessages.orgId, ctx.orgId), eq(mailMessages.id, event.entityId)))
      if (!message || message.status === 'sent') return
      const [org] = await ctx.db
        .select({ name: orgs.name, timezone: orgs.timezone })
        .from(orgs)
        .where(eq(orgs.id, ctx.orgId))
      const [settings] = await ctx.db
        .select()
        .from(orgMailSettings)
        .where(eq(orgMailSettings.orgId, ctx.orgId))
      const rendered = renderMail(
        message.template as MailTemplateName,
        message.data as TemplateData[MailTemplateName],
        {
          locale: message.locale as MailLocale,
          branding: {
            orgName: org?.name ?? 'Minga',
            logoUrl: settings?.logoUrl,
            color: settings?.accentColor,
          },
          baseUrl: keys.baseUrl,
          timeZone: org?.timezone,
          ...(message.tracked ? { tracking: trackingFor(keys, ctx.orgId, message.id) } : {}),
        },
      )
      await mailer.send({
        to: message.toAddress,
        ...rendered,
        // Stable across retries: a receiving server or client can drop a duplicate of the same mail.
        messageId: `<${message.id}@${new URL(keys.baseUrl).hostname}>`,
      })
      await ctx.db
        .update(mailMessages)
        .set({ status: 'sent', subject: rendered.subject, sentAt: new Date(), updatedAt: new Date() })
        .where(and(eq(mailMessages.orgId, ctx.orgId), eq(mailMessages.id, message.id)))
    },
  }
}
