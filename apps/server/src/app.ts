import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import Fastify from 'fastify'
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import { Redis } from 'ioredis'
import { modules as allModules } from './modules/index.ts'
import { registerAccessRoutes } from './platform/access/access.routes.ts'
import { installAccessControl, type RouteRecord } from './platform/access/access-hook.ts'
import { backfillOrgRoles } from './platform/access/backfill.ts'
import { PermissionCache } from './platform/access/effective-permissions.ts'
import { catalogOf } from './platform/access/permissions.ts'
import { registerSecurityPolicyRoutes } from './platform/access/security-policy.ts'
import { registerAuthRoutes } from './platform/auth/auth.routes.ts'
import { makeAuth, SessionCache } from './platform/auth/auth.ts'
import { registerOidcProvider } from './platform/auth/oidc-provider.routes.ts'
import { registerSecurityRoutes } from './platform/auth/security.routes.ts'
import type { Config } from './platform/config.ts'
import { type Database, openDatabase } from './platform/db/connection.ts'
import { EventBus } from './platform/events/event-bus.ts'
import { registerFileRoutes } from './platform/files/files.routes.ts'
import type { AppInstance } from './platform/http/app-instance.ts'
import { installErrorHandling } from './platform/http/error-handler.ts'
import { installSecurity } from './platform/http/security.ts'
import { installWebApp } from './platform/http/web-app.ts'
import { JobRunner } from './platform/jobs/jobs.ts'
import { registerDevMailboxRoute } from './platform/mail/dev-mailbox.routes.ts'
import { registerMailRoutes } from './platform/mail/mail.routes.ts'
import { mailSenderHandler } from './platform/mail/mail-sender.ts'
import { createMailer } from './platform/mail/mailer.ts'
import type { ModuleManifest } from './platform/module-manifest.ts'
import { registerHealthRoutes } from './platform/observability/health.routes.ts'
import { createMetrics } from './platform/observability/metrics.ts'
import { installOpenApi } from './platform/openapi/openapi.ts'
import { registerPlanRoutes } from './platform/plans/plans.routes.ts'
import { platformAdminEmails } from './platform/plans/plans.service.ts'
import type { Platform } from './platform/platform.ts'
import { Realtime } from './platform/realtime/realtime.ts'
import { registerTenancyRoutes } from './platform/tenancy/tenancy.routes.ts'

export type BuildOptions = {
  /** An open, migrated database; when omitted one is opened from the config (and closed with the app). */
  database?: Database
  /** Run job workers and the event dispatcher in this process (default true). */
  workers?: boolean
  modules?: ModuleManifest[]
  /** Platform admin emails; default: MINGA_PLATFORM_ADMINS (comma-separated). */
  platformAdmins?: string[]
}

/** Builds the whole server without listening: tests call `inject`, `main.ts` calls `listen`. */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<AppInstance> {
  const modules = options.modules ?? allModules
  const ownsDatabase = !options.database
  const database =
    options.database ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolMax: config.databasePoolMax,
    }))

  const app = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    },
    bodyLimit: config.bodyLimit,
    trustProxy: true,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)

  const jobs = new JobRunner(database.connection, app.log)
  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    mailboxDir: config.env === 'test' ? undefined : join(config.dataDir, 'mailbox'),
  })
  const auth = makeAuth(database.db, config, mailer)
  const realtime = new Realtime(auth, database.db, config.redisUrl)
  const events = new EventBus(database.db, jobs, app.log, { realtime, mailer })
  const routes: RouteRecord[] = []
  const sharedRedis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1 }) : undefined
  const platform: Platform = {
    config,
    database,
    auth,
    sessions: new SessionCache(config.sessionCacheSeconds * 1000),
    permissions: catalogOf(modules),
    accessCache: new PermissionCache({ redis: sharedRedis }),
    platformAdminEmails: options.platformAdmins
      ? new Set(options.platformAdmins.map((e) => e.toLowerCase()))
      : platformAdminEmails(),
    modules,
    jobs,
    mailer,
    events,
    realtime,
    metrics: createMetrics(database.pool, jobs),
    routes,
  }
  app.decorate('platform', platform)
  for (const module of modules) {
    for (const job of module.jobs?.({ db: database.db, mailer, realtime }) ?? []) jobs.define(job)
    for (const handler of module.eventHandlers ?? []) events.subscribe(handler)
  }
  events.subscribe(mailSenderHandler({ baseUrl: config.baseUrl, secret: config.authSecret }))

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched'
    platform.metrics.httpDuration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    )
  })

  installErrorHandling(app)
  installAccessControl(app, routes)
  const rateLimitRedis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1 }) : undefined
  await installSecurity(app, {
    rateLimitPerMinute: config.rateLimitPerMinute,
    redis: rateLimitRedis,
    trustedOrigins: config.trustedOrigins,
  })
  await installOpenApi(app)

  registerHealthRoutes(app)
  registerAuthRoutes(app, auth, platform.sessions, config.authRateLimitPerMinute)
  registerTenancyRoutes(app)
  registerAccessRoutes(app)
  registerSecurityPolicyRoutes(app)
  registerPlanRoutes(app)
  registerSecurityRoutes(app)
  await registerOidcProvider(app, { db: database.db, config, auth, sessions: platform.sessions })
  if (config.env !== 'production' && !config.smtpUrl) registerDevMailboxRoute(app)
  registerMailRoutes(app)
  registerFileRoutes(app)
  for (const module of modules) module.routes?.(app)
  await installWebApp(app)

  // Orgs created before roles existed get their kind's built-in roles (a no-op once done).
  await backfillOrgRoles(database.db, platform.permissions)

  platform.realtime.attach(app.server)
  const workers = options.workers ?? true
  await jobs.start({ workers })
  if (workers) events.start()

  app.addHook('onClose', async () => {
    events.stop()
    await jobs.stop()
    await platform.realtime.close()
    rateLimitRedis?.disconnect()
    sharedRedis?.disconnect()
    if (ownsDatabase) await database.close()
  })
  return app
}
