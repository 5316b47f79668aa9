import type { Task, TaskBoardDetail } from '@minga/contracts'
import { screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, json, problem } from '../../test/fake-api.ts'
import { makeOrg, moduleCatalog, signedIn } from '../../test/fixtures.ts'
import { renderApp } from '../../test/render-app.tsx'
import { applyDrop, dropFor, moveBody } from './board-moves.ts'

// Realtime is faked: the test keeps the handlers and pushes events itself.
const realtime = vi.hoisted(() => ({ handlers: new Map<string, (payload: unknown) => void>() }))
vi.mock('../../app/realtime.ts', () => ({
  useOrgEvent: (_slug: string, event: string, handler: (payload: unknown) => void) => {
    realtime.handlers.set(event, handler)
  },
  // The org header's notification bell listens on the user's own room.
  useUserEvent: () => {},
}))

const BOARD = '0190f7a0-0000-7000-8000-0000000000b1'
const PENDING_COLUMN = '0190f7a0-0000-7000-8000-0000000000c1'
const DOING = '0190f7a0-0000-7000-8000-0000000000c2'
const DONE = '0190f7a0-0000-7000-8000-0000000000c3'
const LABEL = '0190f7a0-0000-7000-8000-0000000000d1'
const ANA = '0190f7a0-0000-7000-8000-0000000000e1'
const path = '/api/v1/orgs/coop-la-minga/tasks'

function makeTask(id: string, title: string, columnId: string, overrides: Partial<Task> = {}): Task {
  return {
    id,
    boardId: BOARD,
    columnId,
    parentTaskId: null,
    title,
    description: '',
    orderKey: 'a0',
    dueOn: null,
    completedAt: null,
    assigneeIds: [],
    labelIds: [],
    checklist: [],
    attachments: [],
    commentCount: 0,
    templateId: null,
    occurrenceOn: null,
    createdBy: ANA,
    createdAt: '2026-03-01T15:00:00.000Z',
    version: 1,
    ...overrides,
  }
}

function makeBoard(overrides: Partial<TaskBoardDetail> = {}): TaskBoardDetail {
  return {
    board: {
      id: BOARD,
      name: 'Mantenimiento',
      description: 'Zonas comunes',
      entityType: null,
      entityId: null,
      createdAt: '2026-03-01T15:00:00.000Z',
      version: 1,
    },
    columns: [
      {
        id: PENDING_COLUMN,
        boardId: BOARD,
        name: 'Por hacer',
        position: 0,
        category: 'todo',
        wipLimit: null,
        wipMode: 'soft',
      },
      {
        id: DOING,
        boardId: BOARD,
        name: 'En curso',
        position: 1,
        category: 'in_progress',
        wipLimit: 1,
        wipMode: 'soft',
      },
      {
        id: DONE,
        boardId: BOARD,
        name: 'Hecho',
        position: 2,
        category: 'done',
        wipLimit: 1,
        wipMode: 'hard',
      },
    ],
    labels: [{ id: LABEL, boardId: BOARD, name: 'Plomería', color: '#1c7ed6' }],
    tasks: [
      makeTask('t1', 'Cambiar bombillos', PENDING_COLUMN, {
        labelIds: [LABEL],
        dueOn: '2099-03-28',
        checklist: [
          { id: 'i1', text: 'Comprar', done: true },
          { id: 'i2', text: 'Instalar', done: false },
        ],
        assigneeIds: [ANA],
      }),
      makeTask('t2', 'Podar jardines', PENDING_COLUMN),
      makeTask('t3', 'Revisar bomba', DOING),
      makeTask('t4', 'Pintar portería', DOING),
    ],
    ...overrides,
  }
}

