/**
 * What a template produces: plain strings and links, never markup. The layout turns one content
 * into both the HTML and the text version, so the two always say the same and carry the same links.
 */
export type MailBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'action'; label: string; url: string; fallback?: string }
  | { kind: 'item'; title: string; body: string; meta?: string; url?: string; linkLabel?: string }
  | { kind: 'heading'; text: string }

export type MailContent = {
  subject: string
  /** Preview line most clients show next to the subject. */
  preheader: string
  title: string
  blocks: MailBlock[]
  footer: string
}
