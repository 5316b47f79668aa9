import { act, screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { json, problem } from '../../test/fake-api.ts'
import { ana, makeOrg } from '../../test/fixtures.ts'
import { renderApp } from '../../test/render-app.tsx'
import {
  apiBase,
  DIRECT,
  LUIS,
  makeConversation,
  makeMessage,
  messageId,
  messagingApi,
  participant,
} from './messaging-fixtures.ts'

const ORG_ID = makeOrg().id
const realtime = vi.hoisted(() => ({
  handlers: new Map<string, (payload: unknown) => void>(),
  emitted: [] as { event: string; payload: unknown }[],
}))
vi.mock('../../app/realtime.ts', () => ({
  useOrgEvent: () => {},
  useUserEvent: (event: string, handler: (payload: unknown) => void) => {
    realtime.handlers.set(event, handler)
  },
  emitClientEvent: (event: string, payload: unknown) => realtime.emitted.push({ event, payload }),
}))
beforeEach(() => {
  realtime.handlers.clear()
  realtime.emitted.length = 0
})

const path = `${apiBase}/${DIRECT}`
const conversation = makeConversation({
  participants: [
    participant(ana.id, 'Ana Restrepo', messageId(3)),
    participant(LUIS, 'Luis Pérez', messageId(5)),
  ],
})
// Newest first, as the API pages them. 03:30 UTC on the 7th is still the 6th in Bogotá.
const firstPage = [
  makeMessage(5, { authorId: ana.id, body: 'Listo, allá nos vemos', createdAt: '2025-03-07T14:00:00.000Z' }),
  makeMessage(4, { body: '', deletedAt: '2025-03-07T13:00:00.000Z', createdAt: '2025-03-07T12:00:00.000Z' }),
  makeMessage(3, {
    body: 'Mañana a las 9, @Ana Restrepo',
    mentions: [ana.id],
    editedAt: '2025-03-07T04:00:00.000Z',
    replyCount: 2,
    createdAt: '2025-03-07T03:30:00.000Z',
    attachments: [{ name: 'Orden del día', url: 'https://example.co/orden.pdf' }],
  }),
  makeMessage(2, {
    authorId: ana.id,
    body: '¿A qué hora es la reunión?',
    createdAt: '2025-03-06T15:05:00.000Z',
  }),
  makeMessage(1, { body: 'Hola Ana', createdAt: '2025-03-06T15:00:00.000Z' }),
]
const olderPage = [makeMessage(0, { body: 'Primer mensaje', createdAt: '2025-03-05T15:00:00.000Z' })]

function threadApi(routes: Parameters<typeof messagingApi>[0] = {}) {
  return messagingApi({
    [`GET ${apiBase}`]: () => json({ items: [conversation], nextCursor: null }),
    [`GET ${path}`]: () => json(conversation),
    [`GET ${path}/messages`]: (request) =>
      request.query.get('before') === messageId(1)
        ? json({ items: olderPage, nextCursor: null })
        : json({ items: firstPage, nextCursor: messageId(1) }),
    [`POST ${path}/read`]: (request) =>
      json({
        conversationId: DIRECT,
        userId: ana.id,
        lastReadMessageId: (request.body as { messageId: string }).messageId,
        unreadCount: 0,
      }),
    ...routes,
  })
}

const log = () => screen.getByRole('log', { name: 'Mensajes de Luis Pérez' })
const articles = () => within(log()).getAllByRole('article')
const article = (index: number) => {
  const found = articles()[index]
  if (!found) throw new Error(`no message at ${index}`)
  return found
}

async function openThread() {
  const view = renderApp(`/o/coop-la-minga/messages/${DIRECT}`)
  // The page is a lazy chunk: the first import can be slow on a busy machine.
  await screen.findByRole('region', { name: 'Conversación: Luis Pérez' }, { timeout: 5000 })
  await waitFor(() => expect(articles()).toHaveLength(5))
  return view
}

describe('conversation thread', () => {
  it('shows messages oldest first with Bogotá day separators, edits, tombstones, mentions, links and "Visto por"', async () => {
    const api = threadApi()
    const { user } = await openThread()
    expect(
      articles().map((a) => a.getAttribute('aria-labelledby') && within(a).getAllByText(/./)[0]?.textContent),
    ).toEqual(['Luis Pérez', 'Ana Restrepo', 'Luis Pérez', 'Luis Pérez', 'Ana Restrepo'])
    expect(article(0)).toHaveAccessibleName('Luis Pérez')
    const separators = within(log())
      .getAllByRole('separator')
      .map((s) => s.textContent)
    // The 03:30 UTC message of the 7th belongs to the 6th in Bogotá.
    expect(separators).toEqual(['jueves, 6 de marzo de 2025', 'viernes, 7 de marzo de 2025'])
    const [edited, deleted, last] = [article(2), article(3), article(4)]
    expect(edited).toHaveTextContent('10:30 p. m.')
    expect(edited).toHaveTextContent('(editado)')
    expect(within(edited).getByText('@Ana Restrepo').tagName).toBe('STRONG')
    expect(within(edited).getByRole('link', { name: 'Orden del día' })).toHaveAttribute(
      'href',
      'https://example.co/orden.pdf',
    )
    expect(within(edited).getByRole('button', { name: '2 respuestas' })).toBeInTheDocument()
    expect(deleted).toHaveTextContent('Mensaje eliminado')
    expect(within(deleted).queryByRole('button')).not.toBeInTheDocument()
    expect(last).toHaveTextContent('Visto por Luis Pérez')
    expect(edited).not.toHaveTextContent('Visto por')
    // My pointer was at message 3: opening the conversation marks message 5 read.
    await waitFor(() =>
      expect(api.callsTo('POST', `${path}/read`)[0]?.body).toEqual({ messageId: messageId(5) }),
    )
    expect(api.callsTo('GET', `${path}/messages`)[0]?.query.get('topLevel')).toBe('true')

    await user.click(within(log()).getByRole('button', { name: 'Cargar mensajes anteriores' }))
    await waitFor(() => expect(articles()).toHaveLength(6))
    expect(article(0)).toHaveTextContent('Primer mensaje')
    expect(within(log()).getByText('Este es el comienzo de la conversación.')).toBeInTheDocument()
  })

  it('shows who is typing, adds messages pushed in realtime and moves read receipts', async () => {
    const api = threadApi({
      [`GET ${path}/messages/${messageId(11)}`]: () =>
        json(
          makeMessage(11, {
            parentId: messageId(3),
            body: 'Una respuesta',
            createdAt: '2025-03-07T15:30:00.000Z',
          }),
        ),
      [`GET ${path}/messages/${messageId(3)}`]: () => json({ ...firstPage[2], replyCount: 3 }),
      [`GET ${path}/messages/${messageId(6)}`]: () =>
        json(makeMessage(6, { body: 'Ya voy en camino', createdAt: '2025-03-07T15:00:00.000Z' })),
    })
    await openThread()
    const status = screen.getByRole('status')
    act(() =>
      realtime.handlers.get('conversation.typing')?.({
        orgId: ORG_ID,
        conversationId: DIRECT,
        userId: ana.id,
        name: 'Ana Restrepo',
      }),
    )
    expect(status).toHaveTextContent('')
    // The user's room also carries other orgs' chats: those are ignored here.
    act(() =>
      realtime.handlers.get('conversation.typing')?.({
        orgId: 'another-org',
        conversationId: DIRECT,
        userId: LUIS,
        name: 'Luis Pérez',
      }),
    )
    expect(status).toHaveTextContent('')
    act(() =>
      realtime.handlers.get('conversation.typing')?.({
        orgId: ORG_ID,
        conversationId: DIRECT,
        userId: LUIS,
        name: 'Luis Pérez',
      }),
    )
    expect(status).toHaveTextContent('Luis Pérez está escribiendo…')

    await act(async () =>
      realtime.handlers.get('message.created')?.({
        orgId: ORG_ID,
        conversationId: DIRECT,
        messageId: messageId(6),
      }),
    )
    await waitFor(() => expect(articles()).toHaveLength(6))
    expect(article(5)).toHaveTextContent('Ya voy en camino')
    expect(article(5)).toHaveAccessibleName('Luis Pérez')
    // The author's message ends their typing line; the same event twice adds nothing.
    expect(status).toHaveTextContent('')
    await act(async () =>
      realtime.handlers.get('message.created')?.({
        orgId: ORG_ID,
        conversationId: DIRECT,
        messageId: messageId(6),
      }),
    )
    expect(articles()).toHaveLength(6)
    await waitFor(() =>
      expect(api.callsTo('POST', `${path}/read`).at(-1)?.body).toEqual({ messageId: messageId(6) }),
    )
    // A reply (shown in its thread) counts as read too once it arrives in the open conversation,
    // and its root's reply count follows.
    await act(async () =>
      realtime.handlers.get('message.created')?.({
        orgId: ORG_ID,
        conversationId: DIRECT,
        messageId: messageId(11),
      }),
    )
    await waitFor(() =>
      expect(api.callsTo('POST', `${path}/read`).at(-1)?.body).toEqual({ messageId: messageId(11) }),
    )
    expect(within(log()).getByRole('button', { name: '3 respuestas' })).toBeInTheDocument()
    expect(within(log()).queryByText('Una respuesta')).not.toBeInTheDocument()
  })

  it('sends optimistically, shows the server 422 with Reintentar, and retries with the same Idempotency-Key', async () => {
    let attempts = 0
    const api = threadApi({
      [`POST ${path}/messages`]: (request) => {
        attempts += 1
        if (attempts === 1)
          return problem(422, 'validation_failed', {
            errors: [
              { path: 'body.mentions', message: 'Solo puedes mencionar a participantes de la conversación.' },
            ],
          })
        const body = request.body as { body: string }
        return json(
          makeMessage(7, { authorId: ana.id, body: body.body, createdAt: '2025-03-07T16:00:00.000Z' }),
          201,
        )
      },
    })
    const { user } = await openThread()
    const box = screen.getByRole('textbox', { name: 'Escribe un mensaje' })
    await user.type(box, 'Hola a todos')
    expect(realtime.emitted).toEqual([
      { event: 'conversation:typing', payload: { orgSlug: 'coop-la-minga', conversationId: DIRECT } },
    ])
    await user.click(screen.getByRole('button', { name: 'Enviar' }))
    expect(box).toHaveValue('')
    const failed = await within(log()).findByText('No se pudo enviar')
    const article = failed.closest('article') as HTMLElement
    expect(article).toHaveTextContent('Hola a todos')
    expect(within(article).getByRole('alert')).toHaveTextContent(
      'Solo puedes mencionar a participantes de la conversación.',
    )
    await user.click(within(article).getByRole('button', { name: 'Reintentar' }))
    await waitFor(() => expect(within(log()).queryByText('No se pudo enviar')).not.toBeInTheDocument())
    expect(articles().at(-1)).toHaveTextContent('Hola a todos')
    const [first, second] = api.callsTo('POST', `${path}/messages`)
    expect(first?.body).toEqual({ body: 'Hola a todos', mentions: [], attachments: [] })
    expect(first?.headers.get('Idempotency-Key')).toBeTruthy()
    expect(second?.headers.get('Idempotency-Key')).toBe(first?.headers.get('Idempotency-Key'))
  })

  it('edits and deletes my own message; others’ messages cannot be edited', async () => {
    const api = threadApi({
      [`PATCH ${path}/messages/${messageId(2)}`]: (request) =>
        json({
          ...firstPage[3],
          body: (request.body as { body: string }).body,
          editedAt: '2025-03-07T17:00:00.000Z',
        }),
      [`DELETE ${path}/messages/${messageId(5)}`]: () => new Response(null, { status: 204 }),
      [`GET ${path}/messages/${messageId(5)}`]: () =>
        json({ ...firstPage[0], body: '', deletedAt: '2025-03-07T17:00:00.000Z' }),
    })
    const { user } = await openThread()
    await user.click(
      within(article(0)).getByRole('button', {
        name: 'Opciones del mensaje de Luis Pérez',
      }),
    )
    expect(screen.queryByRole('menuitem', { name: 'Editar' })).not.toBeInTheDocument()
    await user.keyboard('{Escape}')

    await user.click(
      within(article(1)).getByRole('button', {
        name: 'Opciones del mensaje de Ana Restrepo',
      }),
    )
    await user.click(screen.getByRole('menuitem', { name: 'Editar' }))
    const editor = screen.getByRole('textbox', { name: 'Editar mensaje' })
    await user.clear(editor)
    await user.type(editor, '¿A qué hora empieza?{Enter}')
    await waitFor(() => expect(article(1)).toHaveTextContent('¿A qué hora empieza?'))
    expect(article(1)).toHaveTextContent('(editado)')
    expect(api.callsTo('PATCH', `${path}/messages/${messageId(2)}`)[0]?.body).toEqual({
      body: '¿A qué hora empieza?',
    })

    await user.click(
      within(article(4)).getByRole('button', {
        name: 'Opciones del mensaje de Ana Restrepo',
      }),
    )
    await user.click(screen.getByRole('menuitem', { name: 'Eliminar' }))
    await user.click(
      within(screen.getByRole('dialog', { name: 'Eliminar mensaje' })).getByRole('button', {
        name: 'Eliminar',
      }),
    )
    await waitFor(() => expect(article(4)).toHaveTextContent('Mensaje eliminado'))
    expect(article(4)).not.toHaveTextContent('Listo, allá nos vemos')
  })

  it('opens a thread with the quoted root and replies in it', async () => {
    const api = threadApi({
      [`GET ${path}/messages/${messageId(3)}`]: () => json(firstPage[2]),
      [`GET ${path}/messages/${messageId(3)}/replies`]: () =>
        json({
          items: [
            makeMessage(9, {
              authorId: ana.id,
              parentId: messageId(3),
              body: 'Perfecto',
              createdAt: '2025-03-07T05:00:00.000Z',
            }),
          ],
          nextCursor: null,
        }),
      [`POST ${path}/messages`]: () =>
        json(
          makeMessage(10, {
            authorId: ana.id,
            parentId: messageId(3),
            body: 'Llevo café',
            createdAt: '2025-03-07T18:00:00.000Z',
          }),
          201,
        ),
    })
    const { user } = await openThread()
    await user.click(screen.getByRole('button', { name: '2 respuestas' }))
    const panel = await screen.findByRole('dialog', { name: 'Hilo' })
    expect(await within(panel).findByText('En respuesta a Luis Pérez')).toBeInTheDocument()
    expect(within(panel).getByText('Mañana a las 9, @Ana Restrepo')).toBeInTheDocument()
    expect(await within(panel).findByText('Perfecto')).toBeInTheDocument()
    await user.type(within(panel).getByRole('textbox', { name: 'Responder en el hilo' }), 'Llevo café{Enter}')
    expect(await within(panel).findByText('Llevo café')).toBeInTheDocument()
    expect(api.callsTo('POST', `${path}/messages`)[0]?.body).toEqual({
      body: 'Llevo café',
      mentions: [],
      attachments: [],
      parentId: messageId(3),
    })
    // The reply stays in the thread, not in the main timeline.
    expect(within(log()).queryByText('Llevo café')).not.toBeInTheDocument()
  })

  it('searches within the conversation', async () => {
    const api = threadApi({
      [`GET ${path}/messages/search`]: () => json({ items: [firstPage[2]], nextCursor: null }),
    })
    const { user } = await openThread()
    await user.click(screen.getByRole('button', { name: 'Buscar en la conversación' }))
    await user.type(screen.getByRole('searchbox', { name: 'Buscar mensajes' }), 'manana')
    const results = await screen.findByRole('list', { name: 'Resultados de la búsqueda' })
    expect(results).toHaveTextContent('Mañana a las 9, @Ana Restrepo')
    expect(api.callsTo('GET', `${path}/messages/search`).at(-1)?.query.get('q')).toBe('manana')
  })

  it('says so when the conversation is not reachable', async () => {
    threadApi({ [`GET ${path}`]: () => problem(404, 'not_found', { title: 'Not found' }) })
    renderApp(`/o/coop-la-minga/messages/${DIRECT}`)
    expect(
      await screen.findByText('Esta conversación no existe o ya no participas en ella.'),
    ).toBeInTheDocument()
  })
})
