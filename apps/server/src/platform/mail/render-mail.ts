import type { MailBlock, MailContent } from './mail-content.ts'
import { type LayoutBrand, layoutHtml, layoutText } from './mail-layout.ts'
import { mailStrings } from './mail-strings.ts'
import type {
  MailBranding,
  MailLocale,
  MailTemplateName,
  RenderedMail,
  RenderOptions,
  TemplateData,
} from './mail-types.ts'

export const MINGA_BRANDING = { orgName: 'Minga', color: '#087f5b' } as const

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/

/** Absolute http(s) URL, or null: mail never carries relative or `javascript:` links. */
export function absoluteUrl(url: string | null | undefined, baseUrl: string | undefined): string | null {
  if (!url) return null
  try {
    const parsed = baseUrl ? new URL(url, baseUrl) : new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.toString() : null
  } catch {
    return null
  }
}

function brandOf(branding: MailBranding | undefined): LayoutBrand {
  const color = branding?.color && HEX_COLOR.test(branding.color) ? branding.color : MINGA_BRANDING.color
  const logo = absoluteUrl(branding?.logoUrl, undefined)
  return {
    orgName: branding?.orgName?.trim() || MINGA_BRANDING.orgName,
    logoUrl: logo?.startsWith('https:') ? logo : null,
    color,
  }
}

function formatDate(value: Date | string, locale: MailLocale, timeZone: string, withTime: boolean) {
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) return String(value)
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-US' : 'es-CO', {
    dateStyle: 'long',
    ...(withTime ? { timeStyle: 'short' } : {}),
    timeZone,
  }).format(date)
}

type Build<T extends MailTemplateName> = (
  data: TemplateData[T],
  ctx: {
    locale: MailLocale
    org: string
    url: (u: string | null | undefined) => string | null
    date: (d: Date | string, withTime?: boolean) => string
  },
) => Omit<MailContent, 'footer'>

const templates: { [T in MailTemplateName]: Build<T> } = {
  welcome(data, { locale, org, url }) {
    const s = mailStrings(locale)
    const link = url(data.url ?? '/')
    const blocks: MailBlock[] = [
      { kind: 'paragraph', text: s.greeting(data.recipientName) },
      { kind: 'paragraph', text: s.welcomeBody(org) },
    ]
    if (link) blocks.push({ kind: 'action', label: s.welcomeAction, url: link, fallback: s.linkFallback })
    return { subject: s.welcomeSubject(org), preheader: s.welcomeBody(org), title: s.welcomeTitle, blocks }
  },
  'email-verification'(data, { locale, org, url }) {
    const s = mailStrings(locale)
    const link = required(url(data.url), 'url')
    return {
      subject: s.verifySubject(org),
      preheader: s.verifyBody,
      title: s.verifyTitle,
      blocks: [
        { kind: 'paragraph', text: s.greeting(data.recipientName) },
        { kind: 'paragraph', text: s.verifyBody },
        { kind: 'action', label: s.verifyAction, url: link, fallback: s.linkFallback },
      ],
    }
  },
  'password-reset'(data, { locale, org, url }) {
    const s = mailStrings(locale)
    const link = required(url(data.url), 'url')
    return {
      subject: s.resetSubject(org),
      preheader: s.resetBody,
      title: s.resetTitle,
      blocks: [
        { kind: 'paragraph', text: s.greeting(data.recipientName) },
        { kind: 'paragraph', text: s.resetBody },
        { kind: 'action', label: s.resetAction, url: link, fallback: s.linkFallback },
        { kind: 'paragraph', text: s.resetIgnore },
      ],
    }
  },
  invitation(data, { locale, url, date }) {
    const s = mailStrings(locale)
    const link = required(url(data.url), 'url')
    const role = s.roles[data.role] ?? data.role
    return {
      subject: s.inviteSubject(data.orgName),
      preheader: s.inviteBody(data.orgName, role, data.inviterName ?? null),
      title: s.inviteTitle(data.orgName),
      blocks: [
        { kind: 'paragraph', text: s.inviteBody(data.orgName, role, data.inviterName ?? null) },
        { kind: 'paragraph', text: s.inviteExpires(date(data.expiresAt)) },
        { kind: 'action', label: s.inviteAction, url: link, fallback: s.linkFallback },
      ],
    }
  },
  notification(data, { locale, url }) {
    const s = mailStrings(locale)
    const link = url(data.url)
    const blocks: MailBlock[] = [
      { kind: 'paragraph', text: s.greeting(data.recipientName) },
      { kind: 'paragraph', text: data.body },
    ]
    if (link)
      blocks.push({
        kind: 'action',
        label: data.actionLabel || s.notificationAction,
        url: link,
        fallback: s.linkFallback,
      })
    return { subject: data.title, preheader: data.body, title: data.title, blocks }
  },
  digest(data, { locale, url, date }) {
    const s = mailStrings(locale)
    const blocks: MailBlock[] = [
      { kind: 'paragraph', text: s.greeting(data.recipientName) },
      { kind: 'paragraph', text: data.items.length ? s.digestIntro(data.items.length) : s.digestEmpty },
    ]
    for (const item of data.items) {
      const link = url(item.url)
      blocks.push({
        kind: 'item',
        title: item.title,
        body: item.body,
        meta: date(item.occurredAt, true),
        ...(link ? { url: link, linkLabel: s.open } : {}),
      })
    }
    return {
      subject: s.digestSubject(data.period, data.items.length),
      preheader: data.items.map((i) => i.title).join(' · '),
      title: s.digestTitle(data.period),
      blocks,
    }
  },
  newsletter(data, { locale, url }) {
    const s = mailStrings(locale)
    const blocks: MailBlock[] = data.intro ? [{ kind: 'paragraph', text: data.intro }] : []
    for (const section of data.sections) {
      const link = url(section.url)
      blocks.push({ kind: 'heading', text: section.heading }, { kind: 'paragraph', text: section.body })
      if (link) blocks.push({ kind: 'action', label: section.linkLabel || s.open, url: link })
    }
    return {
      subject: data.title,
      preheader: data.intro || data.sections[0]?.heading || data.title,
      title: data.title,
      blocks,
    }
  },
}

function required(value: string | null, field: string): string {
  if (!value) throw new Error(`Mail data: ${field} must be an http(s) URL`)
  return value
}

/**
 * Pure: subject + responsive HTML + plain text for a template, in Spanish or English, with the
 * org's branding. Every value is escaped in the HTML; links are made absolute against `baseUrl`
 * (a link that is not http(s) is dropped; a required one throws).
 */
export function renderMail<T extends MailTemplateName>(
  template: T,
  data: TemplateData[T],
  options: RenderOptions,
): RenderedMail {
  const brand = brandOf(options.branding)
  const timeZone = options.timeZone ?? 'America/Bogota'
  const build = templates[template] as Build<T>
  const content = build(data, {
    locale: options.locale,
    org: brand.orgName,
    url: (u) => absoluteUrl(u, options.baseUrl),
    date: (d, withTime = false) => formatDate(d, options.locale, timeZone, withTime),
  })
  const s = mailStrings(options.locale)
  const footer = [s.footer(brand.orgName), options.tracking ? s.trackingNotice : ''].filter(Boolean).join(' ')
  const full: MailContent = { ...content, footer }
  return {
    subject: full.subject.replace(/[\r\n]+/g, ' ').trim(),
    html: layoutHtml(full, brand, options.locale, options.tracking),
    text: layoutText(full, options.tracking),
  }
}
