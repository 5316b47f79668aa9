import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeApi, json } from '../../test/fake-api.ts'
import { makeOrg, moduleCatalog, signedIn, signedOut } from '../../test/fixtures.ts'
import { renderApp } from '../../test/render-app.tsx'
import { i18n, storedLanguage } from '../i18n/i18n.ts'

describe('language switch', () => {
  it('switches the org shell to English, remembers it, and sends Accept-Language: en', async () => {
    const org = makeOrg({ enabledModules: ['announcements', 'loans'], role: 'owner' })
    const api = fakeApi({
      'GET /api/v1/me': signedIn,
      'GET /api/v1/modules': moduleCatalog,
      'GET /api/v1/orgs': () => json({ items: [org], nextCursor: null }),
      'GET /api/v1/orgs/coop-la-minga': () => json(org),
      'GET /api/v1/orgs/coop-la-minga/audit': () => json({ items: [], nextCursor: null }),
    })
    const { user } = renderApp('/o/coop-la-minga')
    expect(await screen.findByRole('link', { name: 'Auditoría' })).toBeInTheDocument()
    expect(await screen.findByRole('link', { name: 'Anuncios' })).toBeInTheDocument()
    expect(api.calls[0]?.headers.get('accept-language')).toBe('es-CO')

    await user.click(screen.getByRole('button', { name: 'Idioma' }))
    await user.click(await screen.findByRole('menuitem', { name: 'English' }))

    expect(await screen.findByRole('link', { name: 'Audit log' })).toBeInTheDocument()
    const nav = screen.getByRole('navigation', { name: 'Organization navigation' })
    expect(within(nav).getByRole('link', { name: 'Announcements' })).toBeInTheDocument()
    expect(within(nav).getByRole('link', { name: 'Loans' })).toBeInTheDocument()
    expect(screen.getByTestId('org-kind')).toHaveTextContent('Savings and credit cooperative')
    expect(screen.getByRole('button', { name: 'Language' })).toHaveTextContent('EN')
    expect(localStorage.getItem('minga.language')).toBe('en')
    expect(storedLanguage()).toBe('en')
    expect(document.documentElement.lang).toBe('en')

    await user.click(screen.getByRole('link', { name: 'Audit log' }))
    expect(await screen.findByText('No audit events yet.')).toBeInTheDocument()
    expect(api.callsTo('GET', '/api/v1/orgs/coop-la-minga/audit')[0]?.headers.get('accept-language')).toBe(
      'en',
    )
  })

  it('is on the sign-in page too', async () => {
    fakeApi({ 'GET /api/v1/me': signedOut })
    const { user } = renderApp('/sign-in')
    await user.click(await screen.findByRole('button', { name: 'Idioma' }))
    await user.click(await screen.findByRole('menuitem', { name: 'English' }))
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument()
    expect(screen.getByLabelText(/Email/)).toBeInTheDocument()
    expect(i18n.language).toBe('en')
  })
})

describe('color scheme toggle', () => {
  it('switches to dark and back, and keeps the choice in localStorage', async () => {
    fakeApi({ 'GET /api/v1/me': signedOut })
    const { user } = renderApp('/sign-in')
    await user.click(await screen.findByRole('button', { name: 'Activar modo oscuro' }))
    await waitFor(() => expect(document.documentElement).toHaveAttribute('data-mantine-color-scheme', 'dark'))
    expect(localStorage.getItem('minga.color-scheme')).toBe('dark')

    await user.click(screen.getByRole('button', { name: 'Activar modo claro' }))
    await waitFor(() =>
      expect(document.documentElement).toHaveAttribute('data-mantine-color-scheme', 'light'),
    )
    expect(localStorage.getItem('minga.color-scheme')).toBe('light')
  })
})
