import type { devMailboxEsCO } from './dev-mailbox.es-co.ts'

// English texts of the development mailbox page: the `devMailbox` block of en.ts.
export const devMailboxEn: typeof devMailboxEsCO = {
  title: 'Development mailbox',
  subtitle: 'Mail this server would have sent. Only exists in development, without an SMTP server.',
  disabled: 'The development mailbox is not on for this server (production, or SMTP configured).',
  empty: 'No mail has been sent yet.',
  refresh: 'Refresh',
  to: 'To',
  from: 'From',
  sentAt: 'Sent',
  html: 'HTML view',
  text: 'Text',
  noHtml: 'This mail only has a text version.',
  select: 'Pick a mail to see it.',
  previewTitle: 'Mail preview',
}
