import { sql } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { migrationStatus } from '../db/migrate.ts'

/** Liveness, readiness (database reachable, migrations current) and Prometheus metrics. */
export function registerHealthRoutes(app: FastifyInstance) {
  const { database, metrics } = app.platform
  app.get(
    '/health',
    { config: { access: 'public', rateLimit: false }, schema: { hide: true } },
    async () => ({
      status: 'ok',
    }),
  )
  app.get(
    '/ready',
    { config: { access: 'public', rateLimit: false }, schema: { hide: true } },
    async (_req, reply) => {
      try {
        await database.db.execute(sql`select 1`)
        const migrations = await migrationStatus(database.db)
        const ready = migrations.current
        return reply
          .status(ready ? 200 : 503)
          .send({ status: ready ? 'ready' : 'migrations pending', database: 'ok', migrations })
      } catch {
        return reply.status(503).send({ status: 'database unreachable', database: 'error' })
      }
    },
  )
  app.get(
    '/metrics',
    { config: { access: 'public', rateLimit: false }, schema: { hide: true } },
    async (_req, reply) => {
      reply.type(metrics.registry.contentType)
      return metrics.registry.metrics()
    },
  )
}
