import type { ModuleManifest } from '../../platform/module-manifest.ts'
import { registerActivityRoutes } from './activity.routes.ts'
import { recordActivity } from './activity.service.ts'

export { ACTIVITY_EVENT_MAP, SKIPPED_EVENT_TYPES } from './activity.event-map.ts'
export { entityActivity, listActivity, recordActivity } from './activity.service.ts'

/** Name of the handler that turns domain events into timeline lines (keys processed_events). */
export const ACTIVITY_HANDLER = 'activity.record'

/**
 * Activity (actividad): per-org and per-entity timelines of who did what and when, built from domain
 * events through a whitelist of event types and fields (activity.event-map.ts).
 */
export const activityModule: ModuleManifest = {
  key: 'activity',
  label: { es: 'Actividad', en: 'Activity' },
  description: {
    es: 'Línea de tiempo de la organización: quién hizo qué y cuándo.',
    en: "The organization's timeline: who did what, and when.",
  },
  defaultFor: ['savings_credit', 'housing', 'food_service', 'incubator', 'community'],
  permissions: [
    {
      key: 'activity:read',
      label: { es: 'Ver la actividad', en: 'Read activity' },
      roles: ['owner', 'admin', 'member'],
    },
  ],
  routes: registerActivityRoutes,
  eventHandlers: [
    {
      name: ACTIVITY_HANDLER,
      on: ['*'],
      async handle(ctx, event) {
        await recordActivity(ctx, event)
      },
    },
  ],
}
