import type { OrgKind } from '@minga/contracts'
import type { Localized, PermissionDef } from './access/permissions.ts'
import type { Db } from './db/connection.ts'
import type { EventHandlerDef } from './events/event-bus.ts'
import type { AppInstance } from './http/app-instance.ts'
import type { JobDef } from './jobs/jobs.ts'
import type { Mailer } from './mail/mailer.ts'
import type { NotificationTypeDef } from './notification-type.ts'
import type { Realtime } from './realtime/realtime.ts'
import type { ServiceContext } from './service-context.ts'

/** What a job may use: the pool, the mailer, and realtime (e.g. progress pushed to the user who asked). */
export type JobServices = { db: Db; mailer: Mailer; realtime: Realtime }

/** What a module tells the platform about itself; `src/modules/index.ts` lists the loaded ones. */
export type ModuleManifest = {
  key: string
  label: Localized
  description: Localized
  /** Org kinds that get this module enabled when they are created. */
  defaultFor: readonly OrgKind[]
  permissions: PermissionDef[]
  routes?: (app: AppInstance) => void
  eventHandlers?: EventHandlerDef[]
  /**
   * Background jobs (cron or sent). A job runs outside any request, so it gets the database pool (scope
   * each org's work with `withOrg`), the mailer and realtime; sending mail from a job is fine, never from a
   * request.
   */
  jobs?: (services: JobServices) => JobDef[]
  /** The notifications this module sends (see notification-type.ts and docs/modules/notifications.md). */
  // biome-ignore lint/suspicious/noExplicitAny: each type has its own payload; notify() validates it.
  notificationTypes?: NotificationTypeDef<any>[]
  /** Adds demo content to a freshly created demo org. */
  seedDemo?: (ctx: ServiceContext) => Promise<void>
}
