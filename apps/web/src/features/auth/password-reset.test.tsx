import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeApi, json } from '../../test/fake-api.ts'
import { signedOut } from '../../test/fixtures.ts'
import { renderApp } from '../../test/render-app.tsx'

describe('forgot password', () => {
  it('asks for a reset link with redirectTo and always shows the same confirmation', async () => {
    for (const answer of [
      () => json({ status: true }),
      () => json({ code: 'USER_NOT_FOUND', message: 'x' }, 400),
    ]) {
      const api = fakeApi({ 'GET /api/v1/me': signedOut, 'POST /api/auth/request-password-reset': answer })
      const { user, unmount } = renderApp('/forgot-password')
      expect(await screen.findByRole('heading', { name: 'Recupera tu contraseña' })).toBeInTheDocument()
      await user.type(screen.getByLabelText(/Correo electrónico/), 'ana@example.co')
      await user.click(screen.getByRole('button', { name: 'Enviar enlace' }))
      expect(await screen.findByRole('status')).toHaveTextContent(
        'Si existe una cuenta con ana@example.co, te enviamos un correo',
      )
      expect(api.callsTo('POST', '/api/auth/request-password-reset')[0]?.body).toEqual({
        email: 'ana@example.co',
        redirectTo: `${window.location.origin}/reset-password`,
      })
      unmount()
    }
  })
})

describe('reset password', () => {
  it('sets the new password with the token from the link', async () => {
    const api = fakeApi({
      'GET /api/v1/me': signedOut,
      'POST /api/auth/reset-password': () => json({ status: true }),
    })
    const { user } = renderApp('/reset-password?token=tok-abc123')
    await user.type(await screen.findByLabelText(/^Contraseña nueva/), 'una-clave-nueva-1')
    await user.type(screen.getByLabelText(/Repite la contraseña nueva/), 'una-clave-nueva-1')
    await user.click(screen.getByRole('button', { name: 'Guardar contraseña' }))
    expect(await screen.findByRole('status')).toHaveTextContent('Listo: cambiaste tu contraseña.')
    expect(api.callsTo('POST', '/api/auth/reset-password')[0]?.body).toEqual({
      newPassword: 'una-clave-nueva-1',
      token: 'tok-abc123',
    })
    expect(screen.getByRole('link', { name: 'Iniciar sesión' })).toHaveAttribute('href', '/sign-in')
  })

  it('says "El enlace venció o ya se usó" for INVALID_TOKEN', async () => {
    fakeApi({
      'GET /api/v1/me': signedOut,
      'POST /api/auth/reset-password': () => json({ code: 'INVALID_TOKEN', message: 'Invalid token' }, 400),
    })
    const { user } = renderApp('/reset-password?token=tok-used')
    await user.type(await screen.findByLabelText(/^Contraseña nueva/), 'una-clave-nueva-1')
    await user.type(screen.getByLabelText(/Repite la contraseña nueva/), 'una-clave-nueva-1')
    await user.click(screen.getByRole('button', { name: 'Guardar contraseña' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('El enlace venció o ya se usó.')
    expect(screen.getByRole('link', { name: 'Pedir un enlace nuevo' })).toHaveAttribute(
      'href',
      '/forgot-password',
    )
  })

  it('puts the password policy message under the new password', async () => {
    fakeApi({
      'GET /api/v1/me': signedOut,
      'POST /api/auth/reset-password': () => json({ code: 'PASSWORD_TOO_COMMON', message: 'common' }, 400),
    })
    const { user } = renderApp('/reset-password?token=tok-abc123')
    const input = await screen.findByLabelText(/^Contraseña nueva/)
    await user.type(input, 'password1234')
    await user.type(screen.getByLabelText(/Repite la contraseña nueva/), 'password1234')
    await user.click(screen.getByRole('button', { name: 'Guardar contraseña' }))
    await waitFor(() =>
      expect(input).toHaveAccessibleDescription(/Esta contraseña es de las más usadas; elige otra/),
    )
  })

  it('shows the expired-link message when Better Auth redirects with ?error=INVALID_TOKEN', async () => {
    const api = fakeApi({ 'GET /api/v1/me': signedOut })
    renderApp('/reset-password?error=INVALID_TOKEN')
    expect(await screen.findByRole('alert')).toHaveTextContent('El enlace venció o ya se usó.')
    expect(screen.queryByLabelText(/^Contraseña nueva/)).not.toBeInTheDocument()
    expect(api.callsTo('POST', '/api/auth/reset-password')).toHaveLength(0)
  })
})
