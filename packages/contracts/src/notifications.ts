import { z } from 'zod'
import { PageQuery, pageOf } from './pagination.ts'

export const NotificationChannel = z.enum(['in_app', 'email', 'webhook', 'push'])
export type NotificationChannel = z.infer<typeof NotificationChannel>

export const InboxStatus = z.enum(['unread', 'read', 'archived'])
export type InboxStatus = z.infer<typeof InboxStatus>

export const InboxNotification = z
  .object({
    id: z.uuid(),
    type: z.string(),
    title: z.string(),
    body: z.string(),
    url: z.string().nullable(),
    actorId: z.uuid().nullable(),
    resource: z.object({ type: z.string(), id: z.string() }).nullable(),
    readAt: z.string().nullable(),
    archivedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'InboxNotification' })
export type InboxNotification = z.infer<typeof InboxNotification>

export const InboxQuery = PageQuery.extend({ status: InboxStatus.default('unread') })
export type InboxQuery = z.infer<typeof InboxQuery>
export const InboxPage = pageOf(InboxNotification)
export type InboxPage = z.infer<typeof InboxPage>
export const InboxParams = z.object({ id: z.uuid() })

export const UnreadCount = z.object({ unreadCount: z.number().int() })
export type UnreadCount = z.infer<typeof UnreadCount>

/** Mark one item read / unread and archived / back in the inbox. */
export const UpdateInboxNotification = z
  .strictObject({ read: z.boolean().optional(), archived: z.boolean().optional() })
  .refine((v) => v.read !== undefined || v.archived !== undefined, {
    message: 'Give read or archived',
    path: ['read'],
  })
export type UpdateInboxNotification = z.infer<typeof UpdateInboxNotification>

export const MarkAllReadResult = z.object({ updated: z.number().int(), unreadCount: z.number().int() })

const Localized = z.object({ es: z.string(), en: z.string() })

/** Where a channel's effective value came from, highest first. */
export const PreferenceSource = z.enum(['critical', 'type', 'global', 'org', 'default'])
export type PreferenceSource = z.infer<typeof PreferenceSource>

export const ChannelState = z.object({
  enabled: z.boolean(),
  source: PreferenceSource,
  /** The user's own switch for this type, null when they left it to the global/org/type default. */
  own: z.boolean().nullable(),
})
export type ChannelState = z.infer<typeof ChannelState>

export const NotificationTypeInfo = z.object({
  key: z.string(),
  module: z.string(),
  label: Localized,
  description: Localized,
  critical: z.boolean(),
  digestable: z.boolean(),
  defaultChannels: z.array(NotificationChannel),
})
export type NotificationTypeInfo = z.infer<typeof NotificationTypeInfo>

const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM (24 h)')

export const NotificationSettings = z.object({
  locale: z.enum(['es', 'en']),
  digest: z.enum(['off', 'daily', 'weekly']),
  digestHour: z.number().int().min(0).max(23),
  digestWeekday: z.number().int().min(1).max(7),
  quietStart: LocalTime.nullable(),
  quietEnd: LocalTime.nullable(),
})
export type NotificationSettings = z.infer<typeof NotificationSettings>

export const NotificationPreferences = z
  .object({
    /** Channels this server can deliver (push only with VAPID keys). */
    channels: z.array(NotificationChannel),
    /** The org's timezone: quiet hours and digest hours are local to it. */
    timezone: z.string(),
    global: z.partialRecord(NotificationChannel, z.boolean().nullable()),
    types: z.array(
      NotificationTypeInfo.extend({ channels: z.partialRecord(NotificationChannel, ChannelState) }),
    ),
    settings: NotificationSettings,
  })
  .meta({ id: 'NotificationPreferences' })
export type NotificationPreferences = z.infer<typeof NotificationPreferences>

/** `type: '*'` is the user's global switch for the channel; `enabled: null` removes the switch. */
export const PreferenceChange = z.strictObject({
  type: z.string().min(1).max(100),
  channel: NotificationChannel,
  enabled: z.boolean().nullable(),
})
export type PreferenceChange = z.infer<typeof PreferenceChange>

export const UpdateNotificationPreferences = z.strictObject({
  preferences: z.array(PreferenceChange).max(200).optional(),
  settings: z
    .strictObject({
      locale: NotificationSettings.shape.locale.optional(),
      digest: NotificationSettings.shape.digest.optional(),
      digestHour: NotificationSettings.shape.digestHour.optional(),
      digestWeekday: NotificationSettings.shape.digestWeekday.optional(),
      quietStart: LocalTime.nullable().optional(),
      quietEnd: LocalTime.nullable().optional(),
    })
    .optional(),
})
export type UpdateNotificationPreferences = z.infer<typeof UpdateNotificationPreferences>

export const OrgDefault = z.object({ type: z.string(), channel: NotificationChannel, enabled: z.boolean() })
export type OrgDefault = z.infer<typeof OrgDefault>

export const OrgNotificationDefaults = z
  .object({
    channels: z.array(NotificationChannel),
    types: z.array(NotificationTypeInfo),
    defaults: z.array(OrgDefault),
  })
  .meta({ id: 'OrgNotificationDefaults' })
export type OrgNotificationDefaults = z.infer<typeof OrgNotificationDefaults>

/** `enabled: null` removes the org default (back to the type's default channels). */
export const UpdateOrgNotificationDefaults = z.strictObject({
  defaults: z
    .array(
      z.strictObject({
        type: z.string().min(1).max(100),
        channel: NotificationChannel,
        enabled: z.boolean().nullable(),
      }),
    )
    .max(400),
})
export type UpdateOrgNotificationDefaults = z.infer<typeof UpdateOrgNotificationDefaults>

/** Web push: the server's VAPID public key (base64url), for PushManager.subscribe. */
export const PushPublicKey = z.object({ publicKey: z.string() }).meta({ id: 'PushPublicKey' })
export type PushPublicKey = z.infer<typeof PushPublicKey>

const Base64Url = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+=*$/, 'Must be base64url')

/** `PushSubscription.toJSON()` as the browser gives it. */
export const CreatePushSubscription = z
  .object({
    endpoint: z.url().max(2048),
    expirationTime: z.number().nullable().optional(),
    keys: z.strictObject({
      /** The browser's P-256 public key: 65 bytes. */
      p256dh: Base64Url(80, 100),
      /** The shared auth secret: 16 bytes. */
      auth: Base64Url(16, 32),
    }),
  })
  .meta({ id: 'CreatePushSubscription' })
export type CreatePushSubscription = z.infer<typeof CreatePushSubscription>

export const DeletePushSubscription = z.strictObject({ endpoint: z.url().max(2048) })
export type DeletePushSubscription = z.infer<typeof DeletePushSubscription>

export const PushSubscriptionInfo = z
  .object({ id: z.uuid(), endpoint: z.string(), createdAt: z.string() })
  .meta({ id: 'PushSubscriptionInfo' })
export type PushSubscriptionInfo = z.infer<typeof PushSubscriptionInfo>

export const DeletePushSubscriptionResult = z.object({ removed: z.boolean() })
