import { z } from 'zod'
import type { NotificationTypeDef } from '../../platform/notification-type.ts'

export const REQUEST_DUE_SOON_NOTIFICATION = 'privacy.request_due_soon'

const KIND_ES = { consulta: 'consulta', reclamo: 'reclamo', supresion: 'solicitud de supresión' } as const
const KIND_EN = { consulta: 'inquiry', reclamo: 'claim', supresion: 'deletion request' } as const

// No personal data in the payload: notifications are emailed; the link leads to the request.
const Payload = z.object({
  orgSlug: z.string(),
  requestId: z.uuid(),
  kind: z.enum(['consulta', 'reclamo', 'supresion']),
  dueOn: z.iso.date(),
})
type Payload = z.infer<typeof Payload>

export const requestDueSoonNotificationType: NotificationTypeDef<Payload> = {
  key: REQUEST_DUE_SOON_NOTIFICATION,
  label: { es: 'Solicitudes de datos por vencer', en: 'Data requests due soon' },
  description: {
    es: 'Una solicitud de habeas data (Ley 1581) vence en dos días hábiles.',
    en: 'A data-subject request (Ley 1581) is due in two business days.',
  },
  payload: Payload,
  defaultChannels: ['in_app', 'email'],
  digestable: false,
  render(payload, locale) {
    return {
      title:
        locale === 'es'
          ? `Una ${KIND_ES[payload.kind]} de datos personales vence el ${payload.dueOn}`
          : `A personal-data ${KIND_EN[payload.kind]} is due on ${payload.dueOn}`,
      body:
        locale === 'es'
          ? 'Respóndela a tiempo: la Ley 1581 fija plazos en días hábiles.'
          : 'Answer it on time: Ley 1581 sets terms in business days.',
      url: `/o/${payload.orgSlug}/privacy/requests/${payload.requestId}`,
    }
  },
}
