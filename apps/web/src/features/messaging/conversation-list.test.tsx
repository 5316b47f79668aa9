import { screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { json, problem } from '../../test/fake-api.ts'
import { ana, makeOrg } from '../../test/fixtures.ts'
import { renderApp } from '../../test/render-app.tsx'
import {
  apiBase,
  DIRECT,
  GROUP,
  LINKED,
  LUIS,
  MARTA,
  makeConversation,
  makeMessage,
  messageId,
  messagingApi,
  participant,
} from './messaging-fixtures.ts'

const ORG_ID = makeOrg().id
const realtime = vi.hoisted(() => ({ handlers: new Map<string, (payload: unknown) => void>() }))
vi.mock('../../app/realtime.ts', () => ({
  useOrgEvent: () => {},
  useUserEvent: (event: string, handler: (payload: unknown) => void) => {
    realtime.handlers.set(event, handler)
  },
  emitClientEvent: () => {},
}))
beforeEach(() => realtime.handlers.clear())

const conversations = [
  makeConversation({
    id: DIRECT,
    unreadCount: 2,
    lastMessageAt: '2026-11-21T14:00:00.000Z',
    lastMessage: {
      id: messageId(9),
      authorId: LUIS,
      body: '¿Vienes a la asamblea?',
      createdAt: '2026-11-21T14:00:00.000Z',
      deletedAt: null,
    },
  }),
  makeConversation({
    id: GROUP,
    kind: 'group',
    title: 'Comité de convivencia',
    participants: [
      participant(ana.id, 'Ana Restrepo'),
      participant(LUIS, 'Luis Pérez'),
      participant(MARTA, 'Marta Gómez'),
    ],
    lastMessage: {
      id: messageId(8),
      authorId: ana.id,
      body: 'Nos vemos el martes',
      createdAt: '2026-11-20T14:00:00.000Z',
      deletedAt: null,
    },
  }),
  makeConversation({
    id: LINKED,
    kind: 'entity',
    title: 'Huerta comunitaria',
    entityType: 'project',
    entityId: '0190f7a0-0000-7000-8000-00000000e001',
    lastMessage: {
      id: messageId(7),
      authorId: LUIS,
      body: '',
      createdAt: '2026-11-19T14:00:00.000Z',
      deletedAt: '2026-11-19T15:00:00.000Z',
    },
  }),
]

const list = () => screen.getByRole('navigation', { name: 'Conversaciones' })
const links = () => within(list()).getAllByRole('link')

describe('conversation list', () => {
  it('shows direct, group and linked conversations with previews, unread badges and kinds', async () => {
    messagingApi({ [`GET ${apiBase}`]: () => json({ items: conversations, nextCursor: null }) })
    renderApp('/o/coop-la-minga/messages')
    await screen.findByRole('navigation', { name: 'Conversaciones' }, { timeout: 5000 })
    const [direct, group, linked] = links()
    // A direct conversation is named after the other person.
    expect(direct).toHaveTextContent('Luis Pérez')
    expect(direct).toHaveTextContent('Luis Pérez: ¿Vienes a la asamblea?')
    expect(direct).toHaveTextContent('2 mensajes sin leer')
    expect(direct).toHaveTextContent('Directa')
    expect(direct).toHaveAttribute('href', `/o/coop-la-minga/messages/${DIRECT}`)
    expect(group).toHaveTextContent('Comité de convivencia')
    expect(group).toHaveTextContent('Tú: Nos vemos el martes')
    expect(group).toHaveTextContent('Grupo')
    expect(group).not.toHaveTextContent('sin leer')
    expect(linked).toHaveTextContent('Vinculada · Proyecto')
    expect(linked).toHaveTextContent('Mensaje eliminado')
    expect(screen.getByText('Elige una conversación')).toBeInTheDocument()
  })

  it('filters by title or participant, ignoring accents and case', async () => {
    messagingApi({ [`GET ${apiBase}`]: () => json({ items: conversations, nextCursor: null }) })
    const { user } = renderApp('/o/coop-la-minga/messages')
    await screen.findByRole('navigation', { name: 'Conversaciones' }, { timeout: 5000 })
    await user.type(screen.getByRole('searchbox', { name: 'Buscar conversaciones' }), 'marta gomez')
    expect(links().map((l) => l.textContent)).toEqual([expect.stringContaining('Comité de convivencia')])
    await user.clear(screen.getByRole('searchbox', { name: 'Buscar conversaciones' }))
    await user.type(screen.getByRole('searchbox', { name: 'Buscar conversaciones' }), 'HUERTA')
    expect(links()).toHaveLength(1)
    await user.type(screen.getByRole('searchbox', { name: 'Buscar conversaciones' }), 'xyz')
    expect(screen.getByText('Ninguna conversación coincide con la búsqueda.')).toBeInTheDocument()
  })

  it('shows an empty state, and the module link /messaging opens the chat', async () => {
    messagingApi({ [`GET ${apiBase}`]: () => json({ items: [], nextCursor: null }) })
    const { router } = renderApp('/o/coop-la-minga/messaging')
    expect(await screen.findByText('Aún no tienes conversaciones', {}, { timeout: 5000 })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/o/coop-la-minga/messages')
  })

  it('refreshes the list when a message arrives in realtime', async () => {
    let calls = 0
    messagingApi({
      [`GET ${apiBase}`]: () => {
        calls += 1
        return json({ items: calls === 1 ? [] : [conversations[0]], nextCursor: null })
      },
    })
    renderApp('/o/coop-la-minga/messages')
    await screen.findByText('Aún no tienes conversaciones', {}, { timeout: 5000 })
    realtime.handlers.get('message.created')?.({
      orgId: ORG_ID,
      conversationId: DIRECT,
      messageId: messageId(9),
    })
    expect(await screen.findByText('Luis Pérez: ¿Vienes a la asamblea?')).toBeInTheDocument()
  })

  it('"Nueva conversación" with one person opens a direct conversation', async () => {
    const api = messagingApi({
      [`GET ${apiBase}`]: () => json({ items: [], nextCursor: null }),
      [`POST ${apiBase}`]: () => json(makeConversation(), 200),
      [`GET ${apiBase}/${DIRECT}`]: () => json(makeConversation()),
      [`GET ${apiBase}/${DIRECT}/messages`]: () => json({ items: [makeMessage(1)], nextCursor: null }),
      [`POST ${apiBase}/${DIRECT}/read`]: () =>
        json({ conversationId: DIRECT, userId: ana.id, lastReadMessageId: messageId(1), unreadCount: 0 }),
    })
    const { user, router } = renderApp('/o/coop-la-minga/messages')
    await user.click(await screen.findByRole('button', { name: 'Nueva conversación' }, { timeout: 5000 }))
    const dialog = screen.getByRole('dialog', { name: 'Nueva conversación' })
    await user.click(within(dialog).getByRole('button', { name: 'Crear conversación' }))
    expect(within(dialog).getByText('Elige al menos una persona.')).toBeInTheDocument()
    await user.click(within(dialog).getByRole('combobox', { name: 'Participantes' }))
    // Only the other members are offered.
    expect(screen.queryByRole('option', { name: 'Ana Restrepo' })).not.toBeInTheDocument()
    await user.click(await screen.findByRole('option', { name: 'Luis Pérez' }))
    expect(within(dialog).queryByLabelText('Nombre del grupo')).not.toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Crear conversación' }))
    await waitFor(() => expect(router.state.location.pathname).toBe(`/o/coop-la-minga/messages/${DIRECT}`))
    expect(api.callsTo('POST', apiBase)[0]?.body).toEqual({ kind: 'direct', userId: LUIS })
    expect(await screen.findByRole('region', { name: 'Conversación: Luis Pérez' })).toBeInTheDocument()
  })

  it('"Nueva conversación" with several people needs a group name and shows server field errors', async () => {
    let attempt = 0
    const api = messagingApi({
      [`GET ${apiBase}`]: () => json({ items: [], nextCursor: null }),
      [`POST ${apiBase}`]: () => {
        attempt += 1
        return attempt === 1
          ? problem(422, 'validation_failed', {
              errors: [
                { path: 'body.participantIds', message: 'Marta Gómez ya no es miembro de la organización.' },
              ],
            })
          : json(conversations[1], 201)
      },
      [`GET ${apiBase}/${GROUP}`]: () => json(conversations[1]),
      [`GET ${apiBase}/${GROUP}/messages`]: () => json({ items: [], nextCursor: null }),
    })
    const { user, router } = renderApp('/o/coop-la-minga/messages')
    await user.click(await screen.findByRole('button', { name: 'Nueva conversación' }, { timeout: 5000 }))
    const dialog = screen.getByRole('dialog', { name: 'Nueva conversación' })
    await user.click(within(dialog).getByRole('combobox', { name: 'Participantes' }))
    await user.click(await screen.findByRole('option', { name: 'Luis Pérez' }))
    // The list closes after each pick (it would cover the buttons); open it again for the next one.
    expect(screen.queryByRole('option', { name: 'Marta Gómez' })).not.toBeInTheDocument()
    await user.click(within(dialog).getByRole('combobox', { name: 'Participantes' }))
    await user.click(await screen.findByRole('option', { name: 'Marta Gómez' }))
    await user.click(within(dialog).getByRole('button', { name: 'Crear conversación' }))
    expect(within(dialog).getByText('Escribe un nombre para el grupo.')).toBeInTheDocument()
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Nombre del grupo' }),
      'Comité de convivencia',
    )
    await user.click(within(dialog).getByRole('button', { name: 'Crear conversación' }))
    expect(
      await within(dialog).findByText('Marta Gómez ya no es miembro de la organización.'),
    ).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Crear conversación' }))
    await waitFor(() => expect(router.state.location.pathname).toBe(`/o/coop-la-minga/messages/${GROUP}`))
    expect(api.callsTo('POST', apiBase)[1]?.body).toEqual({
      kind: 'group',
      title: 'Comité de convivencia',
      participantIds: [LUIS, MARTA],
    })
  })
})
