import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'

/** What a signed file link allows: download one file, or upload one file as one user. */
const TokenPayload = z.discriminatedUnion('a', [
  z.object({ a: z.literal('get'), o: z.uuid(), f: z.uuid(), e: z.number().int() }),
  z.object({
    a: z.literal('put'),
    o: z.uuid(),
    u: z.uuid().nullable(),
    n: z.string().min(1).max(255),
    m: z.string().max(255).optional(),
    e: z.number().int(),
  }),
])
export type TokenPayload = z.infer<typeof TokenPayload>

export type TokenCheck = { ok: true; payload: TokenPayload } | { ok: false; reason: 'tampered' | 'expired' }

/** A key of its own, derived from the app secret, so a file link can never verify as anything else. */
const keyOf = (secret: string) => createHash('sha256').update(`minga-files\0${secret}`).digest()

const mac = (secret: string, body: string) =>
  createHmac('sha256', keyOf(secret)).update(body).digest('base64url')

/** `<payload>.<hmac>`, URL-safe; the payload is readable (ids and expiry only, no secrets). */
export function signToken(secret: string, payload: TokenPayload): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url')
  return `${body}.${mac(secret, body)}`
}

export function verifyToken(secret: string, token: string, now: Date): TokenCheck {
  const [body, signature, extra] = token.split('.')
  if (!body || !signature || extra !== undefined) return { ok: false, reason: 'tampered' }
  const expected = Buffer.from(mac(secret, body))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'tampered' }
  }
  let json: unknown
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    return { ok: false, reason: 'tampered' }
  }
  const parsed = TokenPayload.safeParse(json)
  if (!parsed.success) return { ok: false, reason: 'tampered' }
  if (parsed.data.e * 1000 <= now.getTime()) return { ok: false, reason: 'expired' }
  return { ok: true, payload: parsed.data }
}
