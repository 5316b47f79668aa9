import type {
  ChannelState,
  FieldError,
  NotificationPreferences,
  OrgNotificationDefaults,
  UpdateNotificationPreferences,
  UpdateOrgNotificationDefaults,
} from '@minga/contracts'
import { and, eq } from 'drizzle-orm'
import { recordAudit } from '../../platform/audit/audit.ts'
import { AppError } from '../../platform/http/app-error.ts'
import type { NotificationChannel } from '../../platform/notification-type.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import {
  availableChannels,
  notificationTypes,
  type RegisteredType,
  typeInfo,
  typesForOrg,
} from './notification-types.ts'
import { notificationDeliveries } from './notifications.tables.ts'
import { resolveChannel } from './preference-resolution.ts'
import * as repo from './preferences.repository.ts'

function me(ctx: ServiceContext): string {
  if (!ctx.actor.userId) throw new AppError('unauthenticated', 'Sign in to continue')
  return ctx.actor.userId
}

async function orgTypes(ctx: ServiceContext) {
  const org = await repo.orgProfile(ctx)
  return { org, types: typesForOrg(await notificationTypes(), org.enabledModules) }
}

export async function getPreferences(ctx: ServiceContext): Promise<NotificationPreferences> {
  const userId = me(ctx)
  const { org, types } = await orgTypes(ctx)
  // One transaction is one connection: its queries run one after another anyway.
  const prefs = await repo.userPreferences(ctx, [userId])
  const defaults = await repo.orgDefaults(ctx)
  const settings = await repo.settingsFor(ctx, [userId])
  const global: Partial<Record<NotificationChannel, boolean | null>> = {}
  for (const channel of availableChannels()) global[channel] = prefs.get(`${userId}|*|${channel}`) ?? null
  return {
    channels: [...availableChannels()],
    timezone: org.timezone,
    global: global as NotificationPreferences['global'],
    types: types.map((t) => {
      const channels: Partial<Record<NotificationChannel, ChannelState>> = {}
      for (const channel of availableChannels()) {
        const own = prefs.get(`${userId}|${t.def.key}|${channel}`)
        channels[channel] = {
          ...resolveChannel({
            channel,
            critical: t.def.critical ?? false,
            defaultChannels: t.def.defaultChannels,
            typePref: own,
            globalPref: prefs.get(`${userId}|*|${channel}`),
            orgDefault: defaults.get(`${t.def.key}|${channel}`),
          }),
          own: own ?? null,
        }
      }
      return { ...typeInfo(t), channels: channels as Record<NotificationChannel, ChannelState> }
    }),
    settings: settings.get(userId) ?? repo.DEFAULT_SETTINGS,
  }
}

/** Checks a list of (type, channel, enabled) changes; critical channels cannot be switched off. */
function validateChanges(
  changes: { type: string; channel: NotificationChannel; enabled: boolean | null }[],
  types: Map<string, RegisteredType>,
  pathPrefix: string,
  allowGlobal: boolean,
) {
  const errors: FieldError[] = []
  changes.forEach((change, i) => {
    const path = `${pathPrefix}.${i}`
    const registered = types.get(change.type)
    if (!(allowGlobal && change.type === '*') && !registered) {
      errors.push({ path: `${path}.type`, message: 'Unknown notification type' })
      return
    }
    if (!availableChannels().includes(change.channel)) {
      errors.push({ path: `${path}.channel`, message: 'This channel is not available on this server' })
      return
    }
    if (
      registered?.def.critical &&
      registered.def.defaultChannels.includes(change.channel) &&
      change.enabled === false
    ) {
      errors.push({ path: `${path}.enabled`, message: 'Critical notifications cannot be switched off' })
    }
  })
  if (errors.length > 0) throw new AppError('unprocessable', 'Invalid notification preferences', errors)
}

export async function updatePreferences(ctx: ServiceContext, input: UpdateNotificationPreferences) {
  const userId = me(ctx)
  const { types } = await orgTypes(ctx)
  const byKey = new Map(types.map((t) => [t.def.key, t]))
  validateChanges(input.preferences ?? [], byKey, 'preferences', true)

  if (input.settings) {
    const current = (await repo.settingsFor(ctx, [userId])).get(userId) ?? repo.DEFAULT_SETTINGS
    const next = { ...current, ...input.settings }
    if ((next.quietStart === null) !== (next.quietEnd === null)) {
      const missing = next.quietStart === null ? 'quietStart' : 'quietEnd'
      throw new AppError('unprocessable', 'Quiet hours need a start and an end', [
        { path: `settings.${missing}`, message: 'Give both times or neither' },
      ])
    }
    if (next.quietStart !== null && next.quietStart === next.quietEnd) {
      throw new AppError('unprocessable', 'Quiet hours cannot start and end at the same time', [
        { path: 'settings.quietEnd', message: 'Must differ from the start' },
      ])
    }
    await repo.upsertSettings(ctx, userId, next)
    if (current.digest !== 'off' && next.digest === 'off') {
      // Emails that waited for a digest the user no longer wants go out one by one at the next sweep.
      await ctx.db
        .update(notificationDeliveries)
        .set({ status: 'held', dueAt: ctx.now })
        .where(
          and(
            eq(notificationDeliveries.orgId, ctx.orgId),
            eq(notificationDeliveries.userId, userId),
            eq(notificationDeliveries.status, 'digest'),
          ),
        )
    }
  }
  for (const change of input.preferences ?? []) await repo.setUserPreference(ctx, userId, change)
  return getPreferences(ctx)
}

export async function getOrgDefaults(ctx: ServiceContext): Promise<OrgNotificationDefaults> {
  const { types } = await orgTypes(ctx)
  const defaults = await repo.orgDefaults(ctx)
  return {
    channels: [...availableChannels()],
    types: types.map(typeInfo),
    defaults: [...defaults.entries()].map(([key, enabled]) => {
      const [type = '', channel = 'in_app'] = key.split('|')
      return { type, channel: channel as NotificationChannel, enabled }
    }),
  }
}

export async function updateOrgDefaults(ctx: ServiceContext, input: UpdateOrgNotificationDefaults) {
  const { types } = await orgTypes(ctx)
  validateChanges(input.defaults, new Map(types.map((t) => [t.def.key, t])), 'defaults', false)
  const before = await repo.orgDefaults(ctx)
  for (const change of input.defaults) await repo.setOrgDefault(ctx, change)
  await recordAudit(ctx, {
    action: 'notifications.org_defaults_updated',
    entityType: 'notification_org_defaults',
    entityId: ctx.orgId,
    before: Object.fromEntries(before),
    after: Object.fromEntries(await repo.orgDefaults(ctx)),
  })
  return getOrgDefaults(ctx)
}
