import { and, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { withOrg } from '../db/with-org.ts'
import { AppError } from '../http/app-error.ts'
import type { AppInstance } from '../http/app-instance.ts'
import { mailMessages, mailTrackingEvents } from './mail.tables.ts'
import { isHttpUrl, verify } from './tracking.ts'

// A transparent 1×1 GIF.
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')
const TRACKING_RATE_LIMIT = { max: 120, timeWindow: '1 minute' }

const Uuid = z.string().uuid()
const Signature = z.string().regex(/^[A-Za-z0-9_-]{43}$/)

function tampered(): never {
  throw new AppError('bad_request', 'Invalid or tampered tracking link')
}

/** Records an open or click; mail without tracking (or unknown) is ignored, never an error. */
async function record(
  app: AppInstance,
  orgId: string,
  messageId: string,
  kind: 'open' | 'click',
  url: string | null,
) {
  await withOrg(app.platform.database.db, orgId, async (tx) => {
    const counter = kind === 'open' ? mailMessages.openCount : mailMessages.clickCount
    const updated = await tx
      .update(mailMessages)
      .set(kind === 'open' ? { openCount: sql`${counter} + 1` } : { clickCount: sql`${counter} + 1` })
      .where(
        and(eq(mailMessages.orgId, orgId), eq(mailMessages.id, messageId), eq(mailMessages.tracked, true)),
      )
      .returning({ id: mailMessages.id })
    if (updated.length === 0) return
    await tx.insert(mailTrackingEvents).values({ orgId, messageId, kind, url })
  })
}

/** Open pixel and signed click redirects. Public (mail clients have no session) and rate-limited. */
export function registerMailTrackingRoutes(app: AppInstance) {
  const secret = app.platform.config.authSecret

  app.get(
    '/api/mail/open/:orgId/:messageId/:signature',
    {
      config: { access: 'public', rateLimit: TRACKING_RATE_LIMIT },
      schema: {
        hide: true,
        params: z.object({ orgId: Uuid, messageId: Uuid, signature: z.string().max(64) }),
      },
    },
    async (request, reply) => {
      const { orgId, messageId } = request.params
      const signature = request.params.signature.replace(/\.gif$/, '')
      if (!Signature.safeParse(signature).success) tampered()
      if (!verify(secret, ['open', orgId, messageId], signature)) tampered()
      await record(app, orgId, messageId, 'open', null)
      reply.header('cache-control', 'no-store, private').type('image/gif')
      return reply.send(PIXEL)
    },
  )

  app.get(
    '/api/mail/click',
    {
      config: { access: 'public', rateLimit: TRACKING_RATE_LIMIT },
      schema: {
        hide: true,
        querystring: z.object({ o: Uuid, m: Uuid, u: z.string().min(1).max(4000), s: z.string().max(64) }),
      },
    },
    async (request, reply) => {
      const { o, m, u, s } = request.query
      if (!Signature.safeParse(s).success || !verify(secret, ['click', o, m, u], s)) tampered()
      // Signed URLs are always http(s) (renderMail drops anything else); check again all the same.
      if (!isHttpUrl(u)) tampered()
      await record(app, o, m, 'click', u)
      reply.header('cache-control', 'no-store, private')
      return reply.redirect(u, 302)
    },
  )
}
