import type { DataRequest, PersonConsents, PrivacyPolicy, PrivacyPurpose } from '@minga/contracts'
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeApi, json, problem } from '../../test/fake-api.ts'
import { makeOrg, moduleCatalog, signedIn } from '../../test/fixtures.ts'
import { renderApp } from '../../test/render-app.tsx'

const base = '/api/v1/orgs/coop-la-minga'
const personId = '0190f7a0-0000-7000-8000-00000000a001'
const purposeId = '0190f7a0-0000-7000-8000-00000000b001'
const policyId = '0190f7a0-0000-7000-8000-00000000c001'

function makeRequest(overrides: Partial<DataRequest> = {}): DataRequest {
  return {
    id: '0190f7a0-0000-7000-8000-00000000d001',
    personId,
    kind: 'reclamo',
    status: 'received',
    channel: 'web',
    description: 'Mi dirección está mal',
    receivedOn: '2026-03-25',
    dueOn: '2026-04-17',
    businessDaysLeft: 5,
    extensionReason: null,
    extendedAt: null,
    response: null,
    answeredAt: null,
    closedOnTime: null,
    rejectionReason: null,
    anonymized: false,
    createdAt: '2026-03-25T15:00:00.000Z',
    ...overrides,
  }
}

const policy: PrivacyPolicy = {
  id: policyId,
  version: 2,
  text: '# Política',
  effectiveDate: '2026-01-01',
  published: true,
  current: true,
  publishedAt: '2026-01-01T15:00:00.000Z',
  createdAt: '2026-01-01T15:00:00.000Z',
}
const purpose: PrivacyPurpose = {
  id: purposeId,
  key: 'tratamiento',
  name: 'Tratamiento de datos',
  description: '',
}

function privacyApi(routes: Parameters<typeof fakeApi>[0] = {}, role: 'owner' | 'member' = 'owner') {
  const org = makeOrg({ role, enabledModules: ['announcements', 'privacy'] })
  return fakeApi({
    'GET /api/v1/me': signedIn,
    'GET /api/v1/modules': moduleCatalog,
    'GET /api/v1/orgs': () => json({ items: [org], nextCursor: null }),
    [`GET ${base}`]: () => json(org),
    [`GET ${base}/privacy/policies`]: () => json({ items: [policy] }),
    [`GET ${base}/privacy/purposes`]: () => json({ items: [purpose] }),
    ...routes,
  })
}

