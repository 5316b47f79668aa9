import type { CoefficientCheckResult, ImportUnitsResult, Unit, UnitHolder } from '@minga/contracts'
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeApi, json, problem } from '../../test/fake-api.ts'
import { makeOrg, moduleCatalog, signedIn } from '../../test/fixtures.ts'
import { renderApp } from '../../test/render-app.tsx'

const base = '/api/v1/orgs/coop-la-minga'

function makeUnit(overrides: Partial<Unit> = {}): Unit {
  return {
    id: '0190f7a0-0000-7000-8000-0000000000a1',
    code: 'T1-101',
    type: 'apartment',
    building: 'Torre 1',
    privateArea: '62.50',
    coefficient: '49.999999',
    notes: null,
    voter: { holderId: '0190f7a0-0000-7000-8000-0000000000b1', userId: null, name: 'María Gómez' },
    holdersInForce: 1,
    version: 3,
    ...overrides,
  }
}

const shortCheck: CoefficientCheckResult = {
  ok: false,
  unitCount: 2,
  unitsWithoutCoefficient: 0,
  sum: '99.999999',
  difference: '-0.000001',
  byBuilding: [
    { building: null, unitCount: 1, sum: '50.000000' },
    { building: 'Torre 1', unitCount: 1, sum: '49.999999' },
  ],
}

const holder: UnitHolder = {
  id: '0190f7a0-0000-7000-8000-0000000000b1',
  unitId: '0190f7a0-0000-7000-8000-0000000000a1',
  name: 'María Gómez',
  userId: null,
  email: null,
  phone: null,
  role: 'owner',
  validFrom: '2024-01-01',
  validTo: null,
  isVoter: false,
  inForce: true,
  version: 1,
}

function unitsApi(
  options: { manage?: boolean; routes?: Parameters<typeof fakeApi>[0]; units?: Unit[] } = {},
) {
  const org = makeOrg({
    kind: 'housing',
    enabledModules: ['units'],
    role: options.manage === false ? 'member' : 'admin',
  })
  const units = options.units ?? [
    makeUnit(),
    makeUnit({
      id: '0190f7a0-0000-7000-8000-0000000000a2',
      code: 'P-01',
      type: 'parking',
      building: null,
      privateArea: null,
      coefficient: '50.000000',
      voter: null,
      holdersInForce: 0,
    }),
  ]
  return fakeApi({
    'GET /api/v1/me': signedIn,
    'GET /api/v1/modules': moduleCatalog,
    'GET /api/v1/orgs': () => json({ items: [org], nextCursor: null }),
    [`GET ${base}`]: () => json(org),
    [`GET ${base}/me/permissions`]: () =>
      json({
        role: org.role,
        all: options.manage !== false,
        permissions: options.manage === false ? ['units:read'] : [],
        branches: [],
      }),
    [`GET ${base}/units`]: () => json({ items: units, nextCursor: null }),
    [`GET ${base}/units/coefficients/check`]: () => json(shortCheck),
    [`GET ${base}/units/${units[0]?.id}/holders`]: () => json({ items: [holder] }),
    [`GET ${base}/members`]: () =>
      json({
        items: [
          {
            userId: '0190f7a0-0000-7000-8000-0000000000c1',
            email: 'luis@example.test',
            name: 'Luis Mora',
            role: 'member',
            joinedAt: '2026-01-10T15:00:00.000Z',
          },
        ],
        nextCursor: null,
      }),
    ...options.routes,
  })
}

