import type { NotificationSettings } from '@minga/contracts'
import { and, eq, inArray } from 'drizzle-orm'
import type { NotificationChannel } from '../../platform/notification-type.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { orgs } from '../../platform/tenancy/tenancy.tables.ts'
import {
  notificationOrgDefaults,
  notificationPreferences,
  notificationSettings,
} from './notifications.tables.ts'

export const DEFAULT_SETTINGS: NotificationSettings = {
  locale: 'es',
  digest: 'off',
  digestHour: 7,
  digestWeekday: 1,
  quietStart: null,
  quietEnd: null,
}

export async function orgProfile(ctx: ServiceContext) {
  const [row] = await ctx.db
    .select({ name: orgs.name, timezone: orgs.timezone, enabledModules: orgs.enabledModules })
    .from(orgs)
    .where(eq(orgs.id, ctx.orgId))
  return row ?? { name: '', timezone: 'America/Bogota', enabledModules: [] as string[] }
}

/** User switches: `user|type|channel` (type '*' = global) → enabled. */
export async function userPreferences(ctx: ServiceContext, userIds: string[], types?: string[]) {
  const map = new Map<string, boolean>()
  if (userIds.length === 0) return map
  const rows = await ctx.db
    .select()
    .from(notificationPreferences)
    .where(
      and(
        eq(notificationPreferences.orgId, ctx.orgId),
        inArray(notificationPreferences.userId, userIds),
        types ? inArray(notificationPreferences.type, [...types, '*']) : undefined,
      ),
    )
  for (const r of rows) map.set(`${r.userId}|${r.type}|${r.channel}`, r.enabled)
  return map
}

/** Org defaults: `type|channel` → enabled. */
export async function orgDefaults(ctx: ServiceContext) {
  const rows = await ctx.db
    .select()
    .from(notificationOrgDefaults)
    .where(eq(notificationOrgDefaults.orgId, ctx.orgId))
  return new Map(rows.map((r) => [`${r.type}|${r.channel}`, r.enabled]))
}

export async function settingsFor(ctx: ServiceContext, userIds: string[]) {
  const map = new Map<string, NotificationSettings>()
  if (userIds.length === 0) return map
  const rows = await ctx.db
    .select()
    .from(notificationSettings)
    .where(and(eq(notificationSettings.orgId, ctx.orgId), inArray(notificationSettings.userId, userIds)))
  for (const r of rows) {
    map.set(r.userId, {
      locale: r.locale,
      digest: r.digest,
      digestHour: r.digestHour,
      digestWeekday: r.digestWeekday,
      quietStart: r.quietStart,
      quietEnd: r.quietEnd,
    })
  }
  return map
}

export async function upsertSettings(ctx: ServiceContext, userId: string, settings: NotificationSettings) {
  await ctx.db
    .insert(notificationSettings)
    .values({ orgId: ctx.orgId, userId, ...settings, updatedAt: ctx.now })
    .onConflictDoUpdate({
      target: [notificationSettings.orgId, notificationSettings.userId],
      set: { ...settings, updatedAt: ctx.now },
    })
}

export async function setUserPreference(
  ctx: ServiceContext,
  userId: string,
  change: { type: string; channel: NotificationChannel; enabled: boolean | null },
) {
  const where = and(
    eq(notificationPreferences.orgId, ctx.orgId),
    eq(notificationPreferences.userId, userId),
    eq(notificationPreferences.type, change.type),
    eq(notificationPreferences.channel, change.channel),
  )
  if (change.enabled === null) {
    await ctx.db.delete(notificationPreferences).where(where)
    return
  }
  await ctx.db
    .insert(notificationPreferences)
    .values({ orgId: ctx.orgId, userId, type: change.type, channel: change.channel, enabled: change.enabled })
    .onConflictDoUpdate({
      target: [
        notificationPreferences.orgId,
        notificationPreferences.userId,
        notificationPreferences.type,
        notificationPreferences.channel,
      ],
      set: { enabled: change.enabled, updatedAt: ctx.now },
    })
}

export async function setOrgDefault(
  ctx: ServiceContext,
  change: { type: string; channel: NotificationChannel; enabled: boolean | null },
) {
  const where = and(
    eq(notificationOrgDefaults.orgId, ctx.orgId),
    eq(notificationOrgDefaults.type, change.type),
    eq(notificationOrgDefaults.channel, change.channel),
  )
  if (change.enabled === null) {
    await ctx.db.delete(notificationOrgDefaults).where(where)
    return
  }
  await ctx.db
    .insert(notificationOrgDefaults)
    .values({ orgId: ctx.orgId, type: change.type, channel: change.channel, enabled: change.enabled })
    .onConflictDoUpdate({
      target: [notificationOrgDefaults.orgId, notificationOrgDefaults.type, notificationOrgDefaults.channel],
      set: { enabled: change.enabled, updatedAt: ctx.now },
    })
}