function api(routes: Parameters<typeof fakeApi>[0], permissions = ['tasks:read', 'tasks:write']) {
  const org = makeOrg({ role: 'member', kind: 'housing', enabledModules: ['tasks'] })
  return fakeApi({
    'GET /api/v1/me': signedIn,
    'GET /api/v1/modules': moduleCatalog,
    'GET /api/v1/orgs': () => json({ items: [org], nextCursor: null }),
    'GET /api/v1/orgs/coop-la-minga': () => json(org),
    'GET /api/v1/orgs/coop-la-minga/me/permissions': () =>
      json({ role: 'member', all: false, permissions, branches: [] }),
    'GET /api/v1/orgs/coop-la-minga/members': () =>
      json({ items: [{ userId: ANA, name: 'Ana Restrepo', email: 'ana@example.co' }], nextCursor: null }),
    ...routes,
  })
}

const column = (name: string) => screen.getByRole('list', { name: `Tareas de ${name}` })
const titlesIn = (name: string) =>
  within(column(name))
    .queryAllByRole('button', { name: /^Abrir/ })
    .map((b) => b.getAttribute('aria-label')?.replace(/^Abrir «(.*)»$/, '$1'))

beforeEach(() => realtime.handlers.clear())

describe('task board', () => {
  it('shows columns, cards with labels, due dates and checklists, and the WIP state', async () => {
    api({ [`GET ${path}/boards/${BOARD}`]: () => json(makeBoard()) })
    renderApp(`/o/coop-la-minga/tasks/${BOARD}`)
    expect(await screen.findByRole('heading', { name: 'Mantenimiento', level: 1 })).toBeInTheDocument()
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Por hacer',
      'En curso',
      'Hecho',
    ])
    expect(titlesIn('Por hacer')).toEqual(['Cambiar bombillos', 'Podar jardines'])
    const card = screen.getByTestId('card-Cambiar bombillos')
    expect(within(card).getByText('Plomería')).toBeInTheDocument()
    expect(within(card).getByText('Vence el 28/03/2099')).toBeInTheDocument()
    expect(within(card).getByText(/1\/2/)).toBeInTheDocument()
    // En curso holds 2 with a soft limit of 1: over the limit, in warning colour.
    const doing = screen.getByTestId('column-En curso')
    expect(within(doing).getByRole('status')).toHaveTextContent('Límite superado (2 de 1)')
    expect(within(doing).getByText('2 / 1')).toBeInTheDocument()
    expect(screen.getByTestId('column-Hecho')).toHaveTextContent('Sin tareas')
    expect(document.title).toBe('Mantenimiento · Minga')
  })

  it('moves a card with the keyboard-accessible menu: optimistic, then the API call', async () => {
    let release: () => void = () => {}
    const fake = api({
      [`GET ${path}/boards/${BOARD}`]: () => json(makeBoard()),
      [`POST ${path}/cards/t2/move`]: () =>
        new Promise<Response>((resolve) => {
          release = () => resolve(json({ ...makeTask('t2', 'Podar jardines', DONE), warnings: [] }))
        }),
    })
    const { user } = renderApp(`/o/coop-la-minga/tasks/${BOARD}`)
    await user.click(await screen.findByRole('button', { name: 'Mover «Podar jardines»' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Mover a Hecho' }))
    // Shown in its new column before the server answers.
    await waitFor(() => expect(titlesIn('Hecho')).toEqual(['Podar jardines']))
    expect(titlesIn('Por hacer')).toEqual(['Cambiar bombillos'])
    await waitFor(() => expect(fake.callsTo('POST', `${path}/cards/t2/move`)).toHaveLength(1))
    expect(fake.callsTo('POST', `${path}/cards/t2/move`)[0]?.body).toEqual({ columnId: DONE })
    release()
  })

  it('reorders within a column by sending the new neighbours', async () => {
    const fake = api({
      [`GET ${path}/boards/${BOARD}`]: () => json(makeBoard()),
      [`POST ${path}/cards/t2/move`]: () =>
        json({ ...makeTask('t2', 'Podar jardines', PENDING_COLUMN), warnings: [] }),
    })
    const { user } = renderApp(`/o/coop-la-minga/tasks/${BOARD}`)
    await user.click(await screen.findByRole('button', { name: 'Mover «Podar jardines»' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Subir' }))
    await waitFor(() => expect(fake.callsTo('POST', `${path}/cards/t2/move`)).toHaveLength(1))
    expect(fake.callsTo('POST', `${path}/cards/t2/move`)[0]?.body).toEqual({
      columnId: PENDING_COLUMN,
      beforeTaskId: 't1',
    })
  })

  it('puts the card back and says why when the server refuses the move', async () => {
    api({
      [`GET ${path}/boards/${BOARD}`]: () => json(makeBoard()),
      [`POST ${path}/cards/t2/move`]: () => problem(409, 'conflict', { title: 'WIP limit' }),
    })
    const { user } = renderApp(`/o/coop-la-minga/tasks/${BOARD}`)
    await user.click(await screen.findByRole('button', { name: 'Mover «Podar jardines»' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Mover a En curso' }))
    expect(await screen.findByText(/La columna «En curso» está llena/)).toBeInTheDocument()
    await waitFor(() => expect(titlesIn('Por hacer')).toEqual(['Cambiar bombillos', 'Podar jardines']))
  })

  it('blocks a move into a full hard-limit column without calling the API', async () => {
    const board = makeBoard()
    board.tasks.push(makeTask('t5', 'Lavar tanques', DONE))
    const fake = api({ [`GET ${path}/boards/${BOARD}`]: () => json(board) })
    const { user } = renderApp(`/o/coop-la-minga/tasks/${BOARD}`)
    expect(await screen.findByText('Columna llena: límite de 1')).toBeInTheDocument()
    await user.click(await screen.findByRole('button', { name: 'Mover «Podar jardines»' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Mover a Hecho' }))
    expect(await screen.findByText(/La columna «Hecho» está llena \(límite de 1\)/)).toBeInTheDocument()
    expect(fake.calls.filter((c) => c.method === 'POST')).toHaveLength(0)
  })

  it('refetches the board on task.changed for this board', async () => {
    let board = makeBoard()
    const fake = api({ [`GET ${path}/boards/${BOARD}`]: () => json(board) })
    renderApp(`/o/coop-la-minga/tasks/${BOARD}`)
    await screen.findByRole('heading', { name: 'Mantenimiento', level: 1 })
    board = { ...board, tasks: [...board.tasks, makeTask('t9', 'Recarga de extintores', PENDING_COLUMN)] }
    realtime.handlers.get('task.changed')?.({ boardId: BOARD, taskId: 't9' })
    expect(await screen.findByRole('button', { name: 'Abrir «Recarga de extintores»' })).toBeInTheDocument()
    expect(fake.callsTo('GET', `${path}/boards/${BOARD}`).length).toBeGreaterThanOrEqual(2)
  })

  it('hides writing controls from read-only members', async () => {
    api({ [`GET ${path}/boards/${BOARD}`]: () => json(makeBoard()) }, ['tasks:read'])
    renderApp(`/o/coop-la-minga/tasks/${BOARD}`)
    await screen.findByRole('heading', { name: 'Mantenimiento', level: 1 })
    expect(screen.queryByRole('button', { name: /^Mover/ })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /^Agregar tarea/ })).not.toBeInTheDocument()
    expect(screen.queryByRole('form', { name: 'Nueva columna' })).not.toBeInTheDocument()
  })

  it('validates the new card form, then creates the card in its column', async () => {
    const fake = api({
      [`GET ${path}/boards/${BOARD}`]: () => json(makeBoard()),
      [`POST ${path}/boards/${BOARD}/cards`]: (request) =>
        json(
          { ...makeTask('t8', 'Lavar fachada', PENDING_COLUMN), ...(request.body as object), warnings: [] },
          201,
        ),
    })
    const { user } = renderApp(`/o/coop-la-minga/tasks/${BOARD}`)
    await user.click(await screen.findByRole('button', { name: 'Agregar tarea (Por hacer)' }))
    await user.click(screen.getByRole('button', { name: 'Agregar' }))
    expect(await screen.findByText('Escribe un título.')).toBeInTheDocument()
    await user.type(screen.getByRole('textbox', { name: 'Título de la tarea' }), 'Lavar fachada')
    await user.click(screen.getByRole('button', { name: 'Agregar' }))
    await waitFor(() => expect(fake.callsTo('POST', `${path}/boards/${BOARD}/cards`)).toHaveLength(1))
    expect(fake.callsTo('POST', `${path}/boards/${BOARD}/cards`)[0]?.body).toEqual({
      title: 'Lavar fachada',
      columnId: PENDING_COLUMN,
    })
  })

  it('opens a card in the drawer and comments with a mention', async () => {
    const fake = api({
      [`GET ${path}/boards/${BOARD}`]: () => json(makeBoard()),
      [`GET ${path}/cards/t1/comments`]: () => json({ items: [], nextCursor: null }),
      [`GET ${path}/cards/t1/activity`]: () =>
        json({
          items: [
            {
              id: 'a1',
              action: 'created',
              actorId: ANA,
              occurredAt: '2026-03-01T15:00:00.000Z',
              changes: null,
            },
          ],
          nextCursor: null,
        }),
      [`POST ${path}/cards/t1/comments`]: (request) =>
        json(
          {
            id: 'c1',
            taskId: 't1',
            authorId: ANA,
            createdAt: '2026-03-02T15:00:00.000Z',
            ...(request.body as object),
          },
          201,
        ),
    })
    const { user } = renderApp(`/o/coop-la-minga/tasks/${BOARD}`)
    await user.click(await screen.findByRole('button', { name: 'Abrir «Cambiar bombillos»' }))
    const drawer = await screen.findByRole('dialog', { name: 'Cambiar bombillos' })
    expect(await within(drawer).findByText(/creó la tarea/)).toBeInTheDocument()
    expect(within(drawer).getByRole('checkbox', { name: 'Comprar' })).toBeChecked()
    await user.type(within(drawer).getByRole('textbox', { name: 'Comentarios' }), '¿Cuándo vienen?')
    await user.click(within(drawer).getByRole('combobox', { name: 'Mencionar a' }))
    await user.click(await screen.findByRole('option', { name: 'Ana Restrepo' }))
    await user.click(within(drawer).getByRole('button', { name: 'Comentar' }))
    await waitFor(() => expect(fake.callsTo('POST', `${path}/cards/t1/comments`)).toHaveLength(1))
    expect(fake.callsTo('POST', `${path}/cards/t1/comments`)[0]?.body).toEqual({
      body: '¿Cuándo vienen?',
      mentionedUserIds: [ANA],
    })
  })
})

describe('board settings', () => {
  it('lets managers add a label and a monthly recurring task', async () => {
    const fake = api(
      {
        [`GET ${path}/boards/${BOARD}`]: () => json(makeBoard()),
        [`GET ${path}/boards/${BOARD}/recurring`]: () => json({ items: [] }),
        [`POST ${path}/boards/${BOARD}/labels`]: (request) =>
          json({ id: 'l2', boardId: BOARD, ...(request.body as object) }, 201),
        [`POST ${path}/boards/${BOARD}/recurring`]: (request) =>
          json({ id: 'r1', ...(request.body as object) }, 201),
      },
      ['tasks:read', 'tasks:write', 'tasks:manage'],
    )
    const { user } = renderApp(`/o/coop-la-minga/tasks/${BOARD}`)
    await user.click(await screen.findByRole('button', { name: 'Etiquetas y recurrentes' }))
    const dialog = await screen.findByRole('dialog', { name: 'Configuración del tablero' })
    expect(await within(dialog).findByText(/Sin tareas recurrentes/)).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Agregar etiqueta' }))
    expect(await within(dialog).findByText('Escribe un nombre.')).toBeInTheDocument()
    await user.type(within(dialog).getByRole('textbox', { name: 'Nombre de la etiqueta' }), 'Eléctrico')
    await user.click(within(dialog).getByRole('button', { name: 'Agregar etiqueta' }))
    await waitFor(() => expect(fake.callsTo('POST', `${path}/boards/${BOARD}/labels`)).toHaveLength(1))
    expect(fake.callsTo('POST', `${path}/boards/${BOARD}/labels`)[0]?.body).toEqual({
      name: 'Eléctrico',
      color: '#1c7ed6',
    })

    await user.type(within(dialog).getByRole('textbox', { name: 'Título' }), 'Lectura de medidores')
    const startsOn = within(dialog).getByLabelText('Desde')
    await user.clear(startsOn)
    await user.type(startsOn, '2026-04-01')
    await user.click(within(dialog).getByRole('button', { name: 'Crear tarea recurrente' }))
    await waitFor(() => expect(fake.callsTo('POST', `${path}/boards/${BOARD}/recurring`)).toHaveLength(1))
    expect(fake.callsTo('POST', `${path}/boards/${BOARD}/recurring`)[0]?.body).toEqual({
      title: 'Lectura de medidores',
      assigneeIds: [],
      rotateAssignees: false,
      rule: { frequency: 'monthly', interval: 1, monthDay: 1 },
      startsOn: '2026-04-01',
    })
  })
})

describe('boards list', () => {
  it('shows the empty state and validates the new board form', async () => {
    const fake = api(
      {
        [`GET ${path}/boards`]: () => json({ items: [], nextCursor: null }),
        [`POST ${path}/boards`]: () => json(makeBoard({ tasks: [] }), 201),
        [`GET ${path}/boards/${BOARD}`]: () => json(makeBoard({ tasks: [] })),
      },
      ['tasks:read', 'tasks:write', 'tasks:manage'],
    )
    const { user } = renderApp('/o/coop-la-minga/tasks')
    expect(await screen.findByRole('heading', { name: 'Aún no hay tableros' })).toBeInTheDocument()
    await user.click(screen.getAllByRole('button', { name: 'Nuevo tablero' })[0] as HTMLElement)
    const dialog = await screen.findByRole('dialog', { name: 'Nuevo tablero' })
    await user.click(within(dialog).getByRole('button', { name: 'Crear tablero' }))
    expect(await within(dialog).findByText('Escribe un nombre.')).toBeInTheDocument()
    expect(fake.callsTo('POST', `${path}/boards`)).toHaveLength(0)
    await user.type(within(dialog).getByRole('textbox', { name: /Nombre/ }), 'Mantenimiento')
    await user.click(within(dialog).getByRole('button', { name: 'Crear tablero' }))
    await waitFor(() => expect(fake.callsTo('POST', `${path}/boards`)).toHaveLength(1))
    expect(fake.callsTo('POST', `${path}/boards`)[0]?.body).toEqual({
      name: 'Mantenimiento',
      description: '',
    })
    expect(await screen.findByRole('heading', { name: 'Mantenimiento', level: 1 })).toBeInTheDocument()
  })
})

describe('board moves', () => {
  const board = makeBoard()
  it('drops over a card of another column before it, and over a column at its end', () => {
    const overCard = dropFor(board, 't1', 't4')
    expect(overCard).toEqual({ taskId: 't1', columnId: DOING, index: 1 })
    const moved = applyDrop(board, overCard!)
    expect(moved.tasks.filter((x) => x.columnId === DOING).map((x) => x.id)).toEqual(['t3', 't1', 't4'])
    expect(moveBody(moved, overCard!)).toEqual({ columnId: DOING, afterTaskId: 't3', beforeTaskId: 't4' })
    expect(dropFor(board, 't1', DONE)).toEqual({ taskId: 't1', columnId: DONE, index: 0 })
  })

  it('moves down within a column after the card it is dropped on, and ignores a drop on itself', () => {
    const drop = dropFor(board, 't1', 't2')
    const moved = applyDrop(board, drop!)
    expect(moved.tasks.filter((x) => x.columnId === PENDING_COLUMN).map((x) => x.id)).toEqual(['t2', 't1'])
    expect(moveBody(moved, drop!)).toEqual({ columnId: PENDING_COLUMN, afterTaskId: 't2' })
    expect(dropFor(board, 't1', 't1')).toBeNull()
  })
})
