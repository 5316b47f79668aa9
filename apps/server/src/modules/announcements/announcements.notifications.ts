import { z } from 'zod'
import type { NotificationTypeDef } from '../../platform/notification-type.ts'

export const ANNOUNCEMENT_NOTIFICATION = 'announcements.published'

const AnnouncementPayload = z.object({
  orgSlug: z.string(),
  announcementId: z.uuid(),
  title: z.string(),
  excerpt: z.string(),
})
type AnnouncementPayload = z.infer<typeof AnnouncementPayload>

export const announcementNotificationType: NotificationTypeDef<AnnouncementPayload> = {
  key: ANNOUNCEMENT_NOTIFICATION,
  label: { es: 'Anuncios nuevos', en: 'New announcements' },
  description: {
    es: 'La organización publicó un anuncio en la cartelera.',
    en: 'The organization posted an announcement on the notice board.',
  },
  payload: AnnouncementPayload,
  defaultChannels: ['in_app', 'email'],
  digestable: true,
  render(payload, locale) {
    return {
      title: locale === 'es' ? `Nuevo anuncio: ${payload.title}` : `New announcement: ${payload.title}`,
      body: payload.excerpt,
      url: `/o/${payload.orgSlug}`,
    }
  },
}
