import type { CreateOrg } from '@minga/contracts'
import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeApi, json, problem } from '../../test/fake-api.ts'
import { makeOrg, moduleCatalog, signedIn } from '../../test/fixtures.ts'
import { renderApp } from '../../test/render-app.tsx'

const kindLabels = [
  'Cooperativa de ahorro y crédito',
  'Cooperativa de vivienda / propiedad horizontal',
  'Restaurante / servicio de alimentos',
  'Incubadora / ecosistema emprendedor',
  'Comunidad tecnológica',
]

describe('create organization', () => {
  it('suggests a slug from the name until the slug is edited by hand', async () => {
    fakeApi({ 'GET /api/v1/me': signedIn })
    const { user } = renderApp('/orgs/new')
    const name = await screen.findByLabelText(/Nombre de la organización/)
    const slug = screen.getByLabelText(/Identificador/)

    await user.type(name, 'Cooperativa Ñandú & Cía.')
    expect(slug).toHaveValue('cooperativa-nandu-cia')

    await user.clear(slug)
    await user.type(slug, 'nandu')
    await user.type(name, ' Ltda')
    expect(slug).toHaveValue('nandu')
  })

  it('offers the five kinds with Spanish labels', async () => {
    fakeApi({ 'GET /api/v1/me': signedIn })
    renderApp('/orgs/new')
    const kind = await screen.findByLabelText(/Tipo de organización/)
    const options = Array.from((kind as HTMLSelectElement).options)
      .filter((option) => option.value)
      .map((option) => option.textContent)
    expect(options).toEqual(kindLabels)
  })

  it('validates with the shared contract before calling the server', async () => {
    const api = fakeApi({ 'GET /api/v1/me': signedIn })
    const { user } = renderApp('/orgs/new')
    await user.type(await screen.findByLabelText(/Nombre de la organización/), 'X')
    await user.clear(screen.getByLabelText(/Identificador/))
    await user.type(screen.getByLabelText(/Identificador/), '-mal-')
    await user.click(screen.getByRole('button', { name: 'Crear organización' }))
    expect(await screen.findByText('El nombre debe tener entre 2 y 120 caracteres.')).toBeInTheDocument()
    expect(screen.getByText(/Usa solo letras minúsculas, números y guiones simples/)).toBeInTheDocument()
    expect(screen.getByText('Elige el tipo de organización.')).toBeInTheDocument()
    expect(api.callsTo('POST', '/api/v1/orgs')).toHaveLength(0)
  })

  it('shows a 409 slug conflict under the slug field', async () => {
    fakeApi({
      'GET /api/v1/me': signedIn,
      'POST /api/v1/orgs': () =>
        problem(409, 'conflict', {
          title: 'Conflicto',
          detail: 'Ya existe una organización con ese identificador',
          errors: [{ path: 'body.slug', message: 'El identificador «la-minga» ya está en uso' }],
        }),
    })
    const { user } = renderApp('/orgs/new')
    await user.type(await screen.findByLabelText(/Nombre de la organización/), 'La Minga')
    await user.selectOptions(screen.getByLabelText(/Tipo de organización/), 'housing')
    await user.click(screen.getByRole('button', { name: 'Crear organización' }))

    const slug = screen.getByLabelText(/Identificador/)
    await waitFor(() => expect(slug).toHaveAttribute('aria-invalid', 'true'))
    expect(screen.getByText('El identificador «la-minga» ya está en uso')).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('creates the organization and opens its home', async () => {
    let created: CreateOrg | undefined
    const api = fakeApi({
      'GET /api/v1/me': signedIn,
      'GET /api/v1/modules': moduleCatalog,
      'GET /api/v1/orgs': () =>
        json({ items: created ? [makeOrg({ slug: 'la-minga', name: 'La Minga' })] : [], nextCursor: null }),
      'POST /api/v1/orgs': (request) => {
        created = request.body as CreateOrg
        return json(makeOrg({ slug: 'la-minga', name: 'La Minga', kind: 'housing' }), 201)
      },
    })
    const { user, router } = renderApp('/orgs/new')
    await user.type(await screen.findByLabelText(/Nombre de la organización/), 'La Minga')
    await user.selectOptions(screen.getByLabelText(/Tipo de organización/), 'housing')
    await user.click(screen.getByRole('button', { name: 'Crear organización' }))

    expect(await screen.findByRole('heading', { name: 'La Minga', level: 1 })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/o/la-minga')
    expect(screen.getByTestId('org-kind')).toHaveTextContent('Cooperativa de vivienda / propiedad horizontal')
    expect(created).toEqual({ name: 'La Minga', slug: 'la-minga', kind: 'housing' })
    // the org came from the POST answer: no extra GET for it
    expect(api.callsTo('GET', '/api/v1/orgs/la-minga')).toHaveLength(0)
  })
})
