import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeApi, json, problem } from '../../test/fake-api.ts'
import { signedIn } from '../../test/fixtures.ts'
import { renderApp } from '../../test/render-app.tsx'

const orgId = '0190f7a0-0000-7000-8000-000000000001'
const adminOrg = {
  id: orgId,
  slug: 'coop-la-minga',
  name: 'Cooperativa La Minga',
  kind: 'savings_credit',
  planKey: 'basic',
  subscriptionStatus: 'active',
  createdAt: '2026-01-10T15:00:00.000Z',
}
const plans = [
  { key: 'basic', name: 'Básico', modules: ['announcements'], maxUsers: 10, maxBranches: 1 },
  { key: 'pro', name: 'Pro', modules: null, maxUsers: null, maxBranches: null },
]

describe('platform admin', () => {
  it('is "not found" for anyone the admin API refuses', async () => {
    fakeApi({
      'GET /api/v1/me': signedIn,
      'GET /api/v1/admin/orgs': () => problem(403, 'forbidden', { title: 'Prohibido' }),
    })
    renderApp('/admin')
    expect(await screen.findByRole('heading', { name: 'Página no encontrada' })).toBeInTheDocument()
  })

  it('lists orgs with plan and status, changes the status, and lists plans', async () => {
    let org = adminOrg
    const api = fakeApi({
      'GET /api/v1/me': signedIn,
      'GET /api/v1/admin/orgs': () => json({ items: [org], nextCursor: null }),
      'GET /api/v1/admin/plans': () => json({ items: plans }),
      [`PATCH /api/v1/admin/orgs/${orgId}/subscription`]: (request) => {
        org = { ...org, subscriptionStatus: (request.body as { status: string }).status }
        return json(org)
      },
    })
    const { user } = renderApp('/admin')
    const table = await screen.findByRole('table', { name: 'Organizaciones' })
    expect(within(table).getByText('Cooperativa La Minga')).toBeInTheDocument()
    expect(within(table).getByText('Cooperativa de ahorro y crédito')).toBeInTheDocument()
    await waitFor(() =>
      expect(within(table).getByRole('combobox', { name: 'Plan de Cooperativa La Minga' })).toHaveValue(
        'Básico',
      ),
    )

    await user.click(
      within(table).getByRole('combobox', { name: 'Estado de la suscripción de Cooperativa La Minga' }),
    )
    await user.click(await screen.findByRole('option', { name: 'Pago pendiente' }))
    await waitFor(() =>
      expect(api.callsTo('PATCH', `/api/v1/admin/orgs/${orgId}/subscription`)[0]?.body).toEqual({
        status: 'past_due',
      }),
    )
    await waitFor(() =>
      expect(
        within(table).getByRole('combobox', { name: 'Estado de la suscripción de Cooperativa La Minga' }),
      ).toHaveValue('Pago pendiente'),
    )

    await user.click(screen.getByRole('tab', { name: 'Planes' }))
    const plansTable = await screen.findByRole('table', { name: 'Planes' })
    expect(within(plansTable).getByText('Todos los módulos')).toBeInTheDocument()
    expect(within(plansTable).getAllByText('sin límite')).toHaveLength(2)
  })

  it('shows the menu entry only to platform admins', async () => {
    fakeApi({
      'GET /api/v1/me': signedIn,
      'GET /api/v1/orgs': () => json({ items: [], nextCursor: null }),
      'GET /api/v1/admin/plans': () => json({ items: plans }),
    })
    const { user } = renderApp('/orgs')
    await user.click(await screen.findByRole('button', { name: 'Menú de usuario' }))
    expect(await screen.findByRole('menuitem', { name: 'Administración de la plataforma' })).toHaveAttribute(
      'href',
      '/admin',
    )
  })
})
