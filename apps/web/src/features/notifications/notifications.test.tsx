import type { InboxNotification, NotificationPreferences } from '@minga/contracts'
import { act, screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, json, problem } from '../../test/fake-api.ts'
import { makeOrg, moduleCatalog, signedIn } from '../../test/fixtures.ts'
import { renderApp } from '../../test/render-app.tsx'

const realtime = vi.hoisted(() => ({ handlers: new Map<string, (payload: unknown) => void>() }))
vi.mock('../../app/realtime.ts', () => ({
  useOrgEvent: () => {},
  useUserEvent: (event: string, handler: (payload: unknown) => void) => {
    realtime.handlers.set(event, handler)
  },
  emitClientEvent: () => {},
}))
beforeEach(() => realtime.handlers.clear())

const base = '/api/v1/orgs/coop-la-minga'
const id = (n: number) => `0190f7a0-0000-7000-8000-0000000000${String(n).padStart(2, '0')}`

function item(n: number, overrides: Partial<InboxNotification> = {}): InboxNotification {
  return {
    id: id(n),
    type: 'messaging.mention',
    title: `Luz te mencionó ${n}`,
    body: `Mensaje ${n}`,
    url: '/o/coop-la-minga/messages',
    actorId: null,
    resource: null,
    readAt: null,
    archivedAt: null,
    createdAt: '2026-11-21T14:00:00.000Z',
    ...overrides,
  }
}

function preferences(overrides: Partial<NotificationPreferences> = {}): NotificationPreferences {
  const type = (key: string, label: string, critical: boolean, email: boolean) => ({
    key,
    module: key.split('.')[0] ?? '',
    label: { es: label, en: label },
    description: { es: `Descripción ${label}`, en: label },
    critical,
    digestable: !critical,
    defaultChannels: ['in_app' as const, 'email' as const],
    channels: {
      in_app: { enabled: true, source: critical ? ('critical' as const) : ('default' as const), own: null },
      email: { enabled: email, source: critical ? ('critical' as const) : ('type' as const), own: email },
      webhook: { enabled: false, source: 'default' as const, own: null },
    },
  })
  return {
    channels: ['in_app', 'email', 'webhook'],
    timezone: 'America/Bogota',
    global: { in_app: null, email: null, webhook: null },
    types: [
      type('messaging.mention', 'Mención', false, true),
      type('webhooks.endpoint_disabled', 'Webhook desactivado', true, true),
    ],
    settings: {
      locale: 'es',
      digest: 'off',
      digestHour: 7,
      digestWeekday: 1,
      quietStart: null,
      quietEnd: null,
    },
    ...overrides,
  }
}

function notificationsApi(routes: Parameters<typeof fakeApi>[0] = {}, role: 'owner' | 'member' = 'owner') {
  const org = makeOrg({ role })
  return fakeApi({
    'GET /api/v1/me': signedIn,
    'GET /api/v1/modules': moduleCatalog,
    'GET /api/v1/orgs': () => json({ items: [org], nextCursor: null }),
    [`GET ${base}`]: () => json(org),
    [`GET ${base}/announcements`]: () => json({ items: [], nextCursor: null }),
    ...routes,
  })
}

