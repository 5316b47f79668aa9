import { MantineProvider } from '@mantine/core'
import type { ActivityEntry } from '@minga/contracts'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactElement } from 'react'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { i18n } from '../../app/i18n/i18n.ts'
import { theme } from '../../app/theme.ts'
import { fakeApi, json, problem } from '../../test/fake-api.ts'
import { relativeTime } from './activity-time.ts'
import { ActivityTimeline } from './activity-timeline.tsx'

const ORG = '/api/v1/orgs/coop-la-minga/activity'
const ANA = '0190f7a0-0000-7000-8000-0000000000a1'
const BETO = '0190f7a0-0000-7000-8000-0000000000a2'
const ASSEMBLY = '0190f7a0-0000-7000-8000-0000000000f1'
// 10:00 a. m. in Bogotá (UTC-5).
const NOW = new Date('2026-03-10T15:00:00.000Z')

let counter = 0
function entry(overrides: Partial<ActivityEntry>): ActivityEntry {
  counter++
  return {
    id: `0190f7a0-0000-7000-8000-${String(counter).padStart(12, '0')}`,
    verb: 'announcement.published',
    entityType: 'announcement',
    entityId: `0190f7a0-0000-7000-9000-${String(counter).padStart(12, '0')}`,
    context: null,
    title: null,
    actor: { id: ANA, name: 'Ana Pérez' },
    occurredAt: '2026-03-10T14:55:00.000Z',
    ...overrides,
  }
}

function renderTimeline(ui: ReactElement) {
  const user = userEvent.setup()
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <QueryClientProvider client={client}>
      <I18nextProvider i18n={i18n}>
        <MantineProvider theme={theme} env="test">
          {ui}
        </MantineProvider>
      </I18nextProvider>
    </QueryClientProvider>,
  )
  return { user }
}

