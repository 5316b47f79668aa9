import type { NotificationTypeInfo } from '@minga/contracts'
import type { ModuleManifest } from '../../platform/module-manifest.ts'
import type { NotificationChannel, NotificationTypeDef } from '../../platform/notification-type.ts'
import { pushSettings } from './push-settings.ts'

export type RegisteredType = { module: string; def: NotificationTypeDef<unknown> }

/**
 * The notification types of every loaded module, keyed by type. Filled from `app.platform.modules`
 * when the module's routes register; before that (a job or test without routes) it falls back to
 * the static module registry, imported lazily because that registry imports this module.
 */
let registry: Map<string, RegisteredType> | null = null

export function registerNotificationTypes(modules: readonly ModuleManifest[]) {
  const next = new Map<string, RegisteredType>()
  for (const manifest of modules) {
    for (const def of manifest.notificationTypes ?? []) {
      if (next.has(def.key)) throw new Error(`Notification type ${def.key} is declared twice`)
      next.set(def.key, { module: manifest.key, def })
    }
  }
  registry = next
}

export async function notificationTypes(): Promise<Map<string, RegisteredType>> {
  if (!registry) {
    const { modules } = await import('../index.ts')
    registerNotificationTypes(modules)
  }
  return registry ?? new Map()
}

const ALWAYS_AVAILABLE: readonly NotificationChannel[] = ['in_app', 'email', 'webhook']

/** Channels this server can deliver: web push only when the VAPID keys are configured. */
export function availableChannels(): readonly NotificationChannel[] {
  return pushSettings() ? [...ALWAYS_AVAILABLE, 'push'] : ALWAYS_AVAILABLE
}

export function typeInfo({ module, def }: RegisteredType): NotificationTypeInfo {
  return {
    key: def.key,
    module,
    label: def.label,
    description: def.description,
    critical: def.critical ?? false,
    digestable: def.digestable ?? false,
    defaultChannels: [...def.defaultChannels],
  }
}

/** Types of the modules enabled in the org (a disabled module sends nothing worth configuring). */
export function typesForOrg(all: Map<string, RegisteredType>, enabledModules: readonly string[]) {
  return [...all.values()].filter((t) => t.module === 'notifications' || enabledModules.includes(t.module))
}
