import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeApi, json, problem } from '../../test/fake-api.ts'
import { makeOrg, moduleCatalog, signedIn, signedOut } from '../../test/fixtures.ts'
import { renderApp } from '../../test/render-app.tsx'

const token = 'inv_0123456789abcdefghijklmnop'
const path = `/invitations/${token}`

describe('invitation page', () => {
  it('accepts the invitation and opens the organization', async () => {
    const org = makeOrg({ role: 'member' })
    const api = fakeApi({
      'GET /api/v1/me': signedIn,
      'GET /api/v1/modules': moduleCatalog,
      'GET /api/v1/orgs': () => json({ items: [org], nextCursor: null }),
      'GET /api/v1/orgs/coop-la-minga': () => json(org),
      [`POST /api/v1/invitations/${token}/accept`]: () =>
        json({ org: { id: org.id, slug: org.slug, name: org.name }, role: 'member' }),
    })
    const { user, router } = renderApp(path)
    expect(await screen.findByText('Responderás como ana@example.co.')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Aceptar' }))
    expect(await screen.findByRole('heading', { name: 'Cooperativa La Minga', level: 1 })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/o/coop-la-minga')
    expect(api.callsTo('POST', `/api/v1/invitations/${token}/accept`)[0]?.body).toEqual({})
  })

  it('declines the invitation', async () => {
    const api = fakeApi({
      'GET /api/v1/me': signedIn,
      [`POST /api/v1/invitations/${token}/decline`]: () =>
        json({ org: { id: 'o', slug: 'x', name: 'X' }, role: 'member' }),
    })
    const { user } = renderApp(path)
    await user.click(await screen.findByRole('button', { name: 'Rechazar' }))
    expect(await screen.findByText('Rechazaste la invitación.')).toBeInTheDocument()
    expect(api.callsTo('POST', `/api/v1/invitations/${token}/decline`)).toHaveLength(1)
  })

  it('shows the server explanation when the invitation expired', async () => {
    fakeApi({
      'GET /api/v1/me': signedIn,
      [`POST /api/v1/invitations/${token}/accept`]: () =>
        problem(409, 'conflict', { title: 'Conflicto', detail: 'Esta invitación venció; pide una nueva.' }),
    })
    const { user } = renderApp(path)
    await user.click(await screen.findByRole('button', { name: 'Aceptar' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Esta invitación venció; pide una nueva.')
  })

  it('sends a signed-out visitor to sign in or sign up, and back here afterwards', async () => {
    const api = fakeApi({ 'GET /api/v1/me': signedOut })
    renderApp(path)
    const signIn = await screen.findByRole('link', { name: 'Iniciar sesión' })
    expect(signIn).toHaveAttribute('href', `/sign-in?redirect=${encodeURIComponent(path)}`)
    expect(screen.getByRole('link', { name: 'Crea una cuenta' })).toHaveAttribute(
      'href',
      `/sign-up?redirect=${encodeURIComponent(path)}`,
    )
    await waitFor(() => expect(api.calls.some((call) => call.method === 'POST')).toBe(false))
  })
})
