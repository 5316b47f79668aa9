import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeApi, json, problem } from '../../test/fake-api.ts'
import { renderApp } from '../../test/render-app.tsx'

const mails = [
  {
    id: 'm2',
    from: 'Minga <no-reply@minga.test>',
    to: 'ana@example.test',
    subject: 'Confirma tu correo en Minga',
    text: 'Hola Ana:\n\nConfirmar mi correo: http://localhost:3000/api/auth/verify-email?token=abc\n',
    html: '<p>Hola <b>Ana</b></p><script>parent.hacked = true</script>',
    sentAt: '2026-03-06T02:00:00.000Z',
  },
  {
    id: 'm1',
    from: 'Minga <no-reply@minga.test>',
    to: 'beto@example.test',
    subject: 'Solo texto',
    text: 'Texto plano',
    sentAt: '2026-03-05T02:00:00.000Z',
  },
]

describe('dev mailbox page', () => {
  it('lists the mail and previews the HTML in a sandboxed frame without scripts', async () => {
    fakeApi({ 'GET /api/dev/mailbox': () => json({ items: mails }) })
    const { user } = renderApp('/dev/mailbox')
    expect(await screen.findByRole('heading', { name: 'Buzón de desarrollo' })).toBeInTheDocument()
    const frame = await screen.findByTitle('Vista previa del correo')
    expect(frame.getAttribute('sandbox')).toBe('')
    expect(frame.getAttribute('srcdoc')).toContain('<b>Ana</b>')
    expect(screen.getByRole('heading', { name: 'Confirma tu correo en Minga' })).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: /Solo texto/ }))
    expect(await screen.findByText('Texto plano')).toBeInTheDocument()
    expect(screen.getByText('Este correo solo tiene versión de texto.')).toBeInTheDocument()
    expect(screen.queryByTitle('Vista previa del correo')).not.toBeInTheDocument()
  })

  it('says the mailbox is off when the server does not offer it (404)', async () => {
    fakeApi({ 'GET /api/dev/mailbox': () => problem(404, 'not_found') })
    renderApp('/dev/mailbox')
    expect(await screen.findByText(/no está activo en este servidor/)).toBeInTheDocument()
  })

  it('shows the empty state when nothing was sent', async () => {
    fakeApi({ 'GET /api/dev/mailbox': () => json({ items: [] }) })
    renderApp('/dev/mailbox')
    expect(await screen.findByText('Todavía no se ha enviado ningún correo.')).toBeInTheDocument()
  })
})
