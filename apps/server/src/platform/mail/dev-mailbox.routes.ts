import { z } from 'zod'
import type { AppInstance } from '../http/app-instance.ts'

const StoredMail = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string().optional(),
  sentAt: z.string(),
})

/** The dev mailbox (embedded mode without SMTP only; never registered in production). */
export function registerDevMailboxRoute(app: AppInstance) {
  app.get(
    '/api/dev/mailbox',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Mail sent by this server (development only)',
        tags: ['development'],
        response: { 200: z.object({ items: z.array(StoredMail) }) },
      },
    },
    async () => ({ items: app.platform.mailer.sent() }),
  )
}
