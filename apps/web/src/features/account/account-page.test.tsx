import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeApi, json } from '../../test/fake-api.ts'
import { ana, signedIn } from '../../test/fixtures.ts'
import { renderApp } from '../../test/render-app.tsx'

const currentToken = 'tok-current'
const totpURI = 'otpauth://totp/Minga:ana%40example.co?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=Minga'
const backupCodes = Array.from({ length: 10 }, (_, i) => `bk${String(i).padStart(2, '0')}-XYZ12`)

function accountApi(overrides: Parameters<typeof fakeApi>[0] = {}, state = { twoFactorEnabled: false }) {
  return fakeApi({
    'GET /api/v1/me': signedIn,
    'GET /api/auth/get-session': () =>
      json({
        session: {
          id: 's1',
          token: currentToken,
          createdAt: '2026-03-01T12:00:00.000Z',
          expiresAt: '2026-03-08T12:00:00.000Z',
        },
        user: { ...ana, twoFactorEnabled: state.twoFactorEnabled },
      }),
    'GET /api/auth/list-sessions': () =>
      json([
        {
          token: 'tok-other',
          ipAddress: '181.52.10.4',
          userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0',
          createdAt: '2026-03-02T14:00:00.000Z',
          expiresAt: '2026-03-09T14:00:00.000Z',
        },
        {
          token: currentToken,
          ipAddress: '127.0.0.1',
          userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/140.0 Safari/537.36',
          createdAt: '2026-03-01T12:00:00.000Z',
          expiresAt: '2026-03-08T12:00:00.000Z',
        },
      ]),
    'GET /api/v1/me/security-events': () => json({ items: [], nextCursor: null }),
    ...overrides,
  })
}