describe('data protection (Ley 1581)', () => {
  it('lists requests with a business-day due badge, red when overdue', async () => {
    privacyApi({
      [`GET ${base}/privacy/requests`]: () =>
        json({
          items: [
            makeRequest(),
            makeRequest({
              id: '0190f7a0-0000-7000-8000-00000000d002',
              kind: 'consulta',
              receivedOn: '2025-04-11',
              dueOn: '2025-04-29',
              businessDaysLeft: -3,
            }),
            makeRequest({
              id: '0190f7a0-0000-7000-8000-00000000d003',
              status: 'answered',
              receivedOn: '2025-01-10',
              businessDaysLeft: null,
            }),
          ],
          nextCursor: null,
        }),
    })
    renderApp('/o/coop-la-minga/privacy')
    const table = await screen.findByRole('table', { name: 'Solicitudes de titulares' })
    const rows = within(table).getAllByRole('row')
    expect(within(rows[1]!).getByText('Reclamo')).toBeInTheDocument()
    expect(within(rows[1]!).getByText('Vence en 5 días hábiles')).toBeInTheDocument()
    const overdue = within(rows[2]!).getByText('Vencida hace 3 días hábiles')
    expect(overdue.closest('.mantine-Badge-root')).toHaveAttribute('data-variant', 'filled')
    expect(within(rows[3]!).getByText('Respondida')).toBeInTheDocument()
    expect(within(rows[3]!).queryByText(/Vence|Vencida/)).not.toBeInTheDocument()
  })

  it('registers a request and shows the server field error on the person', async () => {
    const api = privacyApi({
      [`GET ${base}/privacy/requests`]: () => json({ items: [], nextCursor: null }),
      [`POST ${base}/people/search`]: () =>
        json({
          items: [
            {
              id: personId,
              kind: 'natural',
              documentType: 'CC',
              documentNumber: '****5678',
              displayName: 'José García',
              status: 'activo',
              membershipNumber: 7,
              tags: [],
              claimInProgress: false,
            },
          ],
          nextCursor: null,
          facets: { status: {}, tags: {} },
        }),
      [`POST ${base}/privacy/requests`]: () =>
        problem(422, 'unprocessable', { errors: [{ path: 'body.personId', message: 'Unknown person' }] }),
    })
    const { user } = renderApp('/o/coop-la-minga/privacy')
    expect(await screen.findByText('No hay solicitudes')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Nueva solicitud' }))
    const form = await screen.findByRole('form', { name: 'Nueva solicitud' })
    // The holder is picked by a (misspelt) name searched on the server, not typed as an id.
    await user.type(within(form).getByRole('combobox', { name: /Titular/ }), 'jose garsia')
    await user.click(await screen.findByRole('option', { name: /José García · CC \*\*\*\*5678/ }))
    expect(api.calls.find((c) => c.path.endsWith('/people/search'))?.body).toMatchObject({ q: 'jose garsia' })
    await user.type(within(form).getByRole('textbox', { name: /Descripción/ }), 'Quiero conocer mis datos')
    await user.click(within(form).getByRole('button', { name: 'Registrar solicitud' }))
    expect(await within(form).findByText('Unknown person')).toBeInTheDocument()
    const posted = api.calls.find((c) => c.method === 'POST' && c.path.endsWith('/privacy/requests'))
    expect(posted?.body).toEqual({
      personId,
      kind: 'consulta',
      channel: 'web',
      description: 'Quiero conocer mis datos',
    })
  })

  it('extends and answers a request from its detail page', async () => {
    let current = makeRequest()
    const api = privacyApi({
      [`GET ${base}/privacy/requests/${current.id}`]: () => json(current),
      [`POST ${base}/privacy/requests/${current.id}/extend`]: (request) => {
        current = makeRequest({
          status: 'extended',
          dueOn: '2026-04-29',
          businessDaysLeft: 13,
          extendedAt: '2026-04-01T15:00:00.000Z',
          extensionReason: (request.body as { reason: string }).reason,
        })
        return json(current)
      },
      [`POST ${base}/privacy/requests/${current.id}/answer`]: (request) => {
        current = {
          ...current,
          status: 'answered',
          response: (request.body as { response: string }).response,
          businessDaysLeft: null,
          closedOnTime: true,
        }
        return json(current)
      },
    })
    const { user } = renderApp(`/o/coop-la-minga/privacy/requests/${current.id}`)
    expect(await screen.findByRole('heading', { name: 'Solicitud de Reclamo' })).toBeInTheDocument()
    expect(screen.getByText('Vence en 5 días hábiles')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Prorrogar' }))
    const extend = await screen.findByRole('form', { name: 'Prorrogar el plazo' })
    await user.type(within(extend).getByRole('textbox', { name: /Motivo/ }), 'Verificamos con la pagaduría')
    await user.click(within(extend).getByRole('button', { name: 'Guardar' }))
    expect(await screen.findByText('Vence en 13 días hábiles')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Prorrogar' })).not.toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Responder' }))
    const answer = await screen.findByRole('form', { name: 'Responder la solicitud' })
    await user.type(within(answer).getByRole('textbox', { name: /Respuesta/ }), 'Corregimos la dirección.')
    await user.click(within(answer).getByRole('button', { name: 'Guardar' }))
    expect(await screen.findByText('Respondida')).toBeInTheDocument()
    expect(screen.getByText('Cerrada dentro del término')).toBeInTheDocument()
    expect(api.calls.find((c) => c.path.endsWith('/extend'))?.body).toEqual({
      reason: 'Verificamos con la pagaduría',
    })
    expect(api.calls.find((c) => c.path.endsWith('/answer'))?.body).toEqual({
      response: 'Corregimos la dirección.',
    })
  })

  it("shows a person's consent history and records a consent against the current policy", async () => {
    const consents: PersonConsents = {
      personId,
      current: [{ purposeId, state: 'revoked', since: '2026-02-05T15:00:00.000Z', policyVersion: null }],
      history: [
        {
          id: '0190f7a0-0000-7000-8000-00000000e001',
          personId,
          purposeId,
          kind: 'granted',
          policyId,
          policyVersion: 2,
          channel: 'papel',
          occurredAt: '2026-02-03T15:00:00.000Z',
          actorType: 'staff',
          actorUserId: null,
          ip: '10.0.0.7',
          reason: null,
        },
        {
          id: '0190f7a0-0000-7000-8000-00000000e002',
          personId,
          purposeId,
          kind: 'revoked',
          policyId: null,
          policyVersion: null,
          channel: 'telefono',
          occurredAt: '2026-02-05T15:00:00.000Z',
          actorType: 'subject',
          actorUserId: null,
          ip: null,
          reason: 'Ya no desea',
        },
      ],
    }
    const api = privacyApi({
      [`GET ${base}/privacy/people/${personId}/consents`]: () => json(consents),
      [`POST ${base}/privacy/consents`]: () => json(consents.history[0], 201),
    })
    const { user } = renderApp(`/o/coop-la-minga/privacy/people/${personId}`)
    const history = await screen.findByRole('table', { name: 'Historial' })
    const rows = within(history).getAllByRole('row')
    expect(within(rows[1]!).getByText('Papel')).toBeInTheDocument()
    expect(within(rows[1]!).getByText('10.0.0.7')).toBeInTheDocument()
    expect(within(rows[2]!).getByText('Revocada')).toBeInTheDocument()
    expect(within(rows[2]!).getByText('Ya no desea')).toBeInTheDocument()
    expect(within(rows[2]!).getByText('El titular')).toBeInTheDocument()

    const form = screen.getByRole('form', { name: 'Registrar autorización' })
    expect(within(form).getByText(/Versión 2/)).toBeInTheDocument()
    await user.click(within(form).getByRole('combobox', { name: /Finalidad/ }))
    await user.click(await screen.findByRole('option', { name: 'Tratamiento de datos' }))
    await user.click(within(form).getByRole('button', { name: 'Registrar autorización' }))
    await waitFor(() => expect(api.calls.some((c) => c.method === 'POST')).toBe(true))
    expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({
      personId,
      purposeId,
      policyId,
      channel: 'presencial',
    })
    expect(screen.getByRole('link', { name: 'Descargar mis datos (PDF)' })).toHaveAttribute(
      'href',
      `${base}/privacy/people/${personId}/export.pdf`,
    )
  })

  it('tells a member the page is for administrators and offers their own "Mis datos"', async () => {
    privacyApi({ [`GET ${base}/privacy/requests`]: () => problem(403, 'forbidden') }, 'member')
    renderApp('/o/coop-la-minga/privacy')
    expect(
      await screen.findByText('Solo quien administra la organización puede ver la protección de datos.'),
    ).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Mis datos' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Descargar mis datos (PDF)' })).toHaveAttribute(
      'href',
      `${base}/privacy/me/export.pdf`,
    )
  })
})
