import { createHash } from 'node:crypto'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Redis } from 'ioredis'
import { sessionCredential } from '../auth/auth.ts'

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

export async function installSecurity(
  app: FastifyInstance,
  options: { rateLimitPerMinute: number; redis: Redis | undefined },
) {
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
