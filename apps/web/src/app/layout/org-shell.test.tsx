import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeApi, json, problem } from '../../test/fake-api.ts'
import { makeOrg, moduleCatalog, signedIn } from '../../test/fixtures.ts'
import { renderApp } from '../../test/render-app.tsx'

function orgApi(
  org = makeOrg(),
  others = [
    makeOrg({
      id: 'other',
      slug: 'conjunto-el-prado',
      name: 'Conjunto El Prado',
      kind: 'housing',
      role: 'member',
    }),
  ],
) {
  return fakeApi({
    'GET /api/v1/me': signedIn,
    'GET /api/v1/modules': moduleCatalog,
    'GET /api/v1/orgs': () => json({ items: [org, ...others], nextCursor: null }),
    [`GET /api/v1/orgs/${org.slug}`]: () => json(org),
    ...Object.fromEntries(others.map((other) => [`GET /api/v1/orgs/${other.slug}`, () => json(other)])),
  })
}

describe('org shell', () => {
  it('builds the navbar from enabledModules, with catalog, i18n and raw-key labels', async () => {
    orgApi(makeOrg({ enabledModules: ['announcements', 'loans', 'widgets'], role: 'admin' }))
    renderApp('/o/coop-la-minga')
    const nav = await screen.findByRole('navigation', { name: 'Navegación de la organización' })
    const links = within(nav).getAllByRole('link')
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Inicio', '/o/coop-la-minga'],
      ['Anuncios', '/o/coop-la-minga/announcements'],
      ['Créditos', '/o/coop-la-minga/loans'],
      ['widgets', '/o/coop-la-minga/widgets'],
      ['Auditoría', '/o/coop-la-minga/audit'],
      ['Configuración', '/o/coop-la-minga/settings'],
    ])
  })

  it('hides Auditoría and Configuración from members', async () => {
    orgApi(makeOrg({ role: 'member' }))
    renderApp('/o/coop-la-minga')
    const nav = await screen.findByRole('navigation', { name: 'Navegación de la organización' })
    expect(within(nav).getByRole('link', { name: 'Anuncios' })).toBeInTheDocument()
    expect(within(nav).queryByRole('link', { name: 'Auditoría' })).not.toBeInTheDocument()
    expect(within(nav).queryByRole('link', { name: 'Configuración' })).not.toBeInTheDocument()
  })

  it('shows the org name, kind label and a welcome card on the home page', async () => {
    orgApi(makeOrg({ kind: 'food_service', name: 'Restaurante Sabor Paisa' }))
    renderApp('/o/coop-la-minga')
    expect(
      await screen.findByRole('heading', { name: 'Restaurante Sabor Paisa', level: 1 }),
    ).toBeInTheDocument()
    expect(screen.getByTestId('org-kind')).toHaveTextContent('Restaurante / servicio de alimentos')
    expect(
      screen.getByRole('heading', { name: 'Te damos la bienvenida a Restaurante Sabor Paisa' }),
    ).toBeInTheDocument()
    expect(await screen.findByText('Cartelera de la organización.')).toBeInTheDocument()
  })

  it('lists my organizations in the org switcher', async () => {
    orgApi()
    const { user, router } = renderApp('/o/coop-la-minga')
    await user.click(
      await screen.findByRole('button', { name: /Cambiar de organización: Cooperativa La Minga/ }),
    )
    const menu = await screen.findByRole('menu')
    expect(within(menu).getByRole('menuitem', { name: 'Cooperativa La Minga' })).toHaveAttribute(
      'aria-current',
      'page',
    )
    await user.click(within(menu).getByRole('menuitem', { name: 'Conjunto El Prado' }))
    expect(await screen.findByRole('heading', { name: 'Conjunto El Prado', level: 1 })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/o/conjunto-el-prado')
  })

  it('opens a module placeholder page and refuses modules the org has not enabled', async () => {
    orgApi()
    const { user, router } = renderApp('/o/coop-la-minga')
    const nav = await screen.findByRole('navigation', { name: 'Navegación de la organización' })
    await user.click(within(nav).getByRole('link', { name: 'Anuncios' }))
    expect(await screen.findByRole('heading', { name: 'Anuncios', level: 1 })).toBeInTheDocument()
    expect(screen.getByText('Este módulo estará disponible pronto.')).toBeInTheDocument()

    await router.navigate({ to: '/o/$org/$module', params: { org: 'coop-la-minga', module: 'loans' } })
    expect(await screen.findByRole('heading', { name: 'Página no encontrada' })).toBeInTheDocument()
  })

  it('signs out from the user menu', async () => {
    let session = true
    const api = fakeApi({
      'GET /api/v1/me': () => (session ? signedIn() : json({ status: 401 }, 401)),
      'GET /api/v1/modules': moduleCatalog,
      'GET /api/v1/orgs': () => json({ items: [makeOrg()], nextCursor: null }),
      'GET /api/v1/orgs/coop-la-minga': () => json(makeOrg()),
      'POST /api/auth/sign-out': () => {
        session = false
        return json({ success: true })
      },
    })
    const { user, router } = renderApp('/o/coop-la-minga')
    await user.click(await screen.findByRole('button', { name: 'Menú de usuario' }))
    expect(await screen.findByText('ana@example.co')).toBeInTheDocument()
    await user.click(screen.getByRole('menuitem', { name: 'Cerrar sesión' }))
    expect(await screen.findByRole('heading', { name: 'Inicia sesión' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/sign-in')
    expect(api.callsTo('POST', '/api/auth/sign-out')[0]?.body).toEqual({})
  })

  it('shows the two-factor notice with a link to Mi cuenta when a page query answers two_factor_required', async () => {
    fakeApi({
      'GET /api/v1/me': signedIn,
      'GET /api/v1/modules': moduleCatalog,
      'GET /api/v1/orgs': () => json({ items: [makeOrg()], nextCursor: null }),
      'GET /api/v1/orgs/coop-la-minga': () => json(makeOrg()),
      'GET /api/v1/orgs/coop-la-minga/audit': () =>
        problem(403, 'two_factor_required', { title: 'Two-factor authentication required' }),
    })
    renderApp('/o/coop-la-minga/audit')
    const notice = await screen.findByTestId('two-factor-required')
    expect(notice).toHaveTextContent(
      'Esta organización exige la verificación en dos pasos para tu rol. Actívala en Mi cuenta.',
    )
    expect(within(notice).getByRole('link', { name: 'Ir a Mi cuenta' })).toHaveAttribute('href', '/account')
  })
})
