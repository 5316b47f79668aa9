import type { WebhookDelivery, WebhookEndpoint } from '@minga/contracts'
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeApi, json, problem } from '../../test/fake-api.ts'
import { makeOrg, moduleCatalog, signedIn } from '../../test/fixtures.ts'
import { renderApp } from '../../test/render-app.tsx'

const base = '/api/v1/orgs/coop-la-minga'
const endpointId = '0190f7a0-0000-7000-8000-00000000e001'
const deliveryId = '0190f7a0-0000-7000-8000-00000000d001'
const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'

function makeEndpoint(overrides: Partial<WebhookEndpoint> = {}): WebhookEndpoint {
  return {
    id: endpointId,
    url: 'https://erp.example.co/hooks',
    description: 'Contabilidad',
    eventTypes: ['announcement.*'],
    enabled: true,
    disabledReason: null,
    disabledAt: null,
    consecutiveFailures: 0,
    secretHint: '…LaSw',
    createdAt: '2026-03-01T15:00:00.000Z',
    updatedAt: '2026-03-01T15:00:00.000Z',
    ...overrides,
  }
}

const failedDelivery: WebhookDelivery = {
  id: deliveryId,
  endpointId,
  eventId: '0190f7a0-0000-7000-8000-00000000f001',
  eventType: 'announcement.published',
  status: 'failed',
  attempts: 8,
  nextAttemptAt: null,
  lastStatusCode: 503,
  lastDurationMs: 120,
  lastError: null,
  lastResponseBody: 'Service Unavailable',
  succeededAt: null,
  createdAt: '2026-03-02T15:00:00.000Z',
}

/** The TagsInput's text box (Mantine also labels its hidden value input). */
function eventsInput(dialog: HTMLElement) {
  const input = within(dialog)
    .getAllByLabelText(/Eventos que se envían/)
    .find((el) => el instanceof HTMLInputElement && el.type !== 'hidden')
  if (!input) throw new Error('events input not found')
  return input
}

function webhooksApi(routes: Parameters<typeof fakeApi>[0] = {}, role: 'owner' | 'member' = 'owner') {
  const org = makeOrg({ role, enabledModules: ['announcements', 'webhooks'] })
  return fakeApi({
    'GET /api/v1/me': signedIn,
    'GET /api/v1/modules': moduleCatalog,
    'GET /api/v1/orgs': () => json({ items: [org], nextCursor: null }),
    [`GET ${base}`]: () => json(org),
    [`GET ${base}/webhooks/event-types`]: () =>
      json({ items: [{ type: 'announcement.published', lastSeenAt: '2026-03-02T15:00:00.000Z' }] }),
    ...routes,
  })
}

