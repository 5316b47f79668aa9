import type { Person } from '@minga/contracts'
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeApi, json } from '../../test/fake-api.ts'
import { makeOrg, moduleCatalog, signedIn } from '../../test/fixtures.ts'
import { renderApp } from '../../test/render-app.tsx'
import { accentInsensitiveFilter, daneNames, municipalityOptions } from './dane-options.ts'

const base = '/api/v1/orgs/coop-la-minga'
const id = '0190f7a0-0000-7000-8000-0000000000d1'

const marta: Person = {
  id,
  kind: 'natural',
  documentType: 'CC',
  documentNumber: '****4321',
  displayName: 'Marta Ríos',
  status: 'activo',
  membershipNumber: 3,
  tags: [],
  claimInProgress: false,
  nitCheckDigit: null,
  firstNames: 'Marta',
  lastNames: 'Ríos',
  businessName: null,
  birthDate: null,
  emails: [],
  phones: [],
  address: { line: 'Calle 10 # 43-12', departmentCode: '05', municipalityCode: '05001' },
  employerName: null,
  position: null,
  salary: null,
  statusChangedOn: '2020-01-01',
  statusReason: null,
  joinedOn: '2020-01-01',
  branchId: null,
  userId: null,
  anonymized: false,
  relatives: [],
  sensitiveVisible: false,
  completeness: { percent: 40, missing: [] },
  version: 4,
}

function personApi() {
  const org = makeOrg({ kind: 'savings_credit', enabledModules: ['people'], role: 'admin' })
  return fakeApi({
    'GET /api/v1/me': signedIn,
    'GET /api/v1/modules': moduleCatalog,
    'GET /api/v1/orgs': () => json({ items: [org], nextCursor: null }),
    [`GET ${base}`]: () => json(org),
    [`GET ${base}/me/permissions`]: () => json({ role: 'admin', all: true, permissions: [], branches: [] }),
    [`POST ${base}/people/search`]: () =>
      json({ items: [], nextCursor: null, facets: { status: {}, tags: {} } }),
    [`GET ${base}/people/${id}`]: () => json(marta),
    [`GET ${base}/people/${id}/history`]: () => json({ items: [], statusHistory: [] }),
    [`PATCH ${base}/people/${id}`]: (request) =>
      json({ ...marta, address: (request.body as Partial<Person>).address, version: 5 }),
  })
}

describe('DANE address options', () => {
  it('lists a department by name and marks áreas no municipalizadas', () => {
    expect(municipalityOptions(null, 'ANM')).toEqual([])
    const guainia = municipalityOptions('94', 'ANM').map((o) => o.label)
    expect(guainia).toContain('Inírida (94001)')
    expect(guainia).toContain('Barrancominas (94343)')
    expect(guainia).toContain('Cacahual · ANM (94886)')
    expect(guainia).toHaveLength(9)
  })

  it('searches without accents or case and shows names instead of codes', () => {
    const options = municipalityOptions('11', 'ANM')
    expect(accentInsensitiveFilter({ options, search: 'BOGOTA', limit: 10 })).toHaveLength(1)
    expect(accentInsensitiveFilter({ options, search: 'medellin', limit: 10 })).toHaveLength(0)
    expect(daneNames({ departmentCode: '05', municipalityCode: '05001' })).toEqual({
      department: 'Antioquia',
      municipality: 'Medellín',
    })
    expect(daneNames({ departmentCode: '05', municipalityCode: '05999' }).municipality).toBe('05999')
    expect(daneNames(null)).toEqual({ department: null, municipality: null })
  })
})

describe('person address', () => {
  it('shows the municipality and department names on the person page', async () => {
    personApi()
    const { user } = renderApp(`/o/coop-la-minga/people/${id}`)
    expect(await screen.findByRole('heading', { name: 'Marta Ríos' })).toBeInTheDocument()
    await user.click(screen.getByRole('tab', { name: 'Contacto' }))
    const panel = await screen.findByRole('tabpanel', { name: 'Contacto' })
    expect(within(panel).getByText('Antioquia')).toBeInTheDocument()
    expect(within(panel).getByText('Medellín')).toBeInTheDocument()
    expect(within(panel).queryByText('05001')).toBeNull()
  })

  it('picks a municipality of the chosen department and clears it when the department changes', async () => {
    const api = personApi()
    const { user } = renderApp(`/o/coop-la-minga/people/${id}`)
    await user.click(await screen.findByRole('button', { name: 'Editar' }))
    const form = await screen.findByRole('dialog')
    const department = within(form).getByRole('combobox', { name: 'Departamento' })
    const municipality = within(form).getByRole('combobox', { name: 'Municipio' })
    expect(department).toHaveValue('Antioquia (05)')
    expect(municipality).toHaveValue('Medellín (05001)')

    await user.click(department)
    await user.clear(department)
    await user.type(department, 'cundin')
    await user.click(await screen.findByRole('option', { name: 'Cundinamarca (25)' }))
    await waitFor(() => expect(municipality).toHaveValue(''))

    await user.click(municipality)
    await user.type(municipality, 'fusagasuga')
    expect(screen.queryByRole('option', { name: /Medellín/ })).toBeNull()
    await user.click(await screen.findByRole('option', { name: 'Fusagasugá (25290)' }))
    expect(municipality).toHaveValue('Fusagasugá (25290)')

    await user.click(within(form).getByRole('button', { name: 'Guardar' }))
    await waitFor(() => expect(api.callsTo('PATCH', `${base}/people/${id}`)).toHaveLength(1))
    expect(api.callsTo('PATCH', `${base}/people/${id}`)[0]?.body).toMatchObject({
      address: { line: 'Calle 10 # 43-12', departmentCode: '25', municipalityCode: '25290' },
    })
  })

  it('keeps the municipality select off until a department is chosen', async () => {
    personApi()
    const { user } = renderApp('/o/coop-la-minga/people')
    await user.click(await screen.findByRole('button', { name: 'Nueva persona' }))
    const drawer = await screen.findByRole('dialog', { name: 'Nueva persona' })
    const municipality = within(drawer).getByRole('combobox', { name: 'Municipio' })
    expect(municipality).toBeDisabled()
    expect(municipality).toHaveAttribute('placeholder', 'Elige primero el departamento')
    await user.click(within(drawer).getByRole('combobox', { name: 'Departamento' }))
    await user.click(await screen.findByRole('option', { name: 'Bogotá, D.C. (11)' }))
    expect(municipality).toBeEnabled()
    await user.click(municipality)
    expect(await screen.findByRole('option', { name: 'Bogotá, D.C. (11001)' })).toBeInTheDocument()
  })
})
