import { createHmac, timingSafeEqual } from 'node:crypto'
import type { MailTracking } from './mail-types.ts'

/**
 * Signed tracking URLs. The key is derived from the auth secret (never the secret itself), and every
 * URL signs exactly what the server will act on: org, message and, for clicks, the destination. A
 * redirect therefore only ever goes to a link the server itself put in a mail: no open redirect.
 */
export type TrackingKeys = { baseUrl: string; secret: string }

function key(secret: string): Buffer {
  return createHmac('sha256', secret).update('minga-mail-tracking-v1').digest()
}

export function sign(secret: string, parts: string[]): string {
  return createHmac('sha256', key(secret)).update(parts.join('\n')).digest('base64url')
}

export function verify(secret: string, parts: string[], signature: string): boolean {
  const expected = Buffer.from(sign(secret, parts))
  const given = Buffer.from(signature)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

/** Only absolute http(s) URLs may be a click's destination. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

export function trackingFor(keys: TrackingKeys, orgId: string, messageId: string): MailTracking {
  const base = keys.baseUrl.replace(/\/$/, '')
  return {
    pixelUrl: `${base}/api/mail/open/${orgId}/${messageId}/${sign(keys.secret, ['open', orgId, messageId])}.gif`,
    wrapLink(url) {
      const params = new URLSearchParams({
        o: orgId,
        m: messageId,
        u: url,
        s: sign(keys.secret, ['click', orgId, messageId, url]),
      })
      return `${base}/api/mail/click?${params.toString()}`
    },
  }
}
