import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeApi, json } from '../../test/fake-api.ts'
import { makeOrg, signedIn } from '../../test/fixtures.ts'
import { renderApp } from '../../test/render-app.tsx'

describe('Mis organizaciones', () => {
  it('invites to create an organization when I have none', async () => {
    fakeApi({ 'GET /api/v1/me': signedIn, 'GET /api/v1/orgs': () => json({ items: [], nextCursor: null }) })
    const { user, router } = renderApp('/orgs')
    expect(await screen.findByRole('heading', { name: 'Mis organizaciones' })).toBeInTheDocument()
    expect(screen.getByText('Aún no haces parte de ninguna organización')).toBeInTheDocument()
    await user.click(screen.getByRole('link', { name: 'Crear organización' }))
    expect(await screen.findByRole('heading', { name: 'Crear organización', level: 1 })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/orgs/new')
  })

  it('lists my organizations with kind and role, and loads more with the cursor', async () => {
    const api = fakeApi({
      'GET /api/v1/me': signedIn,
      'GET /api/v1/orgs': (request) =>
        request.query.get('cursor') === 'page-2'
          ? json({
              items: [
                makeOrg({
                  id: 'b',
                  slug: 'comunidad-js',
                  name: 'Comunidad JS',
                  kind: 'community',
                  role: 'member',
                }),
              ],
              nextCursor: null,
            })
          : json({ items: [makeOrg()], nextCursor: 'page-2' }),
    })
    const { user } = renderApp('/orgs')
    const first = await screen.findByRole('link', { name: 'Cooperativa La Minga' })
    expect(first).toHaveAttribute('href', '/o/coop-la-minga')
    expect(first).toHaveTextContent('Cooperativa de ahorro y crédito')
    expect(first).toHaveTextContent('Propietario')

    await user.click(screen.getByRole('button', { name: 'Cargar más' }))
    const second = await screen.findByRole('link', { name: 'Comunidad JS' })
    expect(second).toHaveTextContent('Comunidad tecnológica')
    expect(second).toHaveTextContent('Miembro')
    expect(screen.queryByRole('button', { name: 'Cargar más' })).not.toBeInTheDocument()
    expect(api.callsTo('GET', '/api/v1/orgs').map((call) => call.query.get('cursor'))).toEqual([
      null,
      'page-2',
    ])
  })

  it('sends "/" to my organizations', async () => {
    fakeApi({ 'GET /api/v1/me': signedIn, 'GET /api/v1/orgs': () => json({ items: [], nextCursor: null }) })
    const { router } = renderApp('/')
    expect(await screen.findByRole('heading', { name: 'Mis organizaciones' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/orgs')
  })
})
