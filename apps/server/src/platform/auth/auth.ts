import type { IncomingHttpHeaders } from 'node:http'
import { betterAuth } from 'better-auth'
import { drizzleAdapter } from 'better-auth/adapters/drizzle'
import { APIError, createAuthMiddleware, isAPIError } from 'better-auth/api'
import { fromNodeHeaders } from 'better-auth/node'
import { bearer, genericOAuth, jwt, twoFactor } from 'better-auth/plugins'
import { uuidv7 } from 'uuidv7'
import type { Config } from '../config.ts'
import type { Db } from '../db/connection.ts'
import { accountMail } from '../mail/account-mail.ts'
import type { Mailer } from '../mail/mailer.ts'
import { accounts, jwks, sessions, twoFactors, users, verifications } from './auth.tables.ts'
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from './password-policy.ts'
import { lockedUntil, recordSecurityEvent, type SecurityEventType } from './security-log.ts'

/** Paths whose body carries a new password, and where that password sits in the body. */
const passwordFields: Record<string, string> = {
  '/sign-up/email': 'password',
  '/reset-password': 'newPassword',
  '/change-password': 'newPassword',
}

export function makeAuth(db: Db, config: Config, mailer: Mailer) {
  const mail = accountMail(mailer, config.baseUrl)
  return betterAuth({
    appName: 'Minga',
    baseURL: config.baseUrl,
    basePath: '/api/auth',
    secret: config.authSecret,
    trustedOrigins: config.trustedOrigins,
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: {
        user: users,
        session: sessions,
        account: accounts,
        verification: verifications,
        twoFactor: twoFactors,
        jwks,
      },
    }),
    emailAndPassword: {
      enabled: true,
      autoSignIn: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      resetPasswordTokenExpiresIn: 60 * 60,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: ({ user, url }, request) => mail.passwordReset(user, url, request),
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      sendVerificationEmail: ({ user, url }, request) => mail.verification(user, url, request),
      // The welcome mail goes once the address is confirmed, so it never reaches a mistyped address.
      afterEmailVerification: (user, request) => mail.welcome(user, request),
    },
    ...(config.github ? { socialProviders: { github: config.github } } : {}),
    plugins: [
      // bearer(): API clients send `Authorization: Bearer <session token>` instead of the cookie.
      bearer(),
      twoFactor({ issuer: 'Minga', backupCodeOptions: { amount: 10, length: 10 } }),
      // jwt(): other ecosystem apps get a short-lived JWT at /api/auth/token and verify it with /api/auth/jwks.
      jwt({ jwt: { issuer: config.baseUrl, audience: config.baseUrl, expirationTime: '15m' } }),
      ...(config.oidc
        ? [
            genericOAuth({
              config: [
                {
                  providerId: 'oidc',
                  name: config.oidc.name,
                  discoveryUrl: `${config.oidc.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
                  clientId: config.oidc.clientId,
                  clientSecret: config.oidc.clientSecret,
                  scopes: ['openid', 'email', 'profile'],
                  pkce: true,
                  requireIdTokenVerification: true,
                },
              ],
            }),
          ]
        : []),
    ],
    // Explicit: Better Auth turns the Origin (CSRF) check off when it detects a test runner, and the
    // tests must see what production does.
    advanced: { database: { generateId: () => uuidv7() }, disableOriginCheck: false },
    // Our own per-route limits (stricter on /api/auth) replace Better Auth's in-memory limiter,
    // so limits are shared through Redis across instances.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    logger: { disabled: config.env === 'test' },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        const field = passwordFields[ctx.path]
        const body = (ctx.body ?? {}) as Record<string, unknown>
        const password = field ? body[field] : undefined
        if (typeof password === 'string') {
          const problem = passwordProblem(password, typeof body.email === 'string' ? body.email : undefined)
          if (problem) throw new APIError('BAD_REQUEST', problem)
        }
        if (ctx.path === '/sign-in/email' && typeof body.email === 'string') {
          const until = await lockedUntil(db, body.email)
          if (until) {
            await recordSecurityEvent(db, {
              type: 'sign_in.locked',
              email: body.email,
              ...clientOf(ctx.request),
            })
            const minutes = Math.ceil((until.getTime() - Date.now()) / 60_000)
            throw new APIError('TOO_MANY_REQUESTS', {
              code: 'ACCOUNT_LOCKED',
              message: `Too many failed sign-in attempts. Try again in ${minutes} minute(s).`,
            })
          }
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        const event = securityEventFor(ctx.path, ctx.context.returned)
        if (!event) return
        const body = (ctx.body ?? {}) as Record<string, unknown>
        const email =
          typeof body.email === 'string' ? body.email : (ctx.context.newSession?.user.email ?? null)
        // A failed sign-in has no session: attribute it to the account of that address, if any.
        const userId =
          ctx.context.newSession?.user.id ??
          ctx.context.session?.user.id ??
          (email ? ((await ctx.context.internalAdapter.findUserByEmail(email))?.user.id ?? null) : null)
        await recordSecurityEvent(db, { type: event, userId, email, ...clientOf(ctx.request) })
      }),
    },
  })
}

const clientOf = (request: Request | undefined) => ({
  ip: request?.headers.get('x-forwarded-for')?.split(',')[0]?.trim() ?? null,
  userAgent: request?.headers.get('user-agent') ?? null,
})

/** Which security event an auth call produced, judged by its path and outcome. */
function securityEventFor(path: string, returned: unknown): SecurityEventType | null {
  const failed = isAPIError(returned)
  const twoFactorPending =
    (returned as { twoFactorRedirect?: boolean } | undefined)?.twoFactorRedirect === true
  switch (path) {
    case '/sign-in/email':
      if (failed) return 'sign_in.failed'
      return twoFactorPending ? null : 'sign_in.succeeded'
    case '/two-factor/verify-totp':
    case '/two-factor/verify-backup-code':
      // A wrong code is counted (and locked out) by the two-factor plugin itself.
      return failed ? null : 'sign_in.succeeded'
    case '/two-factor/enable':
      return failed ? null : 'two_factor.enabled'
    case '/two-factor/disable':
      return failed ? null : 'two_factor.disabled'
    case '/change-password':
      return failed ? null : 'password.changed'
    case '/reset-password':
      return failed ? null : 'password.reset'
    case '/request-password-reset':
      return 'password.reset_requested'
    case '/revoke-session':
    case '/revoke-sessions':
    case '/revoke-other-sessions':
      return failed ? null : 'session.revoked'
    case '/sign-out':
      return 'sign_out'
    default:
      return null
  }
}

export type Auth = ReturnType<typeof makeAuth>

export type SessionUser = {
  id: string
  email: string
  name: string
  emailVerified: boolean
  twoFactorEnabled: boolean
}

/** Resolves the signed-in user from the session cookie or a bearer token; null when anonymous. */
export async function sessionUser(auth: Auth, headers: IncomingHttpHeaders): Promise<SessionUser | null> {
  const session = await auth.api.getSession({ headers: fromNodeHeaders(headers) })
  if (!session) return null
  const { id, email, name, emailVerified } = session.user
  return { id, email, name, emailVerified, twoFactorEnabled: Boolean(session.user.twoFactorEnabled) }
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
