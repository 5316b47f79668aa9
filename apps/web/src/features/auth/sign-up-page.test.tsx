import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeApi, json } from '../../test/fake-api.ts'
import { ana, signedIn, signedOut } from '../../test/fixtures.ts'
import { renderApp } from '../../test/render-app.tsx'

async function fill(
  user: ReturnType<typeof renderApp>['user'],
  values: { name: string; email: string; password: string },
) {
  await user.type(await screen.findByLabelText(/Nombre completo/), values.name)
  await user.type(screen.getByLabelText(/Correo electrónico/), values.email)
  await user.type(screen.getByLabelText(/Contraseña/), values.password)
  await user.click(screen.getByRole('button', { name: 'Crear cuenta' }))
}

describe('sign up', () => {
  it('asks for a password of at least 10 characters before calling the server', async () => {
    const api = fakeApi({ 'GET /api/v1/me': signedOut })
    const { user } = renderApp('/sign-up')
    await fill(user, { name: 'Ana Restrepo', email: 'ana@example.co', password: 'corta123' })
    expect(await screen.findByText('La contraseña debe tener al menos 10 caracteres.')).toBeInTheDocument()
    expect(screen.getByLabelText(/Contraseña/)).toHaveAttribute('aria-invalid', 'true')
    expect(api.callsTo('POST', '/api/auth/sign-up/email')).toHaveLength(0)
  })

  it('puts "user already exists" under the email field, in Spanish', async () => {
    fakeApi({
      'GET /api/v1/me': signedOut,
      'POST /api/auth/sign-up/email': () =>
        json(
          {
            code: 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL',
            message: 'User already exists. Use another email.',
          },
          422,
        ),
    })
    const { user } = renderApp('/sign-up')
    await fill(user, { name: 'Ana Restrepo', email: 'ana@example.co', password: 'una-clave-larga' })
    const email = screen.getByLabelText(/Correo electrónico/)
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'))
    expect(email).toHaveAccessibleDescription(
      'Ya existe una cuenta con este correo. Usa otro correo electrónico.',
    )
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('creates the account and lands on "Mis organizaciones" with an invitation to create one', async () => {
    let session = false
    const api = fakeApi({
      'GET /api/v1/me': () => (session ? signedIn() : signedOut()),
      'POST /api/auth/sign-up/email': () => {
        session = true
        return json({ token: 't', user: ana })
      },
      'GET /api/v1/orgs': () => json({ items: [], nextCursor: null }),
    })
    const { user, router } = renderApp('/sign-up')
    await fill(user, { name: '  Ana Restrepo ', email: 'ana@example.co', password: 'una-clave-larga' })
    expect(await screen.findByText('Aún no haces parte de ninguna organización')).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/orgs')
    expect(screen.getByRole('link', { name: 'Crear organización' })).toHaveAttribute('href', '/orgs/new')
    expect(api.callsTo('POST', '/api/auth/sign-up/email')[0]?.body).toEqual({
      name: 'Ana Restrepo',
      email: 'ana@example.co',
      password: 'una-clave-larga',
    })
  })
})
