import { escapeHtml } from './escape-html.ts'
import type { MailContent } from './mail-content.ts'
import type { MailLocale, MailTracking } from './mail-types.ts'

export type LayoutBrand = { orgName: string; logoUrl: string | null; color: string }

// Colours chosen to read on both light and dark clients: the card keeps its own white background
// and dark text (clients that invert colours invert both), and the button text is white on the accent.
const INK = '#1f2933'
const MUTED = '#52606d'
const PAGE = '#f0f4f3'
const CARD = '#ffffff'

/** The responsive HTML (table layout, inline styles, max 600px) for a content. */
export function layoutHtml(
  content: MailContent,
  brand: LayoutBrand,
  locale: MailLocale,
  tracking?: MailTracking,
): string {
  const link = (url: string) => escapeHtml(tracking ? tracking.wrapLink(url) : url)
  const color = escapeHtml(brand.color)
  const blocks = content.blocks
    .map((block) => {
      switch (block.kind) {
        case 'heading':
          return `<tr><td style="padding:16px 32px 0 32px;font-size:18px;font-weight:bold;color:${INK};">${escapeHtml(block.text)}</td></tr>`
        case 'paragraph':
          return `<tr><td style="padding:12px 32px 0 32px;font-size:16px;line-height:24px;color:${INK};">${escapeHtml(block.text)}</td></tr>`
        case 'action':
          return `<tr><td style="padding:24px 32px 8px 32px;" align="left">
<table role="presentation" cellspacing="0" cellpadding="0" border="0"><tr><td style="border-radius:6px;background-color:${color};" bgcolor="${color}">
<a href="${link(block.url)}" style="display:inline-block;padding:12px 24px;font-size:16px;font-weight:bold;color:#ffffff;text-decoration:none;border-radius:6px;">${escapeHtml(block.label)}</a>
</td></tr></table></td></tr>
<tr><td style="padding:8px 32px 0 32px;font-size:13px;line-height:20px;color:${MUTED};word-break:break-all;">${block.fallback ? `${escapeHtml(block.fallback)}<br>` : ''}<a href="${link(block.url)}" style="color:${color};">${escapeHtml(block.url)}</a></td></tr>`
        default: // item
          return `<tr><td style="padding:12px 32px 0 32px;">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="border-left:4px solid ${color};"><tr><td style="padding:4px 12px;">
<div style="font-size:16px;font-weight:bold;color:${INK};">${block.url ? `<a href="${link(block.url)}" style="color:${INK};">${escapeHtml(block.title)}</a>` : escapeHtml(block.title)}</div>
${block.meta ? `<div style="font-size:13px;color:${MUTED};">${escapeHtml(block.meta)}</div>` : ''}
<div style="font-size:15px;line-height:22px;color:${INK};">${escapeHtml(block.body)}</div>
${block.url && block.linkLabel ? `<div style="padding-top:4px;"><a href="${link(block.url)}" style="color:${color};font-size:14px;">${escapeHtml(block.linkLabel)}</a></div>` : ''}
</td></tr></table></td></tr>`
      }
    })
    .join('\n')
  const logo = brand.logoUrl
    ? `<img src="${escapeHtml(brand.logoUrl)}" alt="${escapeHtml(brand.orgName)}" height="40" style="display:block;height:40px;max-width:200px;border:0;">`
    : `<span style="font-size:20px;font-weight:bold;color:#ffffff;">${escapeHtml(brand.orgName)}</span>`
  const pixel = tracking
    ? `<img src="${escapeHtml(tracking.pixelUrl)}" width="1" height="1" alt="" style="display:block;width:1px;height:1px;border:0;">`
    : ''
  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${escapeHtml(content.subject)}</title>
</head>
<body style="margin:0;padding:0;background-color:${PAGE};font-family:Arial,Helvetica,sans-serif;">
<div style="display:none;max-height:0;overflow:hidden;">${escapeHtml(content.preheader)}</div>
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" bgcolor="${PAGE}" style="background-color:${PAGE};">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0" style="max-width:600px;width:100%;background-color:${CARD};border-radius:8px;" bgcolor="${CARD}">
<tr><td style="padding:20px 32px;background-color:${color};border-radius:8px 8px 0 0;" bgcolor="${color}">${logo}</td></tr>
<tr><td style="padding:24px 32px 0 32px;font-size:22px;font-weight:bold;line-height:30px;color:${INK};">${escapeHtml(content.title)}</td></tr>
${blocks}
<tr><td style="padding:32px 32px 24px 32px;font-size:12px;line-height:18px;color:${MUTED};">${escapeHtml(content.footer)}</td></tr>
</table>
${pixel}
</td></tr>
</table>
</body>
</html>`
}

/** The plain-text version: same words, every link written out. */
export function layoutText(content: MailContent, tracking?: MailTracking): string {
  const link = (url: string) => (tracking ? tracking.wrapLink(url) : url)
  const lines: string[] = [content.title, '']
  for (const block of content.blocks) {
    switch (block.kind) {
      case 'heading':
        lines.push('', block.text.toUpperCase())
        break
      case 'paragraph':
        lines.push(block.text, '')
        break
      case 'action':
        lines.push(`${block.label}: ${link(block.url)}`, '')
        break
      case 'item':
        lines.push(`- ${block.title}${block.meta ? ` (${block.meta})` : ''}`, `  ${block.body}`)
        if (block.url) lines.push(`  ${link(block.url)}`)
        lines.push('')
        break
    }
  }
  lines.push('--', content.footer)
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n')}\n`
}
