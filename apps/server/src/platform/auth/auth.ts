import type { IncomingHttpHeaders } from 'node:http'
import { betterAuth } from 'better-auth'
import { drizzleAdapter } from 'better-auth/adapters/drizzle'
import { fromNodeHeaders } from 'better-auth/node'
import { bearer } from 'better-auth/plugins'
import { uuidv7 } from 'uuidv7'
import type { Config } from '../config.ts'
import type { Db } from '../db/connection.ts'
import { accounts, sessions, users, verifications } from './auth.tables.ts'

export const MIN_PASSWORD_LENGTH = 10

export function makeAuth(db: Db, config: Config) {
  return betterAuth({
    appName: 'Minga',
    baseURL: config.baseUrl,
    basePath: '/api/auth',
    secret: config.authSecret,
    trustedOrigins: config.trustedOrigins,
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    emailAndPassword: { enabled: true, autoSignIn: true, minPasswordLength: MIN_PASSWORD_LENGTH },
    // bearer(): API clients send `Authorization: Bearer <session token>` instead of the cookie.
    plugins: [bearer()],
    advanced: { database: { generateId: () => uuidv7() } },
    // Our own per-route limits (stricter on /api/auth) replace Better Auth's in-memory limiter,
    // so limits are shared through Redis across instances.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    logger: { disabled: config.env === 'test' },
  })
}

export type Auth = ReturnType<typeof makeAuth>

export type SessionUser = { id: string; email: string; name: string; emailVerified: boolean }

/** Resolves the signed-in user from the session cookie or a bearer token; null when anonymous. */
export async function sessionUser(auth: Auth, headers: IncomingHttpHeaders): Promise<SessionUser | null> {
  const session = await auth.api.getSession({ headers: fromNodeHeaders(headers) })
  if (!session) return null
  const { id, email, name, emailVerified } = session.user
  return { id, email, name, emailVerified }
}

/** The session credential a request carries (bearer token or session cookie), if any. */
export function sessionCredential(headers: IncomingHttpHeaders): string | undefined {
  const bearer = headers.authorization?.match(/^Bearer\s+(.+)$/i)?.[1]
  if (bearer) return `b:${bearer}`
  const cookie = /(?:^|;\s*)(?:__Secure-)?better-auth\.session_token=([^;]+)/.exec(headers.cookie ?? '')?.[1]
  return cookie ? `c:${cookie}` : undefined
}

/**
 * Remembers resolved sessions for a few seconds, so an API burst costs one session lookup instead
 * of one per request (the same trade-off as Better Auth's cookie cache, but for bearer tokens too).
 * Sign-out and session revocation through this server clear it at once; another instance sees a
 * revocation within `ttlMs`. Memberships and permissions are never cached.
 */
export class SessionCache {
  private readonly entries = new Map<string, { user: SessionUser | null; expires: number }>()
  private readonly ttlMs: number
  private readonly maxEntries: number

  constructor(ttlMs: number, maxEntries = 10_000) {
    this.ttlMs = ttlMs
    this.maxEntries = maxEntries
  }

  async resolve(auth: Auth, headers: IncomingHttpHeaders): Promise<SessionUser | null> {
    const credential = sessionCredential(headers)
    if (!credential) return null
    if (this.ttlMs <= 0) return sessionUser(auth, headers)
    const now = Date.now()
    const hit = this.entries.get(credential)
    if (hit && hit.expires > now) return hit.user
    const user = await sessionUser(auth, headers)
    // Only positive answers are kept: a session created a moment later must work at once.
    if (user) {
      if (this.entries.size >= this.maxEntries)
        this.entries.delete(this.entries.keys().next().value as string)
      this.entries.set(credential, { user, expires: now + this.ttlMs })
    }
    return user
  }

  clear() {
    this.entries.clear()
  }
}
