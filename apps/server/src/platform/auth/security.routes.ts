import { PageQuery, pageOf } from '@minga/contracts'
import { z } from 'zod'
import { AppError } from '../http/app-error.ts'
import type { AppInstance } from '../http/app-instance.ts'
import { orgRoute } from '../http/org-route.ts'
import { decodeCursor, toPage } from '../http/pagination.ts'
import { listSecurityEvents, type SecurityEventRow } from './security-log.ts'

export const SecurityEvent = z
  .object({
    id: z.string(),
    occurredAt: z.string(),
    type: z.string(),
    userId: z.string().nullable(),
    email: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
  })
  .meta({ id: 'SecurityEvent' })
const SecurityEventPage = pageOf(SecurityEvent)

const toDto = (row: SecurityEventRow) => ({
  id: row.id,
  occurredAt: row.occurredAt.toISOString(),
  type: row.type,
  userId: row.userId,
  email: row.email,
  ip: row.ip,
  userAgent: row.userAgent,
})

/** The security log: each user reads their own; org admins read their org's. */
export function registerSecurityRoutes(app: AppInstance) {
  app.get(
    '/api/v1/me/security-events',
    {
      config: { access: 'authenticated' },
      schema: {
        summary: 'My security log (sign-ins, failures, 2FA and password changes), newest first',
        tags: ['account'],
        querystring: PageQuery,
        response: { 200: SecurityEventPage },
      },
    },
    async (request) => {
      if (!request.user) throw new AppError('unauthenticated', 'Sign in to continue')
      const before = decodeCursor(request.query.cursor)
      const rows = await listSecurityEvents(app.platform.database.db, {
        userId: request.user.id,
        limit: request.query.limit,
        ...(before ? { before } : {}),
      })
      const page = toPage(rows, request.query.limit, (r) => r.id)
      return { items: page.items.map(toDto), nextCursor: page.nextCursor }
    },
  )

  orgRoute(app, {
    method: 'GET',
    url: '/security-events',
    permission: 'audit:read',
    schema: {
      summary: 'Security log of the org (role changes and other org-scoped security events)',
      tags: ['audit'],
      querystring: PageQuery,
      response: { 200: SecurityEventPage },
    },
    async handler(ctx, { query }) {
      const before = decodeCursor(query.cursor)
      const rows = await listSecurityEvents(ctx.db, {
        orgId: ctx.orgId,
        limit: query.limit,
        ...(before ? { before } : {}),
      })
      const page = toPage(rows, query.limit, (r) => r.id)
      return { items: page.items.map(toDto), nextCursor: page.nextCursor }
    },
  })
}
