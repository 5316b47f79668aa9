import type { MyScorecard, OrgScorecard } from '@minga/contracts'
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeApi, json } from '../../test/fake-api.ts'
import { makeOrg, moduleCatalog, signedIn } from '../../test/fixtures.ts'
import { renderApp } from '../../test/render-app.tsx'

const base = '/api/v1/orgs/coop-la-minga'

const orgCard: OrgScorecard = {
  range: { from: '2025-03-01', to: '2026-02-28' },
  assemblies: {
    count: 2,
    attendanceByHeads: { numerator: 1, denominator: 2, percent: '50.00' },
    attendanceByWeight: { numerator: 2, denominator: 3, percent: '66.67' },
    proxyReliance: null,
    maxProxiesHeldByOnePerson: 2,
    quorumSuccessRate: { numerator: 1, denominator: 2, percent: '50.00' },
    motions: 4,
    voteTurnout: null,
  },
  polls: { count: 1, participation: { numerator: 1, denominator: 3, percent: '33.33' } },
  tasks: {
    count: 3,
    onTime: { numerator: 1, denominator: 3, percent: '33.33' },
    medianDaysOverdue: 7,
    openPerMember: [{ userId: 'u-luis', name: 'Luis Mora', open: 2 }],
  },
  participation: {
    members: 4,
    activeMembers: 2,
    breadth: { numerator: 1, denominator: 2, percent: '50.00' },
  },
}

const myCard: MyScorecard = {
  range: { from: '2025-03-01', to: '2026-02-28' },
  assemblies: {
    count: 2,
    attendance: { numerator: 1, denominator: 1, percent: '100.00' },
    motions: 0,
    voteTurnout: null,
  },
  polls: { count: 1, participation: { numerator: 1, denominator: 1, percent: '100.00' } },
  tasks: { count: 0, onTime: null, medianDaysOverdue: null, open: 1 },
  activity: { votes: 3, attendances: 2, tasksDone: 0, comments: 5 },
}

function scorecardsApi(admin: boolean) {
  const org = makeOrg({ kind: 'housing', enabledModules: ['scorecards'], role: admin ? 'admin' : 'member' })
  return fakeApi({
    'GET /api/v1/me': signedIn,
    'GET /api/v1/modules': moduleCatalog,
    'GET /api/v1/orgs': () => json({ items: [org], nextCursor: null }),
    [`GET ${base}`]: () => json(org),
    [`GET ${base}/me/permissions`]: () => json({ role: org.role, all: admin, permissions: [], branches: [] }),
    [`GET ${base}/scorecards/org`]: () => json(orgCard),
    [`GET ${base}/scorecards/me`]: () => json(myCard),
  })
}

describe('scorecards page', () => {
  it('shows the org KPI cards with Spanish percentages and "Sin datos" for empty ones', async () => {
    const api = scorecardsApi(true)
    const { user } = renderApp('/o/coop-la-minga/scorecards')
    const weight = await screen.findByRole('group', { name: 'Asistencia por coeficiente' })
    expect(within(weight).getByText('66,67 %')).toBeInTheDocument()
    expect(within(weight).getByText('2 de 3')).toBeInTheDocument()
    const proxies = screen.getByRole('group', { name: 'Unidades representadas por poder' })
    expect(within(proxies).getByText('Sin datos')).toBeInTheDocument()
    expect(within(proxies).getByText('Máximo de poderes en una persona: 2')).toBeInTheDocument()
    expect(screen.getByText('Mediana de retraso: 7 días')).toBeInTheDocument()
    expect(screen.getByText('2 de 4 miembros')).toBeInTheDocument()
    expect(screen.getByRole('table', { name: 'Tareas abiertas por persona' })).toHaveTextContent('Luis Mora2')
    expect(screen.getByText('Del 2025-03-01 al 2026-02-28')).toBeInTheDocument()

    await user.type(screen.getByLabelText('Desde'), '2026-01-01')
    await waitFor(() =>
      expect(
        api.callsTo('GET', `${base}/scorecards/org`).some((c) => c.query.get('from') === '2026-01-01'),
      ).toBe(true),
    )

    await user.click(screen.getByRole('tab', { name: 'Mi participación' }))
    expect(await screen.findByRole('group', { name: 'Mi asistencia (mis unidades)' })).toHaveTextContent(
      '100,00 %',
    )
  })

  it('shows only "Mi participación" to a member without scorecards:read', async () => {
    const api = scorecardsApi(false)
    renderApp('/o/coop-la-minga/scorecards')
    expect(await screen.findByRole('group', { name: 'Participación en encuestas' })).toHaveTextContent(
      '100,00 %',
    )
    expect(screen.getByText('Comentarios').previousSibling).toHaveTextContent('5')
    expect(screen.getByText('Tareas abiertas: 1')).toBeInTheDocument()
    expect(screen.queryByRole('tab', { name: 'Organización' })).not.toBeInTheDocument()
    expect(api.callsTo('GET', `${base}/scorecards/org`)).toHaveLength(0)
  })
})
