import type { ModuleManifest } from '../../platform/module-manifest.ts'
import { announcementNotificationType } from './announcements.notifications.ts'
import { registerAnnouncementRoutes } from './announcements.routes.ts'
import { ANNOUNCEMENT_PUBLISHED, publishAnnouncement } from './announcements.service.ts'

export { ANNOUNCEMENT_PUBLISHED, listAnnouncements } from './announcements.service.ts'

/**
 * Announcements (cartelera): an org's notice board. Small on purpose: it is the worked example of a
 * module in docs/architecture.md, and every org kind gets it.
 */
export const announcementsModule: ModuleManifest = {
  key: 'announcements',
  label: { es: 'Anuncios', en: 'Announcements' },
  description: {
    es: 'Cartelera de la organización: avisos para todos los miembros.',
    en: "The organization's notice board for every member.",
  },
  defaultFor: ['savings_credit', 'housing', 'food_service', 'incubator', 'community'],
  permissions: [
    {
      key: 'announcements:read',
      label: { es: 'Ver anuncios', en: 'Read announcements' },
      roles: ['owner', 'admin', 'member'],
    },
    {
      key: 'announcements:write',
      label: { es: 'Publicar anuncios', en: 'Publish announcements' },
      roles: ['owner', 'admin'],
    },
  ],
  routes: registerAnnouncementRoutes,
  notificationTypes: [announcementNotificationType],
  eventHandlers: [
    {
      // Pushes new announcements to members connected to the org, after the publishing commit.
      name: 'announcements.push-realtime',
      urgent: true,
      on: [ANNOUNCEMENT_PUBLISHED],
      async handle(_ctx, event, { realtime }) {
        realtime.emitToOrg(event.orgId, ANNOUNCEMENT_PUBLISHED, event.payload)
      },
    },
  ],
  async seedDemo(ctx) {
    await publishAnnouncement(ctx, {
      title: 'Bienvenidos a Minga',
      body: 'Esta es la cartelera de la organización. Aquí verán los avisos importantes.',
      pinned: true,
    })
  },
}
