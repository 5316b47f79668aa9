import {
  CreatePushSubscription,
  DeletePushSubscription,
  DeletePushSubscriptionResult,
  EmptyBody,
  InboxNotification,
  InboxPage,
  InboxParams,
  InboxQuery,
  MarkAllReadResult,
  NotificationPreferences,
  OrgNotificationDefaults,
  Problem,
  PushPublicKey,
  PushSubscriptionInfo,
  UnreadCount,
  UpdateInboxNotification,
  UpdateNotificationPreferences,
  UpdateOrgNotificationDefaults,
} from '@minga/contracts'
import type { AppInstance } from '../../platform/http/app-instance.ts'
import { orgRoute } from '../../platform/http/org-route.ts'
import * as inbox from './inbox.service.ts'
import { registerNotificationTypes } from './notification-types.ts'
import * as preferences from './preferences.service.ts'
import * as push from './push.service.ts'
import { configurePush } from './push-settings.ts'

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem }
const tags = ['notifications']

export function registerNotificationRoutes(app: AppInstance) {
  registerNotificationTypes(app.platform.modules)
  configurePush(app.platform.config.push)

  orgRoute(app, {
    method: 'GET',
    url: '/notifications/push/public-key',
    permission: 'org:read',
    schema: {
      summary:
        "The server's VAPID public key for PushManager.subscribe (404 when web push is not configured)",
      tags,
      response: { 200: PushPublicKey, ...errors },
    },
    handler: async () => push.publicKey(),
  })

  orgRoute(app, {
    method: 'POST',
    url: '/notifications/push/subscriptions',
    permission: 'org:read',
    schema: {
      summary: "Register this browser's push subscription for the signed-in user",
      tags,
      body: CreatePushSubscription,
      response: { 201: PushSubscriptionInfo, 422: Problem, ...errors },
    },
    handler: async (ctx, { body, request, reply }) => {
      const created = await push.subscribe(ctx, body, request.headers['user-agent'] ?? null)
      reply.status(201)
      return created
    },
  })

  orgRoute(app, {
    method: 'DELETE',
    url: '/notifications/push/subscriptions',
    permission: 'org:read',
    schema: {
      summary: "Remove one of the signed-in user's push subscriptions",
      tags,
      body: DeletePushSubscription,
      response: { 200: DeletePushSubscriptionResult, 422: Problem, ...errors },
    },
    handler: (ctx, { body }) => push.unsubscribe(ctx, body),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/notifications',
    permission: 'org:read',
    schema: {
      summary: "The signed-in user's inbox, newest first",
      tags,
      querystring: InboxQuery,
      response: { 200: InboxPage, ...errors },
    },
    handler: (ctx, { query }) => inbox.listInbox(ctx, query),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/notifications/unread-count',
    permission: 'org:read',
    schema: { summary: 'Unread inbox items', tags, response: { 200: UnreadCount, ...errors } },
    handler: (ctx) => inbox.unreadCount(ctx),
  })

  orgRoute(app, {
    method: 'POST',
    url: '/notifications/mark-all-read',
    permission: 'org:read',
    schema: {
      summary: 'Mark every unread item read',
      tags,
      body: EmptyBody,
      response: { 200: MarkAllReadResult, ...errors },
    },
    handler: (ctx) => inbox.markAllRead(ctx),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/notifications/preferences',
    permission: 'org:read',
    schema: {
      summary: "The signed-in user's channels per type, global switches, digest and quiet hours",
      tags,
      response: { 200: NotificationPreferences, ...errors },
    },
    handler: (ctx) => preferences.getPreferences(ctx),
  })

  orgRoute(app, {
    method: 'PUT',
    url: '/notifications/preferences',
    permission: 'org:read',
    schema: {
      summary: 'Change preferences (enabled: null returns a switch to the default)',
      tags,
      body: UpdateNotificationPreferences,
      response: { 200: NotificationPreferences, 422: Problem, ...errors },
    },
    handler: (ctx, { body }) => preferences.updatePreferences(ctx, body),
  })

  orgRoute(app, {
    method: 'GET',
    url: '/notifications/org-defaults',
    permission: 'notifications:manage',
    schema: {
      summary: "The org's default channels per type",
      tags,
      response: { 200: OrgNotificationDefaults, ...errors },
    },
    handler: (ctx) => preferences.getOrgDefaults(ctx),
  })

  orgRoute(app, {
    method: 'PUT',
    url: '/notifications/org-defaults',
    permission: 'notifications:manage',
    schema: {
      summary: "Change the org's defaults (enabled: null removes one)",
      tags,
      body: UpdateOrgNotificationDefaults,
      response: { 200: OrgNotificationDefaults, 422: Problem, ...errors },
    },
    handler: (ctx, { body }) => preferences.updateOrgDefaults(ctx, body),
  })

  orgRoute(app, {
    method: 'PATCH',
    url: '/notifications/:id',
    permission: 'org:read',
    schema: {
      summary: 'Mark one of my items read/unread or archived/unarchived',
      tags,
      params: InboxParams,
      body: UpdateInboxNotification,
      response: { 200: InboxNotification, ...errors },
    },
    handler: (ctx, { params, body }) => inbox.updateInboxItem(ctx, params.id, body),
  })
}
