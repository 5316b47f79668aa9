import type { ModuleManifest } from '../../platform/module-manifest.ts'
import { fanOutHandler, inAppHandler } from './fan-out.ts'
import { notificationJobs } from './notifications.jobs.ts'
import { registerNotificationRoutes } from './notifications.routes.ts'
import { pushHandler } from './push-delivery.ts'

export { REALTIME_NOTIFICATION_CREATED } from './notifications.events.ts'
export { runDigests, runSweep } from './notifications.jobs.ts'
export { cancelScheduled, type NotifyInput, notify, orgAdminIds } from './notify.service.ts'

/**
 * Notifications: types declared by modules, per-user channel preferences with org defaults, the
 * in-app inbox pushed over Socket.IO, email (single or digest), quiet hours and scheduled sends.
 * See docs/modules/notifications.md.
 */
export const notificationsModule: ModuleManifest = {
  key: 'notifications',
  label: { es: 'Notificaciones', en: 'Notifications' },
  description: {
    es: 'Bandeja de notificaciones, preferencias por canal, resúmenes y horas de silencio.',
    en: 'Notification inbox, channel preferences, digests and quiet hours.',
  },
  defaultFor: ['savings_credit', 'housing', 'food_service', 'incubator', 'community'],
  permissions: [
    {
      key: 'notifications:manage',
      label: { es: 'Configurar notificaciones de la organización', en: 'Manage org notification defaults' },
      roles: ['owner', 'admin'],
    },
  ],
  routes: registerNotificationRoutes,
  eventHandlers: [inAppHandler, fanOutHandler, pushHandler],
  jobs: notificationJobs,
}
