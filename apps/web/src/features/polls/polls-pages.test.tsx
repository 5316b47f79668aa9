import type { Poll, PollResults } from '@minga/contracts'
import { act, screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, json, problem } from '../../test/fake-api.ts'
import { makeOrg, moduleCatalog, signedIn } from '../../test/fixtures.ts'
import { renderApp } from '../../test/render-app.tsx'

// Realtime is faked: the test keeps the handlers and pushes events itself.
const realtime = vi.hoisted(() => ({ handlers: new Map<string, (payload: unknown) => void>() }))
vi.mock('../../app/realtime.ts', () => ({
  useOrgEvent: (_slug: string, event: string, handler: (payload: unknown) => void) => {
    realtime.handlers.set(event, handler)
  },
  // The org header's notification bell listens on the user's own room.
  useUserEvent: () => {},
}))

const POLL_ID = '0190f7a0-0000-7000-8000-0000000000aa'
const path = '/api/v1/orgs/coop-la-minga/polls'

function makePoll(overrides: Partial<Poll> = {}): Poll {
  return {
    id: POLL_ID,
    title: '¿Pintamos la fachada en marzo?',
    details: 'Cotización aprobada.',
    type: 'proposal',
    options: ['agree', 'abstain', 'disagree', 'block'].map((id) => ({ id, label: id })),
    minChoices: null,
    maxChoices: null,
    minScore: null,
    maxScore: null,
    dotsPerPerson: null,
    closingAt: new Date(Date.now() + 2 * 86_400_000 + 3 * 3_600_000).toISOString(),
    anonymous: false,
    hideResultsUntilClosed: false,
    audience: 'org',
    invitedUserIds: [],
    state: 'open',
    authorId: 'user-ana',
    openedAt: '2026-03-01T15:00:00.000Z',
    closedAt: null,
    decidedCount: 1,
    invitedCount: 4,
    myStatus: 'pending',
    resultsVisible: true,
    version: 1,
    ...overrides,
  }
}

const results: PollResults = {
  pollId: POLL_ID,
  type: 'proposal',
  final: false,
  decided: 1,
  invited: 4,
  participationPercent: 25,
  options: [
    { optionId: 'agree', label: 'agree', totalScore: 1, voterCount: 1, average: 1 },
    { optionId: 'abstain', label: 'abstain', totalScore: 0, voterCount: 0, average: null },
    { optionId: 'disagree', label: 'disagree', totalScore: 0, voterCount: 0, average: null },
    { optionId: 'block', label: 'block', totalScore: 0, voterCount: 0, average: null },
  ],
  runoff: null,
  stances: [
    {
      userId: 'user-luis',
      name: 'Luis Gómez',
      choices: [{ optionId: 'agree', score: 1 }],
      reason: 'Ya toca',
      castAt: '2026-03-02T15:00:00.000Z',
    },
  ],
}

function api(routes: Parameters<typeof fakeApi>[0], role: 'owner' | 'member' = 'member') {
  const org = makeOrg({ role, kind: 'housing', enabledModules: ['polls'] })
  return fakeApi({
    'GET /api/v1/me': signedIn,
    'GET /api/v1/modules': moduleCatalog,
    'GET /api/v1/orgs': () => json({ items: [org], nextCursor: null }),
    'GET /api/v1/orgs/coop-la-minga': () => json(org),
    ...routes,
  })
}

beforeEach(() => realtime.handlers.clear())

