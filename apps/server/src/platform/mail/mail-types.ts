export type MailLocale = 'es' | 'en'

export type MailTemplateName =
  | 'welcome'
  | 'email-verification'
  | 'password-reset'
  | 'invitation'
  | 'notification'
  | 'digest'
  | 'newsletter'

/** An org's look in its mail; anything missing or invalid falls back to Minga's defaults. */
export type MailBranding = { orgName: string; logoUrl?: string | null; color?: string | null }

export type DigestItem = { title: string; body: string; url?: string | null; occurredAt: Date | string }
export type NewsletterSection = {
  heading: string
  body: string
  url?: string | null
  linkLabel?: string | null
}

/** The data each template needs. URLs may be absolute, or relative to the server's base URL. */
export type TemplateData = {
  welcome: { recipientName: string; url?: string | null }
  'email-verification': { recipientName: string; url: string }
  'password-reset': { recipientName: string; url: string }
  invitation: {
    orgName: string
    role: string
    url: string
    expiresAt: Date | string
    inviterName?: string | null
  }
  notification: {
    recipientName: string
    title: string
    body: string
    url?: string | null
    actionLabel?: string | null
  }
  digest: { recipientName: string; period: 'daily' | 'weekly'; items: DigestItem[] }
  newsletter: { title: string; intro?: string | null; sections: NewsletterSection[] }
}

export type RenderedMail = { subject: string; html: string; text: string }

/** Rewrites a link for click tracking and gives the open pixel's URL (see tracking.ts). */
export type MailTracking = { pixelUrl: string; wrapLink: (absoluteUrl: string) => string }

export type RenderOptions = {
  locale: MailLocale
  branding?: MailBranding
  /** Base for relative links (the server's MINGA_BASE_URL); links in mail are always absolute. */
  baseUrl?: string
  /** Dates are shown in this zone (the org's; America/Bogota by default). */
  timeZone?: string
  tracking?: MailTracking
}

export type QueuedMail<T extends MailTemplateName = MailTemplateName> = {
  to: string
  template: T
  data: TemplateData[T]
  locale: MailLocale
  /** Same key in the same org → the mail is sent at most once (a repeat is a no-op). */
  dedupeKey?: string
  /** Ask for open/click tracking; applies only when the org has tracking switched on. */
  track?: boolean
}
