import { OrgSlug } from '@minga/contracts'
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify'
import { z } from 'zod'
import { authorizeMember } from '../access/access-hook.ts'
import { bindContextAccess, getRequestAccess } from '../access/effective-permissions.ts'
import { type Tx, withOrg } from '../db/with-org.ts'
import type { ServiceContext } from '../service-context.ts'
import { AppError } from './app-error.ts'
import type { AppInstance, OrgAccess } from './app-instance.ts'
import { claimIdempotencyKey, requestHash, storeIdempotentResponse } from './idempotency.ts'

type RouteSchema = {
  summary: string
  description?: string
  tags?: string[]
  params?: z.ZodObject
  querystring?: z.ZodType
  body?: z.ZodType
  response: Record<number, z.ZodType>
}

type Parsed<T> = T extends z.ZodType ? z.infer<T> : undefined

export type OrgRouteInput<S extends RouteSchema> = {
  params: Parsed<S['params']>
  query: Parsed<S['querystring']>
  body: Parsed<S['body']>
  request: FastifyRequest
  reply: FastifyReply
  /**
   * Runs `fn` after the transaction commits (send mail, call another service): never inside it,
   * where a second connection would deadlock on embedded PGlite. Failures are logged, not thrown.
   */
  afterCommit: (fn: () => Promise<void>) => void
}

export type OrgRouteDef<S extends RouteSchema> = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Path below `/api/v1/orgs/:org`, e.g. `/announcements/:id`. */
  url: string
  permission: string
  /** Accept `Idempotency-Key`: a retry returns the first response and never applies twice. */
  idempotent?: boolean
  rateLimitPerMinute?: number
  schema: S
  handler: (ctx: ServiceContext, input: OrgRouteInput<S>) => Promise<unknown>
}

const IdempotencyKey = z.string().min(8).max(255)

/**
 * Declares an org-scoped route: the access hook has checked membership and permission; this runs
 * the handler inside one transaction scoped to the org (RLS on), with its audit rows, outbox events
 * and idempotency record, so a failure leaves nothing half-written.
 */
export function orgRoute<S extends RouteSchema>(app: AppInstance, def: OrgRouteDef<S>) {
  const params = z.object({ org: OrgSlug }).extend(def.schema.params?.shape ?? {})
  const url = `/api/v1/orgs/:org${def.url === '/' ? '' : def.url}`
  // Registered untyped: the handler's own input types come from `S`, which Fastify cannot infer here.
  ;(app as unknown as FastifyInstance).route({
    method: def.method,
    url,
    schema: { ...def.schema, params, tags: def.schema.tags ?? [] } as FastifySchema,
    attachValidation: true,
    config: {
      access: { permission: def.permission },
      orgScoped: true,
      ...(def.rateLimitPerMinute
        ? { rateLimit: { max: def.rateLimitPerMinute, timeWindow: '1 minute' } }
        : {}),
    },
    async handler(request, reply): Promise<unknown> {
      const user = request.user
      if (!user) throw new AppError('unauthenticated', 'Sign in to continue')
      const { database } = app.platform
      const afterCommit: (() => Promise<void>)[] = []
      const inScope = async (tx: Tx, access: OrgAccess) => {
        // Input errors are answered only to callers allowed here (attachValidation defers them).
        if (request.validationError) throw request.validationError
        const header = def.idempotent ? request.headers['idempotency-key'] : undefined
        const key = typeof header === 'string' ? header : undefined
        if (header !== undefined && !IdempotencyKey.safeParse(header).success) {
          throw new AppError('validation_failed', 'Invalid Idempotency-Key', [
            { path: 'headers.idempotency-key', message: 'Must be 8 to 255 characters' },
          ])
        }
        const ctx: ServiceContext = {
          db: tx,
          orgId: access.org.id,
          actor: { userId: user.id, role: access.role },
          requestId: request.id,
          now: new Date(),
          ip: request.ip ?? null,
        }
        bindContextAccess(ctx, getRequestAccess(request))
        const claim = key
          ? { orgId: access.org.id, key, userId: user.id, route: `${def.method} ${url}` }
          : undefined
        if (claim) {
          const hash = requestHash(def.method, request.url, request.body)
          const stored = await claimIdempotencyKey(tx, { ...claim, hash })
          if (stored) return { replayed: true, statusCode: stored.statusCode, body: stored.body }
        }
        const body = await def.handler(ctx, {
          params: request.params as Parsed<S['params']>,
          query: request.query as Parsed<S['querystring']>,
          body: request.body as Parsed<S['body']>,
          request,
          reply,
          afterCommit: (fn) => afterCommit.push(fn),
        })
        if (claim) await storeIdempotentResponse(tx, claim, { statusCode: reply.statusCode, body })
        return { replayed: false, statusCode: reply.statusCode, body }
      }
      // API keys were authorized by the access hook; members are authorized here, in the same
      // transaction as the work (one statement scopes it and reads the membership).
      const keyAccess = request.orgAccess
      const outcome = keyAccess
        ? await withOrg(database.db, keyAccess.org.id, (tx) => inScope(tx, keyAccess))
        : await database.db.transaction(async (tx) =>
            inScope(tx, await authorizeMember(app.platform, tx, request, user, def.permission)),
          )
      app.platform.events.wake()
      for (const fn of afterCommit) {
        await fn().catch((err: unknown) => request.log.error({ err }, 'after-commit task failed'))
      }
      if (outcome.replayed) reply.header('idempotent-replayed', 'true')
      return reply.status(outcome.statusCode).send(outcome.body)
    },
  })
}