describe('polls list', () => {
  it('shows open polls with my status, and closed ones in their tab', async () => {
    const fake = api({
      [`GET ${path}`]: (request) =>
        request.query.get('state') === 'closed'
          ? json({
              items: [
                makePoll({
                  id: 'p2',
                  title: 'Horario de la piscina',
                  state: 'closed',
                  closedAt: '2026-03-05T02:00:00.000Z',
                  myStatus: 'voted',
                }),
              ],
              nextCursor: null,
            })
          : json({
              items: [
                makePoll(),
                makePoll({ id: 'p3', title: 'Días de aseo', type: 'choose', myStatus: 'voted' }),
              ],
              nextCursor: null,
            }),
    })
    const { user } = renderApp('/o/coop-la-minga/polls')
    const list = await screen.findByRole('list', { name: 'Consultas' }, { timeout: 5000 })
    const cards = within(list).getAllByRole('listitem')
    expect(cards).toHaveLength(2)
    expect(within(cards[0]!).getByText('Pendiente')).toBeInTheDocument()
    expect(within(cards[0]!).getByText('1 de 4 votaron')).toBeInTheDocument()
    expect(within(cards[1]!).getByText('Votaste')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Nueva consulta' })).not.toBeInTheDocument()
    expect(document.title).toBe('Consultas · Minga')

    await user.click(screen.getByRole('tab', { name: 'Cerradas' }))
    expect(await screen.findByText('Horario de la piscina', {}, { timeout: 5000 })).toBeInTheDocument()
    // 02:00 UTC on 5 March is 9:00 p. m. on 4 March in Bogotá.
    expect(screen.getByText(/Cerró el 4\/03\/2026, 9:00/)).toBeInTheDocument()
    expect(new Set(fake.callsTo('GET', path).map((c) => c.query.get('state')))).toEqual(
      new Set(['open', 'closed']),
    )
  })

  it('validates the create form before sending, then opens the poll', async () => {
    const fake = api(
      {
        [`GET ${path}`]: () => json({ items: [], nextCursor: null }),
        [`POST ${path}`]: (request) =>
          json({ ...makePoll({ type: 'choose' }), ...(request.body as object) }, 201),
        [`GET ${path}/${POLL_ID}`]: () => json(makePoll()),
        [`GET ${path}/${POLL_ID}/stance`]: () => json({ pollId: POLL_ID, current: null, history: [] }),
        [`GET ${path}/${POLL_ID}/results`]: () => json(results),
      },
      'owner',
    )
    const { user } = renderApp('/o/coop-la-minga/polls')
    await user.click(await screen.findByRole('button', { name: 'Nueva consulta' }))
    const dialog = await screen.findByRole('dialog', { name: 'Nueva consulta' })
    await user.click(within(dialog).getByRole('combobox', { name: /Tipo de consulta/ }))
    await user.click(await screen.findByRole('option', { name: 'Elección' }))
    await user.click(within(dialog).getByRole('button', { name: 'Abrir consulta' }))
    expect(await within(dialog).findByText('Escribe un título de al menos 3 caracteres.')).toBeInTheDocument()
    expect(within(dialog).getByText('Escribe al menos dos opciones distintas.')).toBeInTheDocument()
    expect(fake.callsTo('POST', path)).toHaveLength(0)

    await user.type(within(dialog).getByRole('textbox', { name: /Pregunta o título/ }), 'Días de aseo')
    await user.type(within(dialog).getByRole('textbox', { name: 'Opción 1' }), 'Lunes')
    await user.type(within(dialog).getByRole('textbox', { name: 'Opción 2' }), 'Viernes')
    const closing = within(dialog).getByLabelText(/Cierre/)
    await user.clear(closing)
    await user.type(closing, '2099-03-28T09:00')
    await user.click(within(dialog).getByRole('button', { name: 'Abrir consulta' }))
    await waitFor(() => expect(fake.callsTo('POST', path)).toHaveLength(1))
    expect(fake.callsTo('POST', path)[0]!.body).toMatchObject({
      title: 'Días de aseo',
      type: 'choose',
      options: ['Lunes', 'Viernes'],
      // 9:00 a. m. in Bogotá is 14:00 UTC.
      closingAt: '2099-03-28T14:00:00.000Z',
      audience: 'org',
      state: 'open',
    })
    expect(await screen.findByRole('heading', { name: '¿Pintamos la fachada en marzo?' })).toBeInTheDocument()
  })
})

describe('poll page', () => {
  it('votes on a proposal, shows results bars and refreshes on poll.changed', async () => {
    let stance: unknown = null
    let decided = 1
    const fake = api({
      [`GET ${path}/${POLL_ID}`]: () => json(makePoll({ decidedCount: decided })),
      [`GET ${path}/${POLL_ID}/stance`]: () => json({ pollId: POLL_ID, current: stance, history: [] }),
      [`GET ${path}/${POLL_ID}/results`]: () => json(results),
      [`PUT ${path}/${POLL_ID}/stance`]: (request) => {
        stance = { ...(request.body as object), reason: 'Me parece bien', castAt: '2026-03-03T15:00:00.000Z' }
        return json({ pollId: POLL_ID, current: stance, history: [] })
      },
    })
    const { user } = renderApp(`/o/coop-la-minga/polls/${POLL_ID}`)
    expect(await screen.findByRole('heading', { name: '¿Pintamos la fachada en marzo?' })).toBeInTheDocument()
    expect(screen.getByRole('timer')).toHaveTextContent(/^Cierra en 2 d [23] h$/)
    const bars = await screen.findByRole('list', { name: 'Resultados' })
    expect(
      within(bars)
        .getAllByRole('progressbar')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(['De acuerdo', 'Abstención', 'En desacuerdo', 'Bloqueo'])
    expect(screen.getByText('Participación: 25 % (1 de 4)')).toBeInTheDocument()
    expect(screen.getByRole('table', { name: 'Votos' })).toHaveTextContent('Luis Gómez')

    const submit = screen.getByRole('button', { name: 'Votar' })
    expect(submit).toBeDisabled()
    await user.click(screen.getByRole('radio', { name: 'De acuerdo' }))
    await user.type(screen.getByRole('textbox', { name: 'Razón (opcional)' }), 'Me parece bien')
    await user.click(submit)
    await waitFor(() => expect(fake.callsTo('PUT', `${path}/${POLL_ID}/stance`)).toHaveLength(1))
    expect(fake.callsTo('PUT', `${path}/${POLL_ID}/stance`)[0]!.body).toEqual({
      choices: [{ optionId: 'agree', score: 1 }],
      reason: 'Me parece bien',
    })
    expect(await screen.findByRole('button', { name: 'Cambiar mi voto' })).toBeInTheDocument()

    decided = 2
    const before = fake.callsTo('GET', `${path}/${POLL_ID}`).length
    act(() => realtime.handlers.get('poll.changed')?.({ pollId: POLL_ID }))
    await waitFor(() => expect(fake.callsTo('GET', `${path}/${POLL_ID}`).length).toBeGreaterThan(before))
    expect(await screen.findByText('2 de 4 votaron')).toBeInTheDocument()
  })

  it('keeps hidden results hidden and says when the caller is not invited', async () => {
    const fake = api({
      [`GET ${path}/${POLL_ID}`]: () =>
        json(makePoll({ hideResultsUntilClosed: true, resultsVisible: false, myStatus: 'not_invited' })),
      [`GET ${path}/${POLL_ID}/stance`]: () => json({ pollId: POLL_ID, current: null, history: [] }),
      [`GET ${path}/${POLL_ID}/results`]: () => problem(403, 'forbidden'),
    })
    renderApp(`/o/coop-la-minga/polls/${POLL_ID}`)
    expect(await screen.findByText('Los resultados se verán cuando la consulta cierre.')).toBeInTheDocument()
    expect(screen.getByText('No estás invitado a votar en esta consulta.')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Votar' })).not.toBeInTheDocument()
    expect(fake.callsTo('GET', `${path}/${POLL_ID}/results`)).toHaveLength(0)
  })

  it('shows a readable message for a poll that does not exist', async () => {
    api({})
    renderApp(`/o/coop-la-minga/polls/${POLL_ID}`)
    expect(await screen.findByText('Esta consulta no existe o no tienes acceso.')).toBeInTheDocument()
  })
})
