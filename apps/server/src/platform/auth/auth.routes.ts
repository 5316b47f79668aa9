import { fromNodeHeaders } from 'better-auth/node'
import type { FastifyInstance } from 'fastify'
import type { Auth, SessionCache } from './auth.ts'

/** Auth calls that end sessions or change what a session knows (2FA): the session cache forgets everything after them. */
const endsSessions =
  /\/(sign-out|revoke-session|revoke-sessions|revoke-other-sessions|change-password|delete-user|two-factor\/(enable|disable|verify-totp))$/

/**
 * Mounts Better Auth's handler at /api/auth/*: Fastify's request is turned into a Fetch Request
 * and the Response copied back, keeping every Set-Cookie header.
 */
export function registerAuthRoutes(
  app: FastifyInstance,
  auth: Auth,
  sessions: SessionCache,
  authRateLimitPerMinute: number,
) {
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    config: {
      access: 'public',
      rateLimit: { max: authRateLimitPerMinute, timeWindow: '1 minute' },
    },
    schema: { hide: true },
    async handler(request, reply) {
      const url = new URL(request.url, `http://${request.headers.host ?? 'localhost'}`)
      const hasBody = request.method !== 'GET' && request.body !== undefined && request.body !== null
      const response = await auth.handler(
        new Request(url, {
          method: request.method,
          headers: fromNodeHeaders(request.headers),
          ...(hasBody ? { body: JSON.stringify(request.body) } : {}),
        }),
      )
      if (endsSessions.test(url.pathname)) sessions.clear()
      reply.status(response.status)
      response.headers.forEach((value, key) => {
        if (key !== 'set-cookie') reply.header(key, value)
      })
      const cookies = response.headers.getSetCookie()
      if (cookies.length) reply.header('set-cookie', cookies)
      return reply.send(response.body ? await response.text() : null)
    },
  })
}