describe('ActivityTimeline', () => {
  it('tells each line as a Spanish sentence with a relative time and the full time on hover', async () => {
    fakeApi({
      [`GET ${ORG}`]: () =>
        json({
          items: [
            entry({ title: 'Corte de agua el martes' }),
            entry({
              verb: 'task.changed',
              entityType: 'task',
              title: 'Cambiar bombillos',
              actor: { id: BETO, name: 'Beto Ruiz' },
              occurredAt: '2026-03-10T12:00:00.000Z',
            }),
            entry({
              verb: 'poll.closed',
              entityType: 'poll',
              actor: null,
              occurredAt: '2026-03-09T22:00:00.000Z',
            }),
            entry({ verb: 'motion.opened', entityType: 'motion', actor: { id: BETO, name: null } }),
            entry({ verb: 'message.created', title: 'Hola' }),
          ],
          nextCursor: null,
        }),
    })
    renderTimeline(<ActivityTimeline orgSlug="coop-la-minga" now={NOW} />)
    const list = await screen.findByRole('list', { name: 'Línea de tiempo de actividad' })
    const lines = within(list).getAllByRole('listitem')
    expect(lines.map((l) => l.querySelector('p')?.textContent)).toEqual([
      'Ana Pérez publicó el anuncio «Corte de agua el martes»',
      'Beto Ruiz actualizó la tarea «Cambiar bombillos»',
      'Minga cerró una encuesta',
      'Una persona que ya no está en la organización abrió una votación',
      'Ana Pérez hizo un cambio',
    ])
    const first = within(lines[0] as HTMLElement).getByText('hace 5 minutos')
    expect(first.tagName).toBe('TIME')
    expect(first.getAttribute('datetime')).toBe('2026-03-10T14:55:00.000Z')
    // 9:55 a. m. in Bogotá, not 2:55 p. m. UTC.
    expect(first.getAttribute('title')).toMatch(/martes, 10 de marzo de 2026.*9:55/)
    expect(within(lines[1] as HTMLElement).getByText('hace 3 horas')).toBeInTheDocument()
    // 5 p. m. yesterday in Bogotá.
    expect(within(lines[2] as HTMLElement).getByText('ayer')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Ver más' })).not.toBeInTheDocument()
  })

  it('shows an empty state', async () => {
    fakeApi({ [`GET ${ORG}`]: () => json({ items: [], nextCursor: null }) })
    renderTimeline(<ActivityTimeline orgSlug="coop-la-minga" now={NOW} />)
    expect(await screen.findByText('Aún no hay actividad')).toBeInTheDocument()
    expect(screen.getByText(/Aquí aparecerán los anuncios/)).toBeInTheDocument()
  })

  it('loads older lines on demand with the cursor', async () => {
    const api = fakeApi({
      [`GET ${ORG}`]: (request) =>
        request.query.get('cursor') === 'page-2'
          ? json({ items: [entry({ title: 'Aviso antiguo' })], nextCursor: null })
          : json({ items: [entry({ title: 'Aviso nuevo' })], nextCursor: 'page-2' }),
    })
    const { user } = renderTimeline(
      <ActivityTimeline orgSlug="coop-la-minga" entityType="announcement" now={NOW} />,
    )
    expect(await screen.findByText('Ana Pérez publicó el anuncio «Aviso nuevo»')).toBeInTheDocument()
    expect(api.calls[0]?.query.get('entityType')).toBe('announcement')
    await user.click(screen.getByRole('button', { name: 'Ver más' }))
    expect(await screen.findByText('Ana Pérez publicó el anuncio «Aviso antiguo»')).toBeInTheDocument()
    expect(screen.getByText('Ana Pérez publicó el anuncio «Aviso nuevo»')).toBeInTheDocument()
    expect(api.calls.map((c) => c.query.get('cursor'))).toEqual([null, 'page-2'])
    expect(screen.queryByRole('button', { name: 'Ver más' })).not.toBeInTheDocument()
  })

  it("reads one entity's timeline and says so when access is denied", async () => {
    const api = fakeApi({
      [`GET ${ORG}/entities/assembly/${ASSEMBLY}`]: () =>
        json({
          items: [entry({ verb: 'assembly.convened', entityType: 'assembly', title: 'Asamblea 2026' })],
          nextCursor: null,
        }),
      [`GET ${ORG}`]: () => problem(403, 'forbidden'),
    })
    renderTimeline(
      <ActivityTimeline
        orgSlug="coop-la-minga"
        entityType="assembly"
        entityId={ASSEMBLY}
        compact
        now={NOW}
      />,
    )
    expect(await screen.findByText('Ana Pérez convocó la asamblea «Asamblea 2026»')).toBeInTheDocument()
    expect(api.calls[0]?.query.get('entityType')).toBeNull()
    renderTimeline(<ActivityTimeline orgSlug="coop-la-minga" now={NOW} />)
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'No puedes ver la actividad de esta organización.',
    )
    // Embedded (compact), a forbidden timeline renders nothing.
    renderTimeline(<ActivityTimeline orgSlug="coop-la-minga" compact now={NOW} />)
    await waitFor(() => expect(api.callsTo('GET', ORG)).toHaveLength(2))
    await new Promise((resolve) => setTimeout(resolve, 50)) // let the failed query render
    expect(screen.getAllByRole('alert')).toHaveLength(1)
  })
})

describe('relativeTime', () => {
  it('counts days in Bogotá and falls back to the date after a week', () => {
    // 11 p. m. on the 9th in Bogotá is "yesterday" at 1 a. m. on the 10th, though only 2 hours passed.
    expect(relativeTime('2026-03-10T04:00:00.000Z', new Date('2026-03-10T06:00:00.000Z'), 'es-CO')).toBe(
      'ayer',
    )
    expect(relativeTime('2026-03-10T14:59:30.000Z', NOW, 'es-CO')).toBe('ahora')
    expect(relativeTime('2026-03-01T15:00:00.000Z', NOW, 'es-CO')).toBe(
      new Intl.DateTimeFormat('es-CO', { dateStyle: 'medium', timeZone: 'America/Bogota' }).format(
        new Date('2026-03-01T15:00:00.000Z'),
      ),
    )
    expect(relativeTime('2026-03-10T14:00:00.000Z', NOW, 'en')).toBe('1 hour ago')
  })
})
