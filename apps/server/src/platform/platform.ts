import type { RouteRecord } from './access/access-hook.ts'
import type { PermissionCache } from './access/effective-permissions.ts'
import type { PermissionCatalog } from './access/permissions.ts'
import type { Auth, SessionCache } from './auth/auth.ts'
import type { Config } from './config.ts'
import type { Database } from './db/connection.ts'
import type { EventBus } from './events/event-bus.ts'
import type { JobRunner } from './jobs/jobs.ts'
import type { Mailer } from './mail/mailer.ts'
import type { ModuleManifest } from './module-manifest.ts'
import type { Metrics } from './observability/metrics.ts'
import type { Realtime } from './realtime/realtime.ts'

/** The kernel's services, reachable from routes as `app.platform`. Plain objects, no container. */
export type Platform = {
  config: Config
  database: Database
  auth: Auth
  sessions: SessionCache
  permissions: PermissionCatalog
  /** Effective permissions per (org, user, permissions version); Redis-backed when REDIS_URL is set. */
  accessCache: PermissionCache
  /** Emails that are platform admins by configuration (MINGA_PLATFORM_ADMINS). */
  platformAdminEmails: Set<string>
  modules: ModuleManifest[]
  jobs: JobRunner
  mailer: Mailer
  events: EventBus
  realtime: Realtime
  metrics: Metrics
  routes: RouteRecord[]
}