describe('account page', () => {
  it('is linked from the user menu as "Mi cuenta" and shows the profile', async () => {
    fakeApi({
      'GET /api/v1/me': signedIn,
      'GET /api/v1/orgs': () => json({ items: [], nextCursor: null }),
    })
    const { user } = renderApp('/orgs')
    await user.click(await screen.findByRole('button', { name: 'Menú de usuario' }))
    expect(await screen.findByRole('menuitem', { name: 'Mi cuenta' })).toHaveAttribute('href', '/account')
  })

  it('enrols in two-factor authentication: password, QR code and secret, backup codes, first code', async () => {
    const state = { twoFactorEnabled: false }
    const api = accountApi(
      {
        'POST /api/auth/two-factor/enable': () => json({ totpURI, backupCodes }),
        'POST /api/auth/two-factor/verify-totp': (request) => {
          if ((request.body as { code: string }).code !== '123456')
            return json({ code: 'INVALID_CODE', message: 'Invalid code' }, 401)
          state.twoFactorEnabled = true
          return json({ token: 'x', user: ana })
        },
      },
      state,
    )
    const { user } = renderApp('/account')
    expect(await screen.findByRole('heading', { name: 'Mi cuenta', level: 1 })).toBeInTheDocument()
    const section = screen.getByRole('region', { name: 'Verificación en dos pasos' })
    expect(within(section).getByText('Desactivada')).toBeInTheDocument()

    await user.click(within(section).getByRole('button', { name: 'Activar la verificación en dos pasos' }))
    await user.type(within(section).getByLabelText(/Tu contraseña/), 'una-clave-larga')
    await user.click(within(section).getByRole('button', { name: 'Continuar' }))

    const qr = await within(section).findByRole('img', {
      name: 'Código QR para tu aplicación de autenticación',
    })
    expect(qr.tagName.toLowerCase()).toBe('svg')
    expect(qr.querySelector('path')?.getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/)
    expect(within(section).getByLabelText('Clave secreta')).toHaveTextContent('JBSW Y3DP EHPK 3PXP JBSW Y3DP')
    const codes = within(section).getByRole('list', { name: '2. Guarda tus códigos de respaldo' })
    expect(within(codes).getAllByRole('listitem')).toHaveLength(10)
    expect(within(codes).getByText('bk00-XYZ12')).toBeInTheDocument()
    const download = within(section).getByRole('link', { name: 'Descargar códigos' })
    expect(download).toHaveAttribute('download', 'minga-codigos-de-respaldo.txt')
    expect(decodeURIComponent(download.getAttribute('href') ?? '')).toContain('bk09-XYZ12')
    expect(within(section).getByRole('button', { name: 'Copiar códigos' })).toBeInTheDocument()
    expect(api.callsTo('POST', '/api/auth/two-factor/enable')[0]?.body).toEqual({
      password: 'una-clave-larga',
    })

    // a wrong code is explained under the input
    await user.type(within(section).getByLabelText(/Código de verificación/), '000000')
    await user.click(within(section).getByRole('button', { name: 'Confirmar y activar' }))
    expect(await within(section).findByText('El código no es correcto o ya venció.')).toBeInTheDocument()

    await user.clear(within(section).getByLabelText(/Código de verificación/))
    await user.type(within(section).getByLabelText(/Código de verificación/), '123456')
    await user.click(within(section).getByRole('button', { name: 'Confirmar y activar' }))
    expect(await within(section).findByText('Activada')).toBeInTheDocument()
    expect(within(section).queryByRole('img')).not.toBeInTheDocument()
    expect(api.callsTo('POST', '/api/auth/two-factor/verify-totp').map((call) => call.body)).toEqual([
      { code: '000000' },
      { code: '123456' },
    ])
  })

  it('turns two-factor authentication off with the password', async () => {
    const state = { twoFactorEnabled: true }
    const api = accountApi(
      {
        'POST /api/auth/two-factor/disable': () => {
          state.twoFactorEnabled = false
          return json({ status: true })
        },
      },
      state,
    )
    const { user } = renderApp('/account')
    const section = await screen.findByRole('region', { name: 'Verificación en dos pasos' })
    expect(await within(section).findByText('Activada')).toBeInTheDocument()
    await user.click(within(section).getByRole('button', { name: 'Desactivar' }))
    await user.type(within(section).getByLabelText(/Tu contraseña/), 'una-clave-larga')
    await user.click(within(section).getByRole('button', { name: 'Desactivar la verificación en dos pasos' }))
    expect(await within(section).findByText('Desactivada')).toBeInTheDocument()
    expect(api.callsTo('POST', '/api/auth/two-factor/disable')[0]?.body).toEqual({
      password: 'una-clave-larga',
    })
  })

  it('marks the current session and revokes another one', async () => {
    const api = accountApi({ 'POST /api/auth/revoke-session': () => json({ status: true }) })
    const { user } = renderApp('/account')
    const table = await screen.findByRole('table', { name: 'Sesiones abiertas' })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(2)
    // the current session comes first, marked, without a button
    expect(within(rows[0]!).getByText('Esta sesión')).toBeInTheDocument()
    expect(within(rows[0]!).getByText('Chrome · Linux')).toBeInTheDocument()
    expect(within(rows[0]!).queryByRole('button')).not.toBeInTheDocument()
    expect(within(rows[1]!).getByText('181.52.10.4')).toBeInTheDocument()

    await user.click(within(rows[1]!).getByRole('button', { name: 'Cerrar la sesión de Firefox · Windows' }))
    await waitFor(() => expect(api.callsTo('POST', '/api/auth/revoke-session')).toHaveLength(1))
    expect(api.callsTo('POST', '/api/auth/revoke-session')[0]?.body).toEqual({ token: 'tok-other' })

    await user.click(screen.getByRole('button', { name: 'Cerrar todas las demás sesiones' }))
    await waitFor(() => expect(api.callsTo('POST', '/api/auth/revoke-other-sessions')).toHaveLength(1))
    expect(api.callsTo('POST', '/api/auth/revoke-other-sessions')[0]?.body).toEqual({})
  })

  it('maps password-change errors to Spanish under the right input', async () => {
    let answer = json({ code: 'PASSWORD_TOO_COMMON', message: 'This password is too common' }, 400)
    const api = accountApi({ 'POST /api/auth/change-password': () => answer })
    const { user } = renderApp('/account')
    const section = await screen.findByRole('region', { name: 'Contraseña' })
    await user.type(within(section).getByLabelText(/Contraseña actual/), 'la-de-siempre-1')
    await user.type(within(section).getByLabelText(/^Contraseña nueva/), 'password123')
    await user.type(within(section).getByLabelText(/Repite la contraseña nueva/), 'password123')
    await user.click(within(section).getByRole('button', { name: 'Cambiar contraseña' }))
    const fresh = within(section).getByLabelText(/^Contraseña nueva/)
    await waitFor(() => expect(fresh).toHaveAttribute('aria-invalid', 'true'))
    expect(fresh).toHaveAccessibleDescription(/Esta contraseña es de las más usadas; elige otra/)
    expect(api.callsTo('POST', '/api/auth/change-password')[0]?.body).toEqual({
      currentPassword: 'la-de-siempre-1',
      newPassword: 'password123',
      revokeOtherSessions: true,
    })

    answer = json({ code: 'INVALID_PASSWORD', message: 'Invalid password' }, 400)
    await user.click(within(section).getByRole('button', { name: 'Cambiar contraseña' }))
    const current = within(section).getByLabelText(/Contraseña actual/)
    await waitFor(() => expect(current).toHaveAccessibleDescription('La contraseña actual no es correcta.'))

    answer = json({ code: 'PASSWORD_TOO_PREDICTABLE', message: 'Too predictable' }, 400)
    await user.click(within(section).getByRole('button', { name: 'Cambiar contraseña' }))
    await waitFor(() => expect(fresh).toHaveAccessibleDescription(/muy fácil de adivinar/))
  })

  it('checks that the new passwords match before calling the server', async () => {
    const api = accountApi()
    const { user } = renderApp('/account')
    const section = await screen.findByRole('region', { name: 'Contraseña' })
    await user.type(within(section).getByLabelText(/Contraseña actual/), 'la-de-siempre-1')
    await user.type(within(section).getByLabelText(/^Contraseña nueva/), 'una-clave-larga')
    await user.type(within(section).getByLabelText(/Repite la contraseña nueva/), 'otra-clave-larga')
    await user.click(within(section).getByRole('button', { name: 'Cambiar contraseña' }))
    expect(await within(section).findByText('Las contraseñas no coinciden.')).toBeInTheDocument()
    expect(api.callsTo('POST', '/api/auth/change-password')).toHaveLength(0)
  })

  it('saves the name and resends the verification email', async () => {
    const calls = accountApi({
      'GET /api/v1/me': () => json({ user: { ...ana, emailVerified: false } }),
      'POST /api/auth/update-user': () => json({ status: true }),
      'POST /api/auth/send-verification-email': () => json({ status: true }),
    })
    const { user } = renderApp('/account')
    const section = await screen.findByRole('region', { name: 'Perfil' })
    expect(within(section).getByText('Sin verificar')).toBeInTheDocument()
    const name = within(section).getByLabelText(/Nombre completo/)
    await user.clear(name)
    await user.type(name, 'Ana María Restrepo')
    await user.click(within(section).getByRole('button', { name: 'Guardar' }))
    expect(await screen.findByText('Guardamos tu nombre.')).toBeInTheDocument()
    expect(calls.callsTo('POST', '/api/auth/update-user')[0]?.body).toEqual({ name: 'Ana María Restrepo' })

    await user.click(within(section).getByRole('button', { name: 'Reenviar correo de verificación' }))
    await waitFor(() => expect(calls.callsTo('POST', '/api/auth/send-verification-email')).toHaveLength(1))
    expect(
      await screen.findByText('Te enviamos un correo de verificación a ana@example.co.'),
    ).toBeInTheDocument()
    expect(calls.callsTo('POST', '/api/auth/send-verification-email')[0]?.body).toEqual({
      email: 'ana@example.co',
      callbackURL: '/account',
    })
  })

  it('lists the security log with Spanish labels and Bogotá dates', async () => {
    accountApi({
      'GET /api/v1/me/security-events': () =>
        json({
          items: [
            {
              id: 'e1',
              // 02:00 UTC on 6 March is 9:00 p. m. on 5 March in Bogotá
              occurredAt: '2026-03-06T02:00:00.000Z',
              type: 'sign_in.failed',
              userId: ana.id,
              email: ana.email,
              ip: '190.0.0.7',
              userAgent: null,
            },
            {
              id: 'e2',
              occurredAt: '2026-03-05T15:00:00.000Z',
              type: 'sign_in.locked',
              userId: ana.id,
              email: null,
              ip: null,
              userAgent: null,
            },
            {
              id: 'e3',
              occurredAt: '2026-03-05T14:00:00.000Z',
              type: 'two_factor.enabled',
              userId: ana.id,
              email: null,
              ip: null,
              userAgent: null,
            },
            {
              id: 'e4',
              occurredAt: '2026-03-05T13:00:00.000Z',
              type: 'password.reset_requested',
              userId: ana.id,
              email: null,
              ip: null,
              userAgent: null,
            },
            {
              id: 'e5',
              occurredAt: '2026-03-05T12:00:00.000Z',
              type: 'something.new',
              userId: ana.id,
              email: null,
              ip: null,
              userAgent: null,
            },
          ],
          nextCursor: null,
        }),
    })
    renderApp('/account')
    const table = await screen.findByRole('table', { name: 'Registro de seguridad' })
    const rows = within(table).getAllByRole('row').slice(1)
    const cells = rows.map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    )
    expect(cells[0]?.[0]).toMatch(/^5\/03\/2026,\s9:00\sp\.\sm\.$/)
    expect(cells.map((row) => row[1])).toEqual([
      'Intento fallido',
      'Cuenta bloqueada temporalmente',
      'Verificación en dos pasos activada',
      'Solicitud para restablecer la contraseña',
      'something.new',
    ])
    expect(cells[0]?.[2]).toBe('190.0.0.7')
  })
})