describe('units page', () => {
  it('lists units with Spanish decimals and warns that the coefficients fall short of 100 %', async () => {
    unitsApi()
    renderApp('/o/coop-la-minga/units')
    const table = await screen.findByRole('table', { name: 'Unidades privadas' })
    const rows = within(table).getAllByRole('row')
    const first = within(rows[1]!)
      .getAllByRole('cell')
      .map((cell) => cell.textContent)
    expect(first).toEqual(['T1-101', 'Apartamento', 'Torre 1', '62,50 m²', '49,999999 %', 'María Gómez', '1'])
    expect(within(rows[2]!).getByText('Sin votante')).toBeInTheDocument()
    expect(await within(table).findByText('Suman 99,999999 %, falta 0,000001 %')).toBeInTheDocument()
    expect(within(table).getByText('Total del conjunto (2 unidades)')).toBeInTheDocument()
    expect(document.title).toBe('Unidades · Minga')
  })

  it('sends the filters as query parameters', async () => {
    const api = unitsApi()
    const { user } = renderApp('/o/coop-la-minga/units')
    await screen.findByRole('table', { name: 'Unidades privadas' })
    await user.type(screen.getByLabelText('Buscar por código'), '101')
    await waitFor(() =>
      expect(api.callsTo('GET', `${base}/units`).some((c) => c.query.get('q') === '101')).toBe(true),
    )
    await user.click(screen.getByRole('combobox', { name: 'Torre o bloque' }))
    await user.click(await screen.findByRole('option', { name: 'Torre 1' }))
    await waitFor(() =>
      expect(
        api
          .callsTo('GET', `${base}/units`)
          .some((c) => c.query.get('q') === '101' && c.query.get('building') === 'Torre 1'),
      ).toBe(true),
    )
  })

  it('shows the server field error on the coefficient input of the create drawer', async () => {
    const api = unitsApi({
      routes: {
        [`POST ${base}/units`]: () =>
          problem(422, 'unprocessable', {
            title: 'Solicitud no procesable',
            errors: [{ path: 'body.coefficient', message: 'The coefficient cannot be above 100 %' }],
          }),
      },
    })
    const { user } = renderApp('/o/coop-la-minga/units')
    await user.click(await screen.findByRole('button', { name: 'Nueva unidad' }))
    const drawer = await screen.findByRole('dialog', { name: 'Nueva unidad' })
    await user.type(within(drawer).getByLabelText(/Código/), 'T2-101')
    await user.type(within(drawer).getByLabelText(/Coeficiente/), '100,5')
    await user.click(within(drawer).getByRole('button', { name: 'Guardar' }))
    expect(await within(drawer).findByText('The coefficient cannot be above 100 %')).toBeInTheDocument()
    expect(api.callsTo('POST', `${base}/units`)[0]?.body).toEqual({
      code: 'T2-101',
      type: 'apartment',
      building: null,
      privateArea: null,
      coefficient: '100,5',
      notes: null,
    })
  })

  it('edits with If-Match and marks a holder as voter from the drawer', async () => {
    const api = unitsApi({
      routes: {
        [`PATCH ${base}/units/0190f7a0-0000-7000-8000-0000000000a1`]: () =>
          json(makeUnit({ notes: 'x', version: 4 })),
        [`PATCH ${base}/units/0190f7a0-0000-7000-8000-0000000000a1/holders/${holder.id}`]: () =>
          json({ ...holder, isVoter: true }),
      },
    })
    const { user } = renderApp('/o/coop-la-minga/units')
    await user.click(await screen.findByRole('button', { name: 'T1-101' }))
    const drawer = await screen.findByRole('dialog', { name: 'Unidad T1-101' })
    expect(within(drawer).getByLabelText(/Coeficiente/)).toHaveValue('49,999999')
    await user.type(within(drawer).getByLabelText('Notas'), 'x')
    await user.click(within(drawer).getByRole('button', { name: 'Guardar' }))
    await waitFor(() => expect(api.callsTo('PATCH', `${base}/units/${makeUnit().id}`)).toHaveLength(1))
    expect(api.callsTo('PATCH', `${base}/units/${makeUnit().id}`)[0]?.headers.get('if-match')).toBe('"3"')

    const holders = await within(drawer).findByRole('table', { name: 'Titulares de la unidad' })
    await user.click(within(holders).getByRole('button', { name: 'Marcar como votante' }))
    await waitFor(() =>
      expect(api.callsTo('PATCH', `${base}/units/${makeUnit().id}/holders/${holder.id}`)[0]?.body).toEqual({
        isVoter: true,
      }),
    )
  })

  it('adds a holder linked to an org member, who becomes the voter', async () => {
    const api = unitsApi({
      routes: {
        [`POST ${base}/units/0190f7a0-0000-7000-8000-0000000000a1/holders`]: (request) =>
          json({ ...holder, id: '0190f7a0-0000-7000-8000-0000000000b2', ...(request.body as object) }, 201),
      },
    })
    const { user } = renderApp('/o/coop-la-minga/units')
    await user.click(await screen.findByRole('button', { name: 'T1-101' }))
    const drawer = await screen.findByRole('dialog', { name: 'Unidad T1-101' })
    await user.click(within(drawer).getByRole('combobox', { name: /Miembro de la organización/ }))
    await user.click(await screen.findByRole('option', { name: 'Luis Mora (luis@example.test)' }))
    expect(within(drawer).getByRole('textbox', { name: /^Nombre/ })).toHaveValue('Luis Mora')
    await user.click(within(drawer).getByRole('combobox', { name: 'Calidad' }))
    await user.click(await screen.findByRole('option', { name: 'Arrendatario' }))
    await user.click(within(drawer).getByRole('checkbox', { name: 'Es quien vota por la unidad' }))
    await user.click(within(drawer).getByRole('button', { name: 'Agregar titular' }))
    await waitFor(() => expect(api.callsTo('POST', `${base}/units/${makeUnit().id}/holders`)).toHaveLength(1))
    expect(api.callsTo('POST', `${base}/units/${makeUnit().id}/holders`)[0]?.body).toMatchObject({
      name: 'Luis Mora',
      userId: '0190f7a0-0000-7000-8000-0000000000c1',
      email: 'luis@example.test',
      role: 'tenant',
      isVoter: true,
      validFrom: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    })
  })

  it('previews CSV errors, then imports once the file is clean', async () => {
    const withErrors: ImportUnitsResult = {
      dryRun: true,
      committed: false,
      rows: 1,
      created: 0,
      updated: 0,
      holdersAdded: 0,
      errors: [{ row: 1, column: 'type', message: 'One of apartamento, casa, local, parqueadero, depósito' }],
      check: null,
    }
    const clean: ImportUnitsResult = {
      ...withErrors,
      errors: [],
      created: 1,
      check: { ...shortCheck, ok: true, sum: '100.000000', difference: '0.000000' },
    }
    const api = unitsApi({
      routes: {
        [`POST ${base}/units/import`]: (request) => {
          const body = request.body as { csv: string; dryRun: boolean }
          if (!body.dryRun) return json({ ...clean, dryRun: false, committed: true })
          return json(body.csv.includes('castillo') ? withErrors : clean)
        },
      },
    })
    const { user } = renderApp('/o/coop-la-minga/units')
    await user.click(await screen.findByRole('button', { name: 'Importar CSV' }))
    const modal = await screen.findByRole('dialog', { name: 'Importar unidades desde CSV' })
    const text = within(modal).getByLabelText('O pega el contenido')
    await user.type(text, 'code,type,coefficient{enter}X-1,castillo,100')
    await user.click(within(modal).getByRole('button', { name: 'Revisar' }))
    const errors = await within(modal).findByRole('table', { name: 'Errores del archivo' })
    expect(within(errors).getByText('type')).toBeInTheDocument()
    expect(within(modal).getByRole('button', { name: 'Importar 1 filas' })).toBeDisabled()

    await user.clear(text)
    await user.type(text, 'code,type,coefficient{enter}X-1,casa,100')
    await user.click(within(modal).getByRole('button', { name: 'Revisar' }))
    expect(await within(modal).findByText('Suma 100 %')).toBeInTheDocument()
    await user.click(within(modal).getByRole('button', { name: 'Importar 1 filas' }))
    await waitFor(() => expect(api.callsTo('POST', `${base}/units/import`)).toHaveLength(3))
    expect(api.callsTo('POST', `${base}/units/import`)[2]?.body).toEqual({
      csv: 'code,type,coefficient\nX-1,casa,100',
      dryRun: false,
      coefficientsFromAreas: false,
    })
  })

  it('hides the management buttons from residents', async () => {
    unitsApi({ manage: false })
    renderApp('/o/coop-la-minga/units')
    await screen.findByRole('table', { name: 'Unidades privadas' })
    expect(screen.queryByRole('button', { name: 'Nueva unidad' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Importar CSV' })).not.toBeInTheDocument()
  })
})
