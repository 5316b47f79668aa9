import type { AuditEvent, Me, Org } from '@minga/contracts'
import { json, problem } from './fake-api.ts'

export const ana: Me['user'] = {
  id: 'user-ana',
  email: 'ana@example.co',
  name: 'Ana Restrepo',
  emailVerified: true,
  twoFactorEnabled: false,
}

export function makeOrg(overrides: Partial<Org> = {}): Org {
  return {
    id: '0190f7a0-0000-7000-8000-000000000001',
    slug: 'coop-la-minga',
    name: 'Cooperativa La Minga',
    kind: 'savings_credit',
    timezone: 'America/Bogota',
    currency: 'COP',
    locale: 'es-CO',
    enabledModules: ['announcements'],
    status: 'active',
    role: 'owner',
    createdAt: '2026-01-10T15:00:00.000Z',
    ...overrides,
  }
}

export function makeAuditEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id: 'evt-1',
    occurredAt: '2026-03-06T02:00:00.000Z',
    actorId: ana.id,
    action: 'org.created',
    entityType: 'org',
    entityId: '0190f7a0-0000-7000-8000-000000000001',
    changes: null,
    ip: '127.0.0.1',
    requestId: 'req-1',
    ...overrides,
  }
}

export const signedIn = () => json({ user: ana })
export const signedOut = () => problem(401, 'unauthenticated', { title: 'No autenticado' })

export const moduleCatalog = () =>
  json({
    items: [
      {
        key: 'announcements',
        label: { es: 'Anuncios', en: 'Announcements' },
        description: { es: 'Cartelera de la organización.', en: 'Notice board.' },
      },
    ],
  })
