import type { OrgKind } from '@minga/contracts'
import type { Localized, PermissionDef } from './access/permissions.ts'
import type { EventHandlerDef } from './events/event-bus.ts'
import type { AppInstance } from './http/app-instance.ts'
import type { JobDef } from './jobs/jobs.ts'
import type { ServiceContext } from './service-context.ts'

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
  jobs?: JobDef[]
  /** Adds demo content to a freshly created demo org. */
  seedDemo?: (ctx: ServiceContext) => Promise<void>
}