describe('notification bell', () => {
  it('shows the unread count, refreshes it on the realtime push, and opens the inbox', async () => {
    let unread = 2
    const api = notificationsApi({
      [`GET ${base}/notifications/unread-count`]: () => json({ unreadCount: unread }),
      [`GET ${base}/notifications`]: (request) =>
        json({
          items: request.query.get('status') === 'unread' ? [item(2), item(1)] : [],
          nextCursor: null,
        }),
      [`POST ${base}/notifications/mark-all-read`]: () => {
        unread = 0
        return json({ updated: 2, unreadCount: 0 })
      },
    })
    const { user } = renderApp('/o/coop-la-minga')
    const bell = await screen.findByRole('button', { name: 'Notificaciones: 2 sin leer' })
    unread = 3
    act(() => realtime.handlers.get('notification.created')?.({ id: id(3), unreadCount: 3 }))
    expect(await screen.findByRole('button', { name: 'Notificaciones: 3 sin leer' })).toBeInTheDocument()

    await user.click(bell)
    expect(await screen.findByText('Luz te mencionó 2')).toBeInTheDocument()
    expect(screen.getByRole('tab', { name: 'No leídas' })).toHaveAttribute('aria-selected', 'true')
    expect(screen.getByRole('tab', { name: 'Leídas' })).toBeInTheDocument()
    expect(screen.getByRole('tab', { name: 'Archivadas' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Marcar todas como leídas' }))
    await waitFor(() => expect(api.callsTo('POST', `${base}/notifications/mark-all-read`)).toHaveLength(1))
    expect(await screen.findByRole('button', { name: 'Notificaciones' })).toBeInTheDocument()
  })

  it('a failing count leaves the page usable', async () => {
    notificationsApi({ [`GET ${base}/notifications/unread-count`]: () => problem(500, 'internal') })
    renderApp('/o/coop-la-minga')
    expect(await screen.findByRole('button', { name: 'Notificaciones' })).toBeInTheDocument()
  })
})

describe('inbox page', () => {
  it('lists by tab, marks one read, archives, and opens the item link', async () => {
    const api = notificationsApi({
      [`GET ${base}/notifications/unread-count`]: () => json({ unreadCount: 1 }),
      [`GET ${base}/notifications`]: (request) => {
        const status = request.query.get('status')
        if (status === 'unread') return json({ items: [item(1)], nextCursor: null })
        if (status === 'archived')
          return json({
            items: [item(5, { archivedAt: '2026-11-21T15:00:00.000Z', title: 'Archivada' })],
            nextCursor: null,
          })
        return json({ items: [], nextCursor: null })
      },
      [`PATCH ${base}/notifications/${id(1)}`]: (request) =>
        json({ ...item(1), ...(request.body as object) }),
    })
    const { user, router } = renderApp('/o/coop-la-minga/notifications')
    expect(await screen.findByRole('heading', { name: 'Notificaciones', level: 1 })).toBeInTheDocument()
    expect(await screen.findByText('Mensaje 1')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Marcar como leída' }))
    await waitFor(() => expect(api.callsTo('PATCH', `${base}/notifications/${id(1)}`)).toHaveLength(1))
    expect(api.callsTo('PATCH', `${base}/notifications/${id(1)}`)[0]?.body).toEqual({ read: true })

    await user.click(screen.getByRole('button', { name: 'Archivar' }))
    await waitFor(() => expect(api.callsTo('PATCH', `${base}/notifications/${id(1)}`)).toHaveLength(2))
    expect(api.callsTo('PATCH', `${base}/notifications/${id(1)}`)[1]?.body).toEqual({ archived: true })

    await user.click(screen.getByRole('tab', { name: 'Archivadas' }))
    expect(await screen.findByText('Archivada')).toBeInTheDocument()
    await user.click(screen.getByRole('tab', { name: 'Leídas' }))
    expect(await screen.findByText('No hay notificaciones leídas.')).toBeInTheDocument()

    await user.click(screen.getByRole('tab', { name: 'No leídas' }))
    await user.click(await screen.findByRole('button', { name: 'Luz te mencionó 1' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/o/coop-la-minga/messages'))
  })
})

describe('preferences page', () => {
  it('switches a channel per type; critical ones are disabled with a note; saves digest and quiet hours', async () => {
    const api = notificationsApi({
      [`GET ${base}/notifications/unread-count`]: () => json({ unreadCount: 0 }),
      [`GET ${base}/notifications/preferences`]: () => json(preferences()),
      [`PUT ${base}/notifications/preferences`]: () => json(preferences()),
      [`GET ${base}/notifications/org-defaults`]: () =>
        json({ channels: ['in_app', 'email', 'webhook'], types: preferences().types, defaults: [] }),
      [`PUT ${base}/notifications/org-defaults`]: () =>
        json({
          channels: ['in_app', 'email', 'webhook'],
          types: preferences().types,
          defaults: [{ type: 'messaging.mention', channel: 'email', enabled: false }],
        }),
    })
    const { user } = renderApp('/o/coop-la-minga/notifications/preferences')
    const matrix = await screen.findByRole('table', { name: 'Canales por tipo de notificación' })
    const email = within(matrix).getByRole('switch', { name: 'Mención — Correo' })
    expect(email).toBeChecked()
    const critical = within(matrix).getByRole('switch', { name: 'Webhook desactivado — Correo' })
    expect(critical).toBeChecked()
    expect(critical).toBeDisabled()
    expect(within(matrix).getByText('Obligatoria')).toBeInTheDocument()
    expect(within(matrix).getByText(/no se puede desactivar/)).toBeInTheDocument()

    await user.click(email)
    await waitFor(() => expect(api.callsTo('PUT', `${base}/notifications/preferences`)).toHaveLength(1))
    expect(api.callsTo('PUT', `${base}/notifications/preferences`)[0]?.body).toEqual({
      preferences: [{ type: 'messaging.mention', channel: 'email', enabled: false }],
    })

    await user.click(screen.getByRole('combobox', { name: 'Resumen por correo' }))
    await user.click(await screen.findByRole('option', { name: 'Resumen diario' }))
    await user.click(screen.getByRole('switch', { name: /Horas de silencio/ }))
    expect(screen.getByLabelText('Desde')).toHaveValue('22:00')
    await user.click(screen.getByRole('button', { name: 'Guardar' }))
    await waitFor(() => expect(api.callsTo('PUT', `${base}/notifications/preferences`)).toHaveLength(2))
    expect(api.callsTo('PUT', `${base}/notifications/preferences`)[1]?.body).toEqual({
      settings: {
        locale: 'es',
        digest: 'daily',
        digestHour: 7,
        digestWeekday: 1,
        quietStart: '22:00',
        quietEnd: '07:00',
      },
    })

    await user.click(screen.getByRole('tab', { name: 'Predeterminados de la organización' }))
    const orgMatrix = await screen.findByRole('table', { name: 'Canales predeterminados de la organización' })
    expect(within(orgMatrix).getByRole('combobox', { name: 'Webhook desactivado — Correo' })).toBeDisabled()
    await user.click(within(orgMatrix).getByRole('combobox', { name: 'Mención — Correo' }))
    await user.click(await screen.findByRole('option', { name: 'Desactivado' }))
    await waitFor(() => expect(api.callsTo('PUT', `${base}/notifications/org-defaults`)).toHaveLength(1))
    expect(api.callsTo('PUT', `${base}/notifications/org-defaults`)[0]?.body).toEqual({
      defaults: [{ type: 'messaging.mention', channel: 'email', enabled: false }],
    })
  })

  it('members see only their own preferences and a server error with its message', async () => {
    notificationsApi(
      {
        [`GET ${base}/notifications/unread-count`]: () => json({ unreadCount: 0 }),
        [`GET ${base}/notifications/preferences`]: () => json(preferences()),
        [`PUT ${base}/notifications/preferences`]: () =>
          problem(422, 'unprocessable', {
            title: 'Las notificaciones críticas no se pueden desactivar',
            errors: [
              { path: 'preferences.0.enabled', message: 'Critical notifications cannot be switched off' },
            ],
          }),
      },
      'member',
    )
    const { user } = renderApp('/o/coop-la-minga/notifications/preferences')
    const matrix = await screen.findByRole('table', { name: 'Canales por tipo de notificación' })
    expect(screen.queryByRole('tab', { name: 'Predeterminados de la organización' })).toBeNull()
    await user.click(within(matrix).getByRole('switch', { name: 'Mención — Correo' }))
    expect(await screen.findByRole('alert')).toBeInTheDocument()
  })
})

describe('push on this device', () => {
  const vapidKey = 'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U'
  const endpoint = 'https://push.example/sub/1'

  /** A browser with PushManager: a service worker registration whose push manager subscribes. */
  function fakeBrowserPush() {
    let subscription: { endpoint: string; toJSON(): unknown; unsubscribe(): Promise<boolean> } | null = null
    const subscribe = vi.fn(
      async (options: { userVisibleOnly: boolean; applicationServerKey: Uint8Array }) => {
        subscription = {
          endpoint,
          toJSON: () => ({
            endpoint,
            expirationTime: null,
            keys: { p256dh: 'p'.repeat(87), auth: 'a'.repeat(22) },
          }),
          unsubscribe: vi.fn(async () => {
            subscription = null
            return true
          }),
        }
        return { ...subscription, options }
      },
    )
    const registration = { pushManager: { subscribe, getSubscription: async () => subscription } }
    const register = vi.fn(async () => registration)
    const getRegistration = vi.fn(async () => (subscription ? registration : undefined))
    Object.defineProperty(navigator, 'serviceWorker', {
      configurable: true,
      value: { register, getRegistration },
    })
    Object.defineProperty(window, 'PushManager', { configurable: true, value: class {} })
    return {
      subscribe,
      register,
      restore: () => {
        Reflect.deleteProperty(navigator, 'serviceWorker')
        Reflect.deleteProperty(window, 'PushManager')
      },
    }
  }

  const pageRoutes = {
    [`GET ${base}/notifications/unread-count`]: () => json({ unreadCount: 0 }),
    [`GET ${base}/notifications/preferences`]: () =>
      json(preferences({ channels: ['in_app', 'email', 'webhook', 'push'] })),
  }

  it('subscribes this browser with the server key and posts it; switching off unsubscribes and deletes it', async () => {
    const browser = fakeBrowserPush()
    try {
      const api = notificationsApi({
        ...pageRoutes,
        [`GET ${base}/notifications/push/public-key`]: () => json({ publicKey: vapidKey }),
        [`POST ${base}/notifications/push/subscriptions`]: () =>
          json({ id: id(9), endpoint, createdAt: '2026-11-21T14:00:00.000Z' }, 201),
        [`DELETE ${base}/notifications/push/subscriptions`]: () => json({ removed: true }),
      })
      const { user } = renderApp('/o/coop-la-minga/notifications/preferences')
      const toggle = await screen.findByRole('switch', { name: /Notificaciones en este dispositivo/ })
      expect(toggle).not.toBeChecked()

      await user.click(toggle)
      await waitFor(() =>
        expect(api.callsTo('POST', `${base}/notifications/push/subscriptions`)).toHaveLength(1),
      )
      expect(browser.register).toHaveBeenCalledWith('/push-sw.js')
      const options = browser.subscribe.mock.calls[0]?.[0]
      expect(options?.userVisibleOnly).toBe(true)
      expect(options?.applicationServerKey).toBeInstanceOf(Uint8Array)
      expect(options?.applicationServerKey.length).toBe(65)
      expect(api.callsTo('POST', `${base}/notifications/push/subscriptions`)[0]?.body).toMatchObject({
        endpoint,
        keys: { auth: 'a'.repeat(22) },
      })
      await waitFor(() => expect(toggle).toBeChecked())

      await user.click(toggle)
      await waitFor(() =>
        expect(api.callsTo('DELETE', `${base}/notifications/push/subscriptions`)).toHaveLength(1),
      )
      expect(api.callsTo('DELETE', `${base}/notifications/push/subscriptions`)[0]?.body).toEqual({ endpoint })
      await waitFor(() => expect(toggle).not.toBeChecked())
    } finally {
      browser.restore()
    }
  })

  it('is hidden when the server has no push (404 for the key)', async () => {
    const browser = fakeBrowserPush()
    try {
      const api = notificationsApi({
        ...pageRoutes,
        [`GET ${base}/notifications/push/public-key`]: () => problem(404, 'not_found'),
      })
      renderApp('/o/coop-la-minga/notifications/preferences')
      await screen.findByRole('table', { name: 'Canales por tipo de notificación' })
      await waitFor(() => expect(api.callsTo('GET', `${base}/notifications/push/public-key`)).toHaveLength(1))
      expect(
        screen.queryByRole('switch', { name: /Notificaciones en este dispositivo/ }),
      ).not.toBeInTheDocument()
    } finally {
      browser.restore()
    }
  })

  it('is hidden when the browser has no PushManager', async () => {
    const api = notificationsApi({
      ...pageRoutes,
      [`GET ${base}/notifications/push/public-key`]: () => json({ publicKey: vapidKey }),
    })
    renderApp('/o/coop-la-minga/notifications/preferences')
    await screen.findByRole('table', { name: 'Canales por tipo de notificación' })
    expect(
      screen.queryByRole('switch', { name: /Notificaciones en este dispositivo/ }),
    ).not.toBeInTheDocument()
    expect(api.callsTo('GET', `${base}/notifications/push/public-key`)).toHaveLength(0)
  })
})
