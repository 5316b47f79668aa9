import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeApi, json, problem } from '../../test/fake-api.ts'
import { ana, makeOrg, signedIn, signedOut } from '../../test/fixtures.ts'
import { renderApp } from '../../test/render-app.tsx'

describe('sign in', () => {
  it('shows the form in Spanish by default', async () => {
    fakeApi({ 'GET /api/v1/me': signedOut })
    renderApp('/sign-in')
    expect(await screen.findByRole('heading', { name: 'Inicia sesión' })).toBeInTheDocument()
    expect(screen.getByLabelText(/Correo electrónico/)).toBeInTheDocument()
    expect(screen.getByLabelText(/Contraseña/)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Crea una cuenta' })).toHaveAttribute('href', '/sign-up')
  })

  it('shows field errors from a problem+json under the matching input', async () => {
    const api = fakeApi({
      'GET /api/v1/me': signedOut,
      'POST /api/auth/sign-in/email': () =>
        problem(400, 'validation_failed', {
          title: 'Datos inválidos',
          errors: [{ path: 'body.email', message: 'El correo no tiene un formato válido' }],
        }),
    })
    const { user } = renderApp('/sign-in')
    await user.type(await screen.findByLabelText(/Correo electrónico/), 'ana@example.co')
    await user.type(screen.getByLabelText(/Contraseña/), 'una-clave-larga')
    await user.click(screen.getByRole('button', { name: 'Iniciar sesión' }))

    const email = screen.getByLabelText(/Correo electrónico/)
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'))
    expect(email).toHaveAccessibleDescription('El correo no tiene un formato válido')
    const [request] = api.callsTo('POST', '/api/auth/sign-in/email')
    expect(request?.body).toEqual({ email: 'ana@example.co', password: 'una-clave-larga' })
    expect(request?.headers.get('accept-language')).toBe('es-CO')
    expect(request?.headers.get('content-type')).toBe('application/json')
  })

  it('translates Better Auth error codes into Spanish', async () => {
    fakeApi({
      'GET /api/v1/me': signedOut,
      'POST /api/auth/sign-in/email': () =>
        json({ code: 'INVALID_EMAIL_OR_PASSWORD', message: 'Invalid email or password' }, 401),
    })
    const { user } = renderApp('/sign-in')
    await user.type(await screen.findByLabelText(/Correo electrónico/), 'ana@example.co')
    await user.type(screen.getByLabelText(/Contraseña/), 'equivocada-123')
    await user.click(screen.getByRole('button', { name: 'Iniciar sesión' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('El correo o la contraseña no son correctos.')
  })

  it('checks the fields before calling the server', async () => {
    const api = fakeApi({ 'GET /api/v1/me': signedOut })
    const { user } = renderApp('/sign-in')
    await user.type(await screen.findByLabelText(/Correo electrónico/), 'no-es-un-correo')
    await user.click(screen.getByRole('button', { name: 'Iniciar sesión' }))
    expect(await screen.findByText('Escribe un correo electrónico válido.')).toBeInTheDocument()
    expect(screen.getByText('Escribe tu contraseña.')).toBeInTheDocument()
    expect(api.callsTo('POST', '/api/auth/sign-in/email')).toHaveLength(0)
  })

  it('sends a signed-out visitor to sign in and back to the page asked for', async () => {
    let session = false
    fakeApi({
      'GET /api/v1/me': () => (session ? signedIn() : signedOut()),
      'POST /api/auth/sign-in/email': () => {
        session = true
        return json({ token: 't', user: ana })
      },
      'GET /api/v1/orgs': () => json({ items: [makeOrg()], nextCursor: null }),
    })
    const { user, router } = renderApp('/orgs')
    expect(await screen.findByRole('heading', { name: 'Inicia sesión' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/sign-in')
    expect(router.state.location.search).toEqual({ redirect: '/orgs' })

    await user.type(screen.getByLabelText(/Correo electrónico/), 'ana@example.co')
    await user.type(screen.getByLabelText(/Contraseña/), 'una-clave-larga')
    await user.click(screen.getByRole('button', { name: 'Iniciar sesión' }))

    expect(await screen.findByRole('heading', { name: 'Mis organizaciones' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/orgs')
    expect(screen.getByRole('link', { name: 'Cooperativa La Minga' })).toHaveAttribute(
      'href',
      '/o/coop-la-minga',
    )
  })
})