describe('webhooks admin', () => {
  it('creates an endpoint with event filters and shows its secret once', async () => {
    let endpoints: WebhookEndpoint[] = []
    const api = webhooksApi({
      [`GET ${base}/webhooks/endpoints`]: () => json({ items: endpoints, nextCursor: null }),
      [`POST ${base}/webhooks/endpoints`]: (request) => {
        const body = request.body as { url: string; eventTypes: string[] }
        if (body.url.includes('127.0.0.1')) {
          return problem(422, 'unprocessable', {
            errors: [
              { path: 'body.url', message: 'The URL points to a private, loopback or reserved address' },
            ],
          })
        }
        const created = makeEndpoint({ url: body.url, eventTypes: body.eventTypes })
        endpoints = [created]
        return json({ ...created, secret }, 201)
      },
    })
    const { user } = renderApp('/o/coop-la-minga/webhooks')
    expect(await screen.findByText('Aún no hay endpoints')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Nuevo endpoint' }))
    const dialog = await screen.findByRole('dialog', { name: 'Nuevo endpoint' })
    // Nothing chosen: refused in the browser, nothing sent.
    await user.click(within(dialog).getByRole('button', { name: 'Crear endpoint' }))
    expect(await within(dialog).findByText('Elige al menos un evento.')).toBeInTheDocument()
    expect(within(dialog).getByText('Escribe la URL.')).toBeInTheDocument()

    await user.type(within(dialog).getByRole('textbox', { name: /URL de destino/ }), 'https://127.0.0.1/x')
    await user.type(eventsInput(dialog), 'announcement.*{enter}')
    await user.click(within(dialog).getByRole('button', { name: 'Crear endpoint' }))
    // The server's field error lands on the URL field.
    expect(
      await within(dialog).findByText('The URL points to a private, loopback or reserved address'),
    ).toBeInTheDocument()

    const url = within(dialog).getByRole('textbox', { name: /URL de destino/ })
    await user.clear(url)
    await user.type(url, 'https://erp.example.co/hooks')
    await user.click(within(dialog).getByRole('button', { name: 'Crear endpoint' }))

    const secretDialog = await screen.findByRole('dialog', { name: 'Guarda el secreto' })
    expect(within(secretDialog).getByText(secret)).toBeInTheDocument()
    expect(within(secretDialog).getByRole('button', { name: 'Copiar secreto' })).toBeInTheDocument()
    const posted = api.calls.find((c) => c.method === 'POST' && c.path === `${base}/webhooks/endpoints`)
    expect(posted?.body).toMatchObject({ eventTypes: ['announcement.*'] })
    await user.click(within(secretDialog).getByRole('button', { name: 'Ya lo guardé' }))
    await waitFor(() => expect(screen.queryByText(secret)).not.toBeInTheDocument())

    const table = await screen.findByRole('table', { name: 'Endpoints' })
    expect(within(table).getByText('https://erp.example.co/hooks')).toBeInTheDocument()
    expect(within(table).getByText('Activo')).toBeInTheDocument()
  })

  it('lists deliveries with status, code, time and response, and replays one', async () => {
    const api = webhooksApi({
      [`GET ${base}/webhooks/endpoints`]: () =>
        json({
          items: [makeEndpoint({ consecutiveFailures: 1 })],
          nextCursor: null,
        }),
      [`GET ${base}/webhooks/endpoints/${endpointId}/deliveries`]: () =>
        json({ items: [failedDelivery], nextCursor: null }),
      [`POST ${base}/webhooks/deliveries/${deliveryId}/replay`]: () =>
        json({ ...failedDelivery, status: 'pending' }, 202),
    })
    const { user } = renderApp('/o/coop-la-minga/webhooks')
    await user.click(
      await screen.findByRole('button', { name: 'Ver entregas de https://erp.example.co/hooks' }),
    )
    const section = await screen.findByRole('region', { name: 'Entregas de https://erp.example.co/hooks' })
    const table = await within(section).findByRole('table', { name: 'Entregas' })
    const row = within(table).getAllByRole('row')[1]!
    expect(within(row).getByText('announcement.published')).toBeInTheDocument()
    expect(within(row).getByText('Fallida')).toBeInTheDocument()
    expect(within(row).getByText('503')).toBeInTheDocument()
    expect(within(row).getByText('120 ms')).toBeInTheDocument()
    expect(within(row).getByText('8')).toBeInTheDocument()
    expect(within(row).getByText('Service Unavailable')).toBeInTheDocument()

    await user.click(within(row).getByRole('button', { name: `Reenviar la entrega ${deliveryId}` }))
    await waitFor(() =>
      expect(
        api.calls.some(
          (c) => c.method === 'POST' && c.path === `${base}/webhooks/deliveries/${deliveryId}/replay`,
        ),
      ).toBe(true),
    )
    expect(await screen.findByText('Reenviaremos la entrega en segundo plano.')).toBeInTheDocument()
  })

  it('shows an endpoint disabled after failures and enables it again', async () => {
    let endpoint = makeEndpoint({
      enabled: false,
      disabledReason: 'failures',
      disabledAt: '2026-03-03T15:00:00.000Z',
      consecutiveFailures: 5,
    })
    const api = webhooksApi({
      [`GET ${base}/webhooks/endpoints`]: () => json({ items: [endpoint], nextCursor: null }),
      [`PATCH ${base}/webhooks/endpoints/${endpointId}`]: (request) => {
        endpoint = makeEndpoint({ ...(request.body as object) })
        return json(endpoint)
      },
    })
    const { user } = renderApp('/o/coop-la-minga/webhooks')
    expect(await screen.findByText('Desactivado por fallas')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Activar https://erp.example.co/hooks' }))
    expect(await screen.findByText('Activo')).toBeInTheDocument()
    const patch = api.calls.find((c) => c.method === 'PATCH')
    expect(patch?.body).toEqual({ enabled: true })
  })

  it('tells a member the page is for administrators', async () => {
    webhooksApi(
      {
        [`GET ${base}/webhooks/endpoints`]: () => problem(403, 'forbidden'),
      },
      'member',
    )
    renderApp('/o/coop-la-minga/webhooks')
    expect(
      await screen.findByText('Solo quien administra la organización puede gestionar los webhooks.'),
    ).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Nuevo endpoint' })).not.toBeInTheDocument()
  })
})
