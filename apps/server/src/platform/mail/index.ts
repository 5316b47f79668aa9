/**
 * Platform mail: templates (es/en, HTML + text, org branding), queued sending with retries and
 * dedupe, optional open/click tracking. Modules import from here only.
 */
export { escapeHtml } from './escape-html.ts'
export { MAIL_QUEUED_EVENT, queueMail } from './mail-queue.ts'
export type {
  DigestItem,
  MailBranding,
  MailLocale,
  MailTemplateName,
  NewsletterSection,
  QueuedMail,
  RenderedMail,
  RenderOptions,
  TemplateData,
} from './mail-types.ts'
export type { Mailer, MailMessage } from './mailer.ts'
export { absoluteUrl, MINGA_BRANDING, renderMail } from './render-mail.ts'
