import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeApi, json } from '../../test/fake-api.ts'
import { ana, makeOrg, signedIn, signedOut } from '../../test/fixtures.ts'
import { renderApp } from '../../test/render-app.tsx'

function twoFactorApi(verify: Parameters<typeof fakeApi>[0][string]) {
  let session = false
  return fakeApi({
    'GET /api/v1/me': () => (session ? signedIn() : signedOut()),
    'POST /api/auth/sign-in/email': () => json({ twoFactorRedirect: true }),
    'POST /api/auth/two-factor/verify-totp': async (request) => {
      const response = await verify(request)
      if (response.ok) session = true
      return response
    },
    'POST /api/auth/two-factor/verify-backup-code': async (request) => {
      const response = await verify(request)
      if (response.ok) session = true
      return response
    },
    'GET /api/v1/orgs': () => json({ items: [makeOrg()], nextCursor: null }),
  })
}

async function signIn(user: ReturnType<typeof renderApp>['user']) {
  await user.type(await screen.findByLabelText(/Correo electrónico/), 'ana@example.co')
  await user.type(screen.getByLabelText(/Contraseña/), 'una-clave-larga')
  await user.click(screen.getByRole('button', { name: 'Iniciar sesión' }))
}

describe('sign in with two-factor authentication', () => {
  it('asks for the 6-digit code after the password and then goes on', async () => {
    const api = twoFactorApi((request) =>
      (request.body as { code: string }).code === '654321'
        ? json({ token: 't', user: ana })
        : json({ code: 'INVALID_CODE', message: 'Invalid code' }, 401),
    )
    const { user, router } = renderApp('/sign-in')
    await signIn(user)

    expect(await screen.findByRole('heading', { name: 'Verificación en dos pasos' })).toBeInTheDocument()
    const code = screen.getByLabelText(/Código de verificación/)
    expect(code).toHaveAttribute('autocomplete', 'one-time-code')
    expect(code).toHaveAttribute('inputmode', 'numeric')

    await user.click(screen.getByRole('button', { name: 'Verificar' }))
    expect(await screen.findByText('Escribe los 6 dígitos del código.')).toBeInTheDocument()
    expect(api.callsTo('POST', '/api/auth/two-factor/verify-totp')).toHaveLength(0)

    await user.type(code, '111111')
    await user.click(screen.getByRole('button', { name: 'Verificar' }))
    await waitFor(() => expect(code).toHaveAccessibleDescription('El código no es correcto o ya venció.'))

    await user.clear(code)
    await user.type(code, '654321')
    await user.click(screen.getByRole('button', { name: 'Verificar' }))
    expect(await screen.findByRole('heading', { name: 'Mis organizaciones' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/orgs')
    expect(api.callsTo('POST', '/api/auth/two-factor/verify-totp').map((call) => call.body)).toEqual([
      { code: '111111' },
      { code: '654321' },
    ])
  })

  it('accepts a backup code instead', async () => {
    const api = twoFactorApi(() => json({ token: 't', user: ana }))
    const { user } = renderApp('/sign-in')
    await signIn(user)
    await user.click(await screen.findByRole('button', { name: 'Usar un código de respaldo' }))
    await user.type(screen.getByLabelText(/Código de respaldo/), 'AbCdE-12345')
    await user.click(screen.getByRole('button', { name: 'Verificar' }))
    expect(await screen.findByRole('heading', { name: 'Mis organizaciones' })).toBeInTheDocument()
    expect(api.callsTo('POST', '/api/auth/two-factor/verify-backup-code')[0]?.body).toEqual({
      code: 'AbCdE-12345',
    })
    expect(api.callsTo('POST', '/api/auth/two-factor/verify-totp')).toHaveLength(0)
  })

  it('explains a locked account (429 ACCOUNT_LOCKED) in Spanish', async () => {
    fakeApi({
      'GET /api/v1/me': signedOut,
      'POST /api/auth/sign-in/email': () =>
        json(
          { code: 'ACCOUNT_LOCKED', message: 'Too many failed sign-in attempts. Try again in 15 minute(s).' },
          429,
        ),
    })
    const { user } = renderApp('/sign-in')
    await signIn(user)
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Bloqueamos tu cuenta por unos minutos después de varios intentos fallidos.',
    )
  })

  it('links to "¿Olvidaste tu contraseña?"', async () => {
    fakeApi({ 'GET /api/v1/me': signedOut })
    renderApp('/sign-in')
    expect(await screen.findByRole('link', { name: '¿Olvidaste tu contraseña?' })).toHaveAttribute(
      'href',
      '/forgot-password',
    )
  })
})
