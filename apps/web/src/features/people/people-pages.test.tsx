import type { Person, PersonListItem } from '@minga/contracts'
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeApi, json, problem } from '../../test/fake-api.ts'
import { makeOrg, moduleCatalog, signedIn } from '../../test/fixtures.ts'
import { renderApp } from '../../test/render-app.tsx'

const base = '/api/v1/orgs/coop-la-minga'
const joseId = '0190f7a0-0000-7000-8000-0000000000a1'

const jose: PersonListItem = {
  id: joseId,
  kind: 'natural',
  documentType: 'CC',
  documentNumber: '****5678',
  displayName: 'José García',
  status: 'activo',
  membershipNumber: 7,
  tags: ['fundador'],
  claimInProgress: true,
}

const josePerson: Person = {
  ...jose,
  nitCheckDigit: null,
  firstNames: 'José',
  lastNames: 'García',
  businessName: null,
  birthDate: '1980-05-01',
  emails: ['jose@example.test'],
  phones: ['****567'],
  address: { line: 'Cra 1', departmentCode: '11', municipalityCode: '11001' },
  employerName: null,
  position: null,
  salary: null,
  statusChangedOn: '2020-01-01',
  statusReason: null,
  joinedOn: '2020-01-01',
  branchId: null,
  userId: null,
  anonymized: false,
  relatives: [
    {
      id: '0190f7a0-0000-7000-8000-0000000000c1',
      name: 'Ana García',
      relationship: 'hija',
      documentType: null,
      documentNumber: null,
      percentage: 100,
    },
  ],
  sensitiveVisible: false,
  completeness: { percent: 56, missing: ['phones'] },
  version: 2,
}

function peopleApi(options: { all?: boolean; routes?: Parameters<typeof fakeApi>[0] } = {}) {
  const org = makeOrg({
    kind: 'savings_credit',
    enabledModules: ['people'],
    role: options.all === false ? 'member' : 'admin',
  })
  return fakeApi({
    'GET /api/v1/me': signedIn,
    'GET /api/v1/modules': moduleCatalog,
    'GET /api/v1/orgs': () => json({ items: [org], nextCursor: null }),
    [`GET ${base}`]: () => json(org),
    [`GET ${base}/me/permissions`]: () =>
      json({
        role: org.role,
        all: options.all !== false,
        permissions: options.all === false ? ['people:read'] : [],
        branches: [],
      }),
    [`POST ${base}/people/search`]: () =>
      json({
        items: [jose],
        nextCursor: null,
        facets: { status: { activo: 1, retirado: 3 }, tags: { fundador: 1 } },
      }),
    [`GET ${base}/people/${joseId}`]: () => json(josePerson),
    [`GET ${base}/people/${joseId}/history`]: () =>
      json({
        items: [
          {
            at: '2026-01-02T15:00:00.000Z',
            actorId: null,
            action: 'person.updated',
            changes: { lastNames: { from: 'Garcia', to: 'García' } },
          },
        ],
        statusHistory: [],
      }),
    ...options.routes,
  })
}

describe('people list', () => {
  it('lists people with facet counts and sends the misspelt search as typed', async () => {
    const api = peopleApi()
    const { user } = renderApp('/o/coop-la-minga/people')
    const table = await screen.findByRole('table', { name: 'Personas registradas' })
    const cells = within(within(table).getAllByRole('row')[1]!)
      .getAllByRole('cell')
      .map((c) => c.textContent)
    expect(cells).toEqual(['José GarcíaReclamo en trámite', 'CC ****5678', '7', 'Activo', 'fundador'])
    expect(screen.getByRole('checkbox', { name: 'fundador (1)' })).toBeInTheDocument()
    await user.type(screen.getByLabelText('Buscar'), 'Jose Garzia')
    await waitFor(() =>
      expect(
        api
          .callsTo('POST', `${base}/people/search`)
          .some((c) => (c.body as { q?: string }).q === 'Jose Garzia'),
      ).toBe(true),
    )
    await user.click(screen.getByRole('combobox', { name: 'Estado' }))
    await user.click(await screen.findByRole('option', { name: 'Retirado (3)' }))
    await waitFor(() =>
      expect(
        api
          .callsTo('POST', `${base}/people/search`)
          .some((c) => (c.body as { status?: string }).status === 'retirado'),
      ).toBe(true),
    )
    expect(document.title).toBe('Personas · Minga')
  })
})

describe('person form and page', () => {
  it('shows the server field error on the document number input', async () => {
    const api = peopleApi({
      routes: {
        [`POST ${base}/people`]: () =>
          problem(422, 'unprocessable', {
            title: 'Solicitud no procesable',
            errors: [{ path: 'body.documentNumber', message: 'A CC number has 3 to 10 digits' }],
          }),
      },
    })
    const { user } = renderApp('/o/coop-la-minga/people')
    await user.click(await screen.findByRole('button', { name: 'Nueva persona' }))
    const drawer = await screen.findByRole('dialog', { name: 'Nueva persona' })
    await user.type(within(drawer).getByLabelText(/Número de documento/), '12')
    await user.type(within(drawer).getByLabelText(/Nombres/), 'José')
    await user.type(within(drawer).getByLabelText(/Apellidos/), 'García')
    await user.click(within(drawer).getByRole('button', { name: 'Guardar' }))
    expect(await within(drawer).findByText('A CC number has 3 to 10 digits')).toBeInTheDocument()
    expect(api.callsTo('POST', `${base}/people`)[0]?.body).toMatchObject({
      kind: 'natural',
      documentType: 'CC',
      documentNumber: '12',
      firstNames: 'José',
      lastNames: 'García',
    })
  })

  it('shows the expediente without the employment section when sensitive data is hidden', async () => {
    peopleApi({ all: false })
    const { user } = renderApp(`/o/coop-la-minga/people/${joseId}`)
    expect(await screen.findByRole('heading', { name: 'José García' })).toBeInTheDocument()
    expect(screen.getByText('Expediente completo al 56 %')).toBeInTheDocument()
    expect(screen.queryByRole('tab', { name: 'Laboral' })).toBeNull()
    expect(
      screen.getByText('No tienes permiso para ver los datos laborales y financieros.'),
    ).toBeInTheDocument()
    await user.click(screen.getByRole('tab', { name: 'Familia y beneficiarios' }))
    expect(await screen.findByText('Beneficiario 100 %')).toBeInTheDocument()
    await user.click(screen.getByRole('tab', { name: 'Historial' }))
    expect(await screen.findByText('lastNames: Garcia → García')).toBeInTheDocument()
  })
})
