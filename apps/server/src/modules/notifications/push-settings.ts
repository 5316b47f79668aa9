import type { Config } from '../../platform/config.ts'

export type PushSettings = NonNullable<Config['push']>

/**
 * The VAPID settings of this process, set when the module's routes register. Event handlers and jobs
 * get no config, and a server runs one app per process; tests that need push build their push app
 * after any app without it (see docs/modules/notifications.md).
 */
let current: PushSettings | undefined

export function configurePush(settings: PushSettings | undefined) {
  current = settings
}

export function pushSettings(): PushSettings | undefined {
  return current
}
