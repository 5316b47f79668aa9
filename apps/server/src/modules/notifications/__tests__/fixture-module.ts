import { z } from 'zod'
import type { ModuleManifest } from '../../../platform/module-manifest.ts'

/** A test-only module declaring notification types the way real modules do. */
export const fixtureModule: ModuleManifest = {
  key: 'fixture',
  label: { es: 'Prueba', en: 'Fixture' },
  description: { es: 'Módulo de prueba', en: 'Test module' },
  defaultFor: ['community', 'housing'],
  permissions: [],
  notificationTypes: [
    {
      key: 'fixture.mention',
      label: { es: 'Mención', en: 'Mention' },
      description: { es: 'Te mencionaron', en: 'You were mentioned' },
      payload: z.object({
        author: z.string().min(1),
        text: z.string().min(1).max(500),
        count: z.number().int(),
      }),
      defaultChannels: ['in_app', 'email'],
      digestable: true,
      render: (p, locale) => ({
        title: locale === 'es' ? `${p.author} te mencionó` : `${p.author} mentioned you`,
        body: p.text,
        url: '/o/x/messaging',
      }),
    },
    {
      key: 'fixture.security',
      label: { es: 'Alerta de seguridad', en: 'Security alert' },
      description: { es: 'Cambios en tu cuenta', en: 'Account changes' },
      payload: z.object({ what: z.string() }),
      defaultChannels: ['in_app', 'email'],
      critical: true,
      render: (p) => ({ title: `Seguridad: ${p.what}`, body: p.what }),
    },
    {
      key: 'fixture.reminder',
      label: { es: 'Recordatorio', en: 'Reminder' },
      description: { es: 'Recordatorio programado', en: 'Scheduled reminder' },
      payload: z.object({ text: z.string() }),
      defaultChannels: ['in_app'],
      render: (p) => ({ title: 'Recordatorio', body: p.text }),
    },
  ],
}
