import type { PersonListItem } from '@minga/contracts'
import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { json } from '../../../test/fake-api.ts'
import { renderApp } from '../../../test/render-app.tsx'
import { base, importApi, importId, makeImport } from './import-fixtures.ts'

const jose: PersonListItem = {
  id: '0190f7a0-0000-7000-8000-0000000000a1',
  kind: 'natural',
  documentType: 'CC',
  documentNumber: '****5678',
  displayName: 'José García',
  status: 'activo',
  membershipNumber: 7,
  tags: ['fundador'],
  claimInProgress: false,
}

const peopleRoutes = {
  [`POST ${base}/people/search`]: () =>
    json({
      items: [jose],
      nextCursor: null,
      facets: { status: { activo: 1, retirado: 3 }, tags: { fundador: 1 } },
    }),
}

describe('people page: export and import', () => {
  it('builds the export links with the current search, status and tags', async () => {
    const api = importApi(peopleRoutes)
    const { user } = renderApp('/o/coop-la-minga/people')
    await screen.findByRole('table', { name: 'Personas registradas' })
    // One filter at a time, each confirmed by the list's own search, so no click lands on a re-rendering list.
    const searched = (key: string, value: string) =>
      waitFor(() =>
        expect(
          api
            .callsTo('POST', `${base}/people/search`)
            .some((call) => (call.body as Record<string, unknown>)[key] === value),
        ).toBe(true),
      )
    await user.click(screen.getByRole('checkbox', { name: 'fundador (1)' }))
    await searched('tags', 'fundador')
    await user.click(await screen.findByRole('combobox', { name: 'Estado' }))
    await user.click(await screen.findByRole('option', { name: 'Retirado (3)' }))
    await searched('status', 'retirado')
    await user.type(screen.getByLabelText('Buscar'), 'García')
    await searched('q', 'García')

    await user.click(await screen.findByRole('button', { name: 'Exportar' }))
    const csv = await screen.findByRole('menuitem', { name: /^CSV/ })
    const csvUrl = new URL(csv.getAttribute('href') ?? '', 'http://x')
    expect(csvUrl.pathname).toBe(`${base}/people/export`)
    expect(Object.fromEntries(csvUrl.searchParams)).toEqual({
      format: 'csv',
      q: 'García',
      status: 'retirado',
      tags: 'fundador',
    })
    expect(csv).toHaveAttribute('download')
    const xlsx = new URL(
      screen.getByRole('menuitem', { name: /^Excel/ }).getAttribute('href') ?? '',
      'http://x',
    )
    expect(xlsx.searchParams.get('format')).toBe('xlsx')
    expect(xlsx.searchParams.get('status')).toBe('retirado')
  })

  it('exports without filters and hides the import button from readers', async () => {
    importApi(peopleRoutes, { write: false })
    const { user } = renderApp('/o/coop-la-minga/people')
    await screen.findByRole('table', { name: 'Personas registradas' })
    expect(screen.queryByRole('link', { name: 'Importar' })).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Exportar' }))
    expect(await screen.findByRole('menuitem', { name: /^CSV/ })).toHaveAttribute(
      'href',
      `${base}/people/export?format=csv`,
    )
  })

  it('opens the wizard from the import button and lists earlier imports', async () => {
    const api = importApi({
      ...peopleRoutes,
      [`GET ${base}/people/imports`]: () =>
        json({
          items: [
            {
              id: importId,
              fileName: 'asociados-2026.xlsx',
              format: 'xlsx',
              status: 'committed',
              totalRows: 1200,
              errorRows: 4,
              created: 1000,
              updated: 196,
              createdBy: 'user-ana',
              createdAt: '2026-11-21T14:00:00.000Z',
            },
          ],
          nextCursor: null,
        }),
      [`GET ${base}/people/imports/${importId}`]: () =>
        json(makeImport({ fileName: 'asociados-2026.xlsx', status: 'validating' })),
    })
    const { user, router } = renderApp('/o/coop-la-minga/people')
    await user.click(await screen.findByRole('link', { name: 'Importar' }))
    expect(await screen.findByRole('heading', { name: 'Importar personas' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/o/coop-la-minga/people/import')
    expect(screen.getByRole('button', { name: 'Subir archivo' })).toBeDisabled()
    expect(screen.getByText(/se actualiza esa persona/)).toBeInTheDocument()

    const history = await screen.findByRole('table', { name: 'Importaciones anteriores' })
    expect(history).toHaveTextContent('Importada')
    await user.click(screen.getByRole('link', { name: 'asociados-2026.xlsx' }))
    // Resumes at its step: a running validation shows its progress bar.
    expect(await screen.findByRole('progressbar', { name: 'Progreso de la validación' })).toBeInTheDocument()
    expect(router.state.location.search).toEqual({ import: importId })
    expect(api.callsTo('GET', `${base}/people/imports/${importId}`).length).toBeGreaterThan(0)
  })

  it('tells a reader without people:write that they cannot import', async () => {
    const api = importApi({}, { write: false })
    renderApp('/o/coop-la-minga/people/import')
    expect(await screen.findByText('No tienes permiso para importar personas.')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Subir archivo' })).toBeNull()
    expect(api.callsTo('GET', `${base}/people/imports`)).toHaveLength(0)
  })
})
