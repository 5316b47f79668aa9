import { screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { fakeApi, json, problem } from '../test/fake-api.ts'
import { makeOrg, signedIn, signedOut } from '../test/fixtures.ts'
import { renderApp } from '../test/render-app.tsx'

describe('not-found and error pages', () => {
  it('shows "Página no encontrada" for an unknown route', async () => {
    fakeApi({ 'GET /api/v1/me': signedOut })
    renderApp('/esto/no/existe')
    expect(await screen.findByRole('heading', { name: 'Página no encontrada' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Ir al inicio' })).toHaveAttribute('href', '/')
  })

  it('shows "Página no encontrada" when the org answers 404', async () => {
    fakeApi({
      'GET /api/v1/me': signedIn,
      'GET /api/v1/orgs': () => json({ items: [makeOrg()], nextCursor: null }),
      'GET /api/v1/orgs/ajena': () => problem(404, 'not_found', { title: 'No encontrado' }),
    })
    renderApp('/o/ajena')
    expect(await screen.findByRole('heading', { name: 'Página no encontrada' })).toBeInTheDocument()
  })

  it('shows "Algo salió mal" with the request id of a server problem', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    fakeApi({
      'GET /api/v1/me': signedIn,
      'GET /api/v1/orgs': () => problem(500, 'internal', { title: 'Error interno', requestId: 'req-7f3a9c' }),
    })
    renderApp('/orgs')
    expect(await screen.findByRole('heading', { name: 'Algo salió mal' })).toBeInTheDocument()
    expect(screen.getByTestId('request-id')).toHaveTextContent('req-7f3a9c')
    expect(screen.getByRole('button', { name: 'Reintentar' })).toBeInTheDocument()
  })

  it('redirects to sign in when a query answers 401 after the session ended', async () => {
    let calls = 0
    fakeApi({
      'GET /api/v1/me': () => (calls++ === 0 ? signedIn() : signedOut()),
      'GET /api/v1/orgs': () => problem(401, 'unauthenticated', { title: 'No autenticado' }),
    })
    const { router } = renderApp('/orgs')
    expect(await screen.findByRole('heading', { name: 'Inicia sesión' })).toBeInTheDocument()
    expect(router.state.location.search).toEqual({ redirect: '/orgs' })
  })

  it('sends to Mi cuenta when the org answers 403 two_factor_required', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    fakeApi({
      'GET /api/v1/me': signedIn,
      'GET /api/v1/orgs': () => json({ items: [makeOrg()], nextCursor: null }),
      'GET /api/v1/orgs/coop-la-minga': () =>
        problem(403, 'two_factor_required', { title: 'Two-factor authentication required' }),
    })
    renderApp('/o/coop-la-minga')
    expect(
      await screen.findByText(
        'Esta organización exige la verificación en dos pasos para tu rol. Actívala en Mi cuenta.',
      ),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Ir a Mi cuenta' })).toHaveAttribute('href', '/account')
    expect(screen.queryByRole('heading', { name: 'Algo salió mal' })).not.toBeInTheDocument()
  })
})
