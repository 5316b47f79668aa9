import type { z } from 'zod'
import type { Localized } from './access/permissions.ts'

export type NotificationChannel = 'in_app' | 'email' | 'webhook' | 'push'

/**
 * A kind of notification a module sends (like a Novu workflow), declared in its manifest. The
 * notifications module validates each payload, resolves the recipient's preferences per channel and
 * renders the text in the recipient's language.
 */
export type NotificationTypeDef<P = unknown> = {
  /** `<module>.<what>`, e.g. `messaging.mention`. */
  key: `${string}.${string}`
  label: Localized
  description: Localized
  payload: z.ZodType<P>
  defaultChannels: readonly NotificationChannel[]
  /** Security and legal messages: the user cannot switch them off, quiet hours do not hold them. */
  critical?: boolean
  /** May wait for the recipient's daily or weekly digest instead of an email each. */
  digestable?: boolean
  /** Inbox and email text in the recipient's language; `url` is a path in the web app. */
  render(payload: P, locale: 'es' | 'en'): { title: string; body: string; url?: string }
}
