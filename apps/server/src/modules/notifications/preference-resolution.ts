import type { NotificationChannel } from '../../platform/notification-type.ts'

export type PreferenceSource = 'critical' | 'type' | 'global' | 'org' | 'default'

/**
 * One channel's effective switch for one user and type. Order: a critical type's default channels are
 * always on; then the user's switch for the type, the user's global switch for the channel, the org's
 * default for the type, and last the type's declared default channels.
 */
export function resolveChannel(input: {
  channel: NotificationChannel
  critical: boolean
  defaultChannels: readonly NotificationChannel[]
  typePref: boolean | undefined
  globalPref: boolean | undefined
  orgDefault: boolean | undefined
}): { enabled: boolean; source: PreferenceSource } {
  const declared = input.defaultChannels.includes(input.channel)
  if (input.critical && declared) return { enabled: true, source: 'critical' }
  if (input.typePref !== undefined) return { enabled: input.typePref, source: 'type' }
  if (input.globalPref !== undefined) return { enabled: input.globalPref, source: 'global' }
  if (input.orgDefault !== undefined) return { enabled: input.orgDefault, source: 'org' }
  return { enabled: declared, source: 'default' }
}

/** Lookup key for preference maps. */
export const prefKey = (userOrType: string, type: string, channel: string) =>
  `${userOrType}|${type}|${channel}`
