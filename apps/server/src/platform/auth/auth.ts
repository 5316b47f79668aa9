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
