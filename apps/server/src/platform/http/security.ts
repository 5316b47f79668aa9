import { createHash } from 'node:crypto'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Redis } from 'ioredis'
import { sessionCredential } from '../auth/auth.ts'
import { sendProblem } from './error-handler.ts'

const appCsp = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"], // Mantine injects style tags at runtime
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'", 'ws:', 'wss:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
}

/** The API reference page runs an inline bootstrap script; only its own pages get this policy. */
const docsCsp =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'"

/** Rate limits count per signed-in session when there is one, else per IP address. */
function rateLimitKey(request: FastifyRequest): string {
  const credential = sessionCredential(request.headers)
  if (credential) return `s:${createHash('sha256').update(credential).digest('hex').slice(0, 32)}`
  return `ip:${request.ip}`
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * CSRF: a write authenticated by the session cookie must come from one of our origins. Bearer
 * clients are not affected (a browser never attaches a bearer token by itself). Better Auth checks
 * /api/auth itself.
 */
function refuseCrossSiteWrites(app: FastifyInstance, trustedOrigins: string[]) {
  app.addHook('onRequest', async (request, reply) => {
    if (!unsafeMethods.has(request.method) || !request.url.startsWith('/api/v1/')) return
    const credential = sessionCredential(request.headers)
    if (!credential?.startsWith('c:')) return
    const origin = request.headers.origin ?? refererOrigin(request.headers.referer)
    if (origin && trustedOrigins.includes(origin)) return
    return sendProblem(
      request,
      reply,
      'forbidden',
      'Cross-site request refused: send it from the Minga web app',
    )
  })
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined
  try {
    return new URL(referer).origin
  } catch {
    return undefined
  }
}

export async function installSecurity(
  app: FastifyInstance,
  options: { rateLimitPerMinute: number; redis: Redis | undefined; trustedOrigins: string[] },
) {
  refuseCrossSiteWrites(app, options.trustedOrigins)
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: appCsp },
    crossOriginEmbedderPolicy: false,
  })
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/docs')) reply.header('content-security-policy', docsCsp)
  })
  await app.register(rateLimit, {
    global: true,
    max: options.rateLimitPerMinute,
    timeWindow: '1 minute',
    keyGenerator: rateLimitKey,
    // The web app's static files are not limited; every API route is (stricter ones set their own).
    allowList: (request) => !request.url.startsWith('/api/'),
    ...(options.redis ? { redis: options.redis, nameSpace: 'minga-rl:' } : {}),
  })
}
