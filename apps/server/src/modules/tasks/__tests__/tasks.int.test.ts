import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addMember,
  as,
  createOrg,
  createTestApp,
  eventually,
  signUp,
  type TestApp,
  type TestUser,
} from '../../../../test/harness.ts'
import { addDays, bogotaDate } from '../../../platform/calendar/index.ts'
import { withOrg } from '../../../platform/db/with-org.ts'
import { outboxEvents } from '../../../platform/events/events.tables.ts'
import { tasksModule } from '../index.ts'
import { taskScorecardFacts } from '../scorecard-facts.ts'
import { compareKeys } from '../task-order.ts'
import { runDueSoonReminders, runMaterializeRecurring } from '../tasks.jobs.ts'

let t: TestApp
let admin: TestUser
let member: TestUser
let observer: TestUser
let outsider: TestUser
let slug: string
let orgId: string
let otherSlug: string
const api = (path: string) => `/api/v1/orgs/${slug}/tasks${path}`

type Detail = {
  board: { id: string; version: number }
  columns: { id: string; name: string; category: string; wipLimit: number | null }[]
  tasks: { id: string; columnId: string; orderKey: string; title: string; completedAt: string | null }[]
}

async function makeBoard(name = 'Mantenimiento', columns?: unknown[]): Promise<Detail> {
  const res = await as(
    t.app,
    admin,
  )({ method: 'POST', url: api('/boards'), payload: { name, ...(columns ? { columns } : {}) } })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

async function makeCard(boardId: string, payload: Record<string, unknown>, user = member) {
  const res = await as(t.app, user)({ method: 'POST', url: api(`/boards/${boardId}/cards`), payload })
  expect(res.statusCode, res.body).toBe(201)
  return res.json()
}

async function board(boardId: string): Promise<Detail> {
  return (await as(t.app, member)({ method: 'GET', url: api(`/boards/${boardId}`) })).json()
}

/** Titles per column, in the board's order: what a user sees. */
function layout(detail: Detail) {
  return detail.columns.map((c) => detail.tasks.filter((x) => x.columnId === c.id).map((x) => x.title))
}

async function makeObserver(user: TestUser) {
  await addMember(t.app, admin, slug, user)
  const base = `/api/v1/orgs/${slug}`
  const roles = (await as(t.app, admin)({ method: 'GET', url: `${base}/roles` })).json()
  const observador = roles.items.find((r: { key: string }) => r.key === 'observador')
  const assigned = (
    await as(t.app, admin)({ method: 'GET', url: `${base}/role-assignments?userId=${user.id}` })
  ).json()
  for (const a of assigned.items)
    await as(t.app, admin)({ method: 'DELETE', url: `${base}/role-assignments/${a.id}` })
  const res = await as(
    t.app,
    admin,
  )({
    method: 'POST',
    url: `${base}/role-assignments`,
    payload: { userId: user.id, roleId: observador.id },
  })
  expect(res.statusCode, res.body).toBe(201)
}

async function events(type: string) {
  return t.database.db
    .select()
    .from(outboxEvents)
    .where(and(eq(outboxEvents.orgId, orgId), eq(outboxEvents.type, type)))
}

beforeAll(async () => {
  t = await createTestApp({ workers: true })
  admin = await signUp(t.app, 'Administradora')
  member = await signUp(t.app, 'Residente Uno')
  observer = await signUp(t.app, 'Revisora Fiscal')
  outsider = await signUp(t.app, 'Otra Org')
  const org = await createOrg(t.app, admin, { kind: 'housing' })
  slug = org.slug
  orgId = org.id
  otherSlug = (await createOrg(t.app, outsider, { kind: 'housing' })).slug
  await addMember(t.app, admin, slug, member)
  await makeObserver(observer)
})
afterAll(() => t.close())

describe('recurring tasks and reminders', () => {
  it('materializes each occurrence once, rotating assignees', async () => {
    const detail = await makeBoard('Rotas')
    const today = bogotaDate(new Date())
    const res = await as(
      t.app,
      admin,
    )({
      method: 'POST',
      url: api(`/boards/${detail.board.id}/recurring`),
      payload: {
        title: 'Aseo del shut de basuras',
        assigneeIds: [member.id, admin.id],
        rotateAssignees: true,
        rule: { frequency: 'daily', interval: 1 },
        startsOn: addDays(today, -1),
      },
    })
    expect(res.statusCode, res.body).toBe(201)
    const noWeekday = await as(
      t.app,
      admin,
    )({
      method: 'POST',
      url: api(`/boards/${detail.board.id}/recurring`),
      payload: { title: 'Semanal', rule: { frequency: 'weekly' }, startsOn: today },
    })
    expect(noWeekday.statusCode).toBe(400)
    expect(noWeekday.json().errors[0].path).toBe('body.rule.weekday')

    await runMaterializeRecurring(t.database.db)
    await runMaterializeRecurring(t.database.db)
    const cards = (await board(detail.board.id)).tasks as unknown as {
      title: string
      dueOn: string
      occurrenceOn: string
      assigneeIds: string[]
    }[]
    expect(cards.map((c) => [c.title, c.occurrenceOn, c.dueOn])).toEqual([
      ['Aseo del shut de basuras', today, today],
    ])
    // Occurrence 0 was yesterday (not back-filled); today's is the second turn of the rota.
    expect(cards[0]?.assigneeIds).toEqual([admin.id])
    const templates = (
      await as(t.app, member)({ method: 'GET', url: api(`/boards/${detail.board.id}/recurring`) })
    ).json()
    expect(templates.items[0]).toMatchObject({ lastOccurrenceOn: today, rotateAssignees: true })
    // Tomorrow the next turn goes to the first assignee.
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000)
    await runMaterializeRecurring(t.database.db, tomorrow)
    await runMaterializeRecurring(t.database.db, tomorrow)
    const next = (await board(detail.board.id)).tasks as unknown as {
      occurrenceOn: string
      assigneeIds: string[]
    }[]
    expect(next.map((c) => [c.occurrenceOn, c.assigneeIds])).toEqual([
      [today, [admin.id]],
      [addDays(today, 1), [member.id]],
    ])
  })

  it('records task.due_soon once per task and due date and mails the assignees', async () => {
    const detail = await makeBoard('Recordatorios')
    const tomorrow = addDays(bogotaDate(new Date()), 1)
    const due = await makeCard(detail.board.id, {
      title: 'Pagar vigilancia',
      dueOn: tomorrow,
      assigneeIds: [member.id],
    })
    await makeCard(detail.board.id, {
      title: 'Más tarde',
      dueOn: addDays(tomorrow, 3),
      assigneeIds: [member.id],
    })
    const doneCard = await makeCard(detail.board.id, {
      title: 'Ya hecha',
      dueOn: tomorrow,
      assigneeIds: [member.id],
    })
    await as(
      t.app,
      member,
    )({
      method: 'POST',
      url: api(`/cards/${doneCard.id}/move`),
      payload: { columnId: detail.columns[2]?.id },
    })
    await runDueSoonReminders(t.database.db)
    await runDueSoonReminders(t.database.db)
    const ours = (await events('task.due_soon')).filter((e) => e.payload.boardId === detail.board.id)
    expect(ours.map((e) => e.payload.taskId)).toEqual([due.id])
    expect(ours[0]?.payload).toMatchObject({ dueOn: tomorrow, assigneeIds: [member.id] })
    await eventually(
      async () =>
        // Runs first in the file so the outbox has little backlog; still, allow for a slow machine.
        t.app.platform.mailer
          .sent()
          .some((m) => m.to === member.email && m.subject.includes('Pagar vigilancia')),
      40_000,
    )
    expect(t.app.platform.mailer.sent().filter((m) => m.subject.includes('Pagar vigilancia'))).toHaveLength(1)
  }, 60_000)
})

describe('boards and columns', () => {
  it('creates a board with default columns, edits it with If-Match, adds, edits, reorders and deletes columns', async () => {
    const detail = await makeBoard('Aseo')
    expect(detail.columns.map((c) => [c.name, c.category])).toEqual([
      ['Por hacer', 'todo'],
      ['En curso', 'in_progress'],
      ['Hecho', 'done'],
    ])
    const id = detail.board.id
    const renamed = await as(
      t.app,
      admin,
    )({
      method: 'PATCH',
      url: api(`/boards/${id}`),
      payload: { name: 'Aseo y jardines' },
      headers: { 'if-match': '"1"' },
    })
    expect(renamed.statusCode).toBe(200)
    expect(renamed.json()).toMatchObject({ name: 'Aseo y jardines', version: 2 })
    const stale = await as(
      t.app,
      admin,
    )({
      method: 'PATCH',
      url: api(`/boards/${id}`),
      payload: { name: 'Otro' },
      headers: { 'if-match': '"1"' },
    })
    expect(stale.statusCode).toBe(412)

    const added = await as(
      t.app,
      admin,
    )({
      method: 'POST',
      url: api(`/boards/${id}/columns`),
      payload: { name: 'Revisión', category: 'in_progress', wipLimit: 2, wipMode: 'hard' },
    })
    expect(added.statusCode).toBe(201)
    expect(added.json()).toMatchObject({ position: 3, wipLimit: 2, wipMode: 'hard' })
    const moved = await as(
      t.app,
      admin,
    )({
      method: 'PATCH',
      url: api(`/boards/${id}/columns/${added.json().id}`),
      payload: { position: 1 },
    })
    expect(moved.statusCode).toBe(200)
    expect((await board(id)).columns.map((c) => c.name)).toEqual([
      'Por hacer',
      'Revisión',
      'En curso',
      'Hecho',
    ])

    await makeCard(id, { title: 'Barrer', columnId: added.json().id })
    const busy = await as(
      t.app,
      admin,
    )({ method: 'DELETE', url: api(`/boards/${id}/columns/${added.json().id}`) })
    expect(busy.statusCode).toBe(409)
    const emptyColumn = (await board(id)).columns[2]
    const removed = await as(
      t.app,
      admin,
    )({ method: 'DELETE', url: api(`/boards/${id}/columns/${emptyColumn?.id}`) })
    expect(removed.statusCode).toBe(204)
    expect(
      (await board(id)).columns.map((c) => [c.name, (c as unknown as { position: number }).position]),
    ).toEqual([
      ['Por hacer', 0],
      ['Revisión', 1],
      ['Hecho', 2],
    ])

    const list = (await as(t.app, member)({ method: 'GET', url: api('/boards?limit=100') })).json()
    expect(list.items.map((b: { id: string }) => b.id)).toContain(id)
    expect((await as(t.app, admin)({ method: 'DELETE', url: api(`/boards/${id}`) })).statusCode).toBe(204)
    expect((await as(t.app, member)({ method: 'GET', url: api(`/boards/${id}`) })).statusCode).toBe(404)
  })

  it('attaches boards to another module’s entity and filters by it', async () => {
    const res = await as(
      t.app,
      admin,
    )({
      method: 'POST',
      url: api('/boards'),
      payload: { name: 'Asamblea 2026', entityType: 'assembly', entityId: 'a-1' },
    })
    expect(res.statusCode).toBe(201)
    const list = (
      await as(t.app, member)({ method: 'GET', url: api('/boards?entityType=assembly&entityId=a-1') })
    ).json()
    expect(list.items.map((b: { name: string }) => b.name)).toEqual(['Asamblea 2026'])
    const half = await as(
      t.app,
      admin,
    )({
      method: 'POST',
      url: api('/boards'),
      payload: { name: 'Sin id', entityType: 'assembly' },
    })
    expect(half.statusCode).toBe(400)
    expect(half.json().errors).toEqual([expect.objectContaining({ path: 'body.entityId' })])
  })

  it('answers validation errors with field paths', async () => {
    const bad = await as(
      t.app,
      admin,
    )({
      method: 'POST',
      url: api('/boards'),
      payload: { name: '', columns: [{ name: 'X', category: 'later', wipLimit: 0 }] },
    })
    expect(bad.statusCode).toBe(400)
    const paths = bad
      .json()
      .errors.map((e: { path: string }) => e.path)
      .sort()
    expect(paths).toEqual(['body.columns.0.category', 'body.columns.0.wipLimit', 'body.name'])
    const detail = await makeBoard()
    const card = await as(
      t.app,
      member,
    )({
      method: 'POST',
      url: api(`/boards/${detail.board.id}/cards`),
      payload: { title: 'Sin fecha válida', dueOn: '2026-02-30', extra: true },
    })
    expect(card.statusCode).toBe(400)
    expect(
      card
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.dueOn', 'body.extra'])
  })
})

describe('cards', () => {
  it('creates, reads with ETag, edits with If-Match, validates assignees and labels, deletes', async () => {
    const detail = await makeBoard()
    const boardId = detail.board.id
    const label = (
      await as(
        t.app,
        admin,
      )({
        method: 'POST',
        url: api(`/boards/${boardId}/labels`),
        payload: { name: 'Plomería', color: '#1c7ed6' },
      })
    ).json()
    const card = await makeCard(boardId, {
      title: 'Arreglar llave del lavadero',
      dueOn: '2026-12-01',
      assigneeIds: [member.id],
      labelIds: [label.id],
      checklist: ['Comprar empaque', 'Cambiarlo'],
    })
    expect(card).toMatchObject({
      columnId: detail.columns[0]?.id,
      dueOn: '2026-12-01',
      assigneeIds: [member.id],
      labelIds: [label.id],
      completedAt: null,
      version: 1,
      warnings: [],
    })
    expect(card.checklist.map((c: { text: string; done: boolean }) => [c.text, c.done])).toEqual([
      ['Comprar empaque', false],
      ['Cambiarlo', false],
    ])
    const read = await as(t.app, observer)({ method: 'GET', url: api(`/cards/${card.id}`) })
    expect(read.statusCode).toBe(200)
    expect(read.headers.etag).toBe('"1"')

    const notMember = await as(
      t.app,
      member,
    )({
      method: 'PATCH',
      url: api(`/cards/${card.id}`),
      payload: { assigneeIds: [member.id, outsider.id] },
      headers: { 'if-match': '"1"' },
    })
    expect(notMember.statusCode).toBe(422)
    expect(notMember.json().errors).toEqual([{ path: 'body.assigneeIds.1', message: expect.any(String) }])
    const noIfMatch = await as(
      t.app,
      member,
    )({ method: 'PATCH', url: api(`/cards/${card.id}`), payload: { title: 'x' } })
    expect(noIfMatch.statusCode).toBe(428)
    const edited = await as(
      t.app,
      member,
    )({
      method: 'PATCH',
      url: api(`/cards/${card.id}`),
      payload: { title: 'Arreglar la llave', assigneeIds: [admin.id], dueOn: null },
      headers: { 'if-match': '"1"' },
    })
    expect(edited.statusCode).toBe(200)
    expect(edited.json()).toMatchObject({
      title: 'Arreglar la llave',
      assigneeIds: [admin.id],
      dueOn: null,
      version: 2,
    })
    const stale = await as(
      t.app,
      member,
    )({
      method: 'PATCH',
      url: api(`/cards/${card.id}`),
      payload: { title: 'Viejo' },
      headers: { 'if-match': '"1"' },
    })
    expect(stale.statusCode).toBe(412)

    const otherBoard = await makeBoard('Otro')
    const foreignLabel = await as(
      t.app,
      member,
    )({
      method: 'POST',
      url: api(`/boards/${otherBoard.board.id}/cards`),
      payload: { title: 'Etiqueta ajena', labelIds: [label.id] },
    })
    expect(foreignLabel.statusCode).toBe(422)
    expect(foreignLabel.json().errors[0].path).toBe('body.labelIds.0')

    const sub = await makeCard(boardId, { title: 'Comprar repuesto', parentTaskId: card.id })
    expect(sub.parentTaskId).toBe(card.id)
    const deep = await as(
      t.app,
      member,
    )({
      method: 'POST',
      url: api(`/boards/${boardId}/cards`),
      payload: { title: 'Nieto', parentTaskId: sub.id },
    })
    expect(deep.statusCode).toBe(422)

    const item = card.checklist[0]
    const ticked = await as(
      t.app,
      member,
    )({
      method: 'PATCH',
      url: api(`/cards/${card.id}/checklist/${item.id}`),
      payload: { done: true },
    })
    expect(ticked.json().checklist[0]).toMatchObject({ text: 'Comprar empaque', done: true })
    const link = await as(
      t.app,
      member,
    )({
      method: 'POST',
      url: api(`/cards/${card.id}/attachments`),
      payload: { name: 'Cotización', url: 'https://example.com/cotizacion.pdf' },
    })
    expect(link.statusCode).toBe(201)
    expect(link.json().attachments).toEqual([expect.objectContaining({ name: 'Cotización' })])
    const badLink = await as(
      t.app,
      member,
    )({
      method: 'POST',
      url: api(`/cards/${card.id}/attachments`),
      payload: { name: 'Malo', url: 'javascript:alert(1)' },
    })
    expect(badLink.statusCode).toBe(400)
    expect(badLink.json().errors[0].path).toBe('body.url')

    const activity = (
      await as(t.app, observer)({ method: 'GET', url: api(`/cards/${card.id}/activity`) })
    ).json()
    expect(activity.items.map((a: { action: string }) => a.action).reverse()).toEqual([
      'created',
      'assigned',
      'updated',
      'checklist_checked',
      'attachment_added',
    ])
    expect(activity.items[0]).not.toHaveProperty('ip')

    expect((await as(t.app, member)({ method: 'DELETE', url: api(`/cards/${card.id}`) })).statusCode).toBe(
      204,
    )
    expect((await as(t.app, member)({ method: 'GET', url: api(`/cards/${sub.id}`) })).statusCode).toBe(404)
  })

  it('keeps a consistent order through many moves, within and between columns', async () => {
    const detail = await makeBoard()
    const [todo, doing] = detail.columns
    const ids: string[] = []
    for (const n of [1, 2, 3, 4, 5]) ids.push((await makeCard(detail.board.id, { title: `C${n}` })).id)
    const move = async (id: string | undefined, body: Record<string, unknown>) => {
      const res = await as(t.app, member)({ method: 'POST', url: api(`/cards/${id}/move`), payload: body })
      expect(res.statusCode, res.body).toBe(200)
      return res.json()
    }
    await move(ids[4], { columnId: todo?.id, beforeTaskId: ids[0] }) // C5 first
    await move(ids[0], { columnId: todo?.id, afterTaskId: ids[2] }) // C1 after C3
    await move(ids[1], { columnId: doing?.id }) // C2 to the other column
    await move(ids[3], { columnId: doing?.id, beforeTaskId: ids[1] }) // C4 before C2
    expect(layout(await board(detail.board.id)).slice(0, 2)).toEqual([
      ['C5', 'C3', 'C1'],
      ['C4', 'C2'],
    ])
    // Back and forth between the same neighbours: keys stay distinct and in order.
    for (let i = 0; i < 30; i++) {
      await move(ids[2], { columnId: todo?.id, afterTaskId: ids[4], beforeTaskId: ids[0] })
      await move(ids[0], { columnId: todo?.id, afterTaskId: ids[4], beforeTaskId: ids[2] })
    }
    const after = await board(detail.board.id)
    expect(layout(after)[0]).toEqual(['C5', 'C1', 'C3'])
    const keys = after.tasks.filter((x) => x.columnId === todo?.id).map((x) => x.orderKey)
    expect([...keys].sort(compareKeys)).toEqual(keys)
    expect(new Set(keys).size).toBe(keys.length)

    const unknown = await as(
      t.app,
      member,
    )({
      method: 'POST',
      url: api(`/cards/${ids[0]}/move`),
      payload: { columnId: todo?.id, afterTaskId: ids[1] }, // C2 is in the other column
    })
    expect(unknown.statusCode).toBe(422)
    expect(unknown.json().errors[0].path).toBe('body.afterTaskId')
    const foreignColumn = (await makeBoard('Ajeno')).columns[0]
    const wrongBoard = await as(
      t.app,
      member,
    )({
      method: 'POST',
      url: api(`/cards/${ids[0]}/move`),
      payload: { columnId: foreignColumn?.id },
    })
    expect(wrongBoard.statusCode).toBe(422)
    expect(wrongBoard.json().errors[0].path).toBe('body.columnId')
  })

  it('serializes concurrent moves into the same slot without duplicate keys', async () => {
    const detail = await makeBoard()
    const [todo, doing] = detail.columns
    const anchor = await makeCard(detail.board.id, { title: 'Ancla', columnId: doing?.id })
    const movers = []
    for (const n of [1, 2, 3, 4, 5, 6])
      movers.push(await makeCard(detail.board.id, { title: `M${n}`, columnId: todo?.id }))
    const results = await Promise.all(
      movers.map((m) =>
        as(
          t.app,
          member,
        )({
          method: 'POST',
          url: api(`/cards/${m.id}/move`),
          payload: { columnId: doing?.id, afterTaskId: anchor.id },
        }),
      ),
    )
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200])
    const after = await board(detail.board.id)
    const column = after.tasks.filter((x) => x.columnId === doing?.id)
    expect(column).toHaveLength(7)
    expect(column[0]?.title).toBe('Ancla')
    expect(new Set(column.map((x) => x.orderKey)).size).toBe(7)
  })

  it('warns past a soft WIP limit, refuses past a hard one, and sets completedAt in done columns', async () => {
    const detail = await makeBoard('WIP', [
      { name: 'Por hacer' },
      { name: 'En curso', category: 'in_progress', wipLimit: 1, wipMode: 'soft' },
      { name: 'Revisión', category: 'in_progress', wipLimit: 1, wipMode: 'hard' },
      { name: 'Hecho', category: 'done' },
    ])
    const [, soft, hard, done] = detail.columns
    const a = await makeCard(detail.board.id, { title: 'A' })
    const b = await makeCard(detail.board.id, { title: 'B' })
    const first = (
      await as(
        t.app,
        member,
      )({ method: 'POST', url: api(`/cards/${a.id}/move`), payload: { columnId: soft?.id } })
    ).json()
    expect(first.warnings).toEqual([])
    const second = await as(
      t.app,
      member,
    )({ method: 'POST', url: api(`/cards/${b.id}/move`), payload: { columnId: soft?.id } })
    expect(second.statusCode).toBe(200)
    expect(second.json().warnings).toEqual([
      { code: 'wip_limit_exceeded', columnId: soft?.id, limit: 1, count: 2 },
    ])
    // Reordering inside an over-limit column is not "adding" a card.
    const reorder = await as(
      t.app,
      member,
    )({
      method: 'POST',
      url: api(`/cards/${b.id}/move`),
      payload: { columnId: soft?.id, beforeTaskId: a.id },
    })
    expect(reorder.json().warnings).toEqual([])

    await as(
      t.app,
      member,
    )({ method: 'POST', url: api(`/cards/${a.id}/move`), payload: { columnId: hard?.id } })
    const blocked = await as(
      t.app,
      member,
    )({ method: 'POST', url: api(`/cards/${b.id}/move`), payload: { columnId: hard?.id } })
    expect(blocked.statusCode).toBe(409)
    expect(blocked.json()).toMatchObject({ code: 'conflict', errors: [{ path: 'body.columnId' }] })
    const createBlocked = await as(
      t.app,
      member,
    )({
      method: 'POST',
      url: api(`/boards/${detail.board.id}/cards`),
      payload: { title: 'C', columnId: hard?.id },
    })
    expect(createBlocked.statusCode).toBe(409)
    expect((await board(detail.board.id)).tasks.find((x) => x.id === b.id)?.columnId).toBe(soft?.id)

    const completed = (
      await as(
        t.app,
        member,
      )({ method: 'POST', url: api(`/cards/${a.id}/move`), payload: { columnId: done?.id } })
    ).json()
    expect(completed.completedAt).toEqual(expect.any(String))
    const reopened = (
      await as(
        t.app,
        member,
      )({ method: 'POST', url: api(`/cards/${a.id}/move`), payload: { columnId: soft?.id } })
    ).json()
    expect(reopened.completedAt).toBeNull()
    const activity = (await as(t.app, member)({ method: 'GET', url: api(`/cards/${a.id}/activity`) })).json()
    expect(activity.items.map((x: { action: string }) => x.action).slice(0, 3)).toEqual([
      'reopened',
      'moved',
      'completed',
    ])

    // A column turned into a done column completes its cards; turned back, it reopens them.
    const recategorize = (category: string) =>
      as(
        t.app,
        admin,
      )({
        method: 'PATCH',
        url: api(`/boards/${detail.board.id}/columns/${soft?.id}`),
        payload: { category },
      })
    expect((await recategorize('done')).statusCode).toBe(200)
    expect(
      (await board(detail.board.id)).tasks.filter((x) => x.columnId === soft?.id).every((x) => x.completedAt),
    ).toBe(true)
    await recategorize('in_progress')
    expect((await board(detail.board.id)).tasks.some((x) => x.completedAt)).toBe(false)
  })
})

describe('comments and mentions', () => {
  it('records one task.mentioned event per mentioned member and refuses non-members', async () => {
    const detail = await makeBoard()
    const card = await makeCard(detail.board.id, { title: 'Cotizar pintura' })
    const res = await as(
      t.app,
      member,
    )({
      method: 'POST',
      url: api(`/cards/${card.id}/comments`),
      payload: { body: `@[Administradora](${admin.id}) ¿aprobamos?`, mentionedUserIds: [observer.id] },
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().mentionedUserIds.sort()).toEqual([admin.id, observer.id].sort())
    const mentioned = (await events('task.mentioned')).filter((e) => e.payload.taskId === card.id)
    expect(mentioned.map((e) => e.payload.mentionedUserId).sort()).toEqual([admin.id, observer.id].sort())
    expect(mentioned[0]?.payload).toMatchObject({ boardId: detail.board.id, commentId: res.json().id })

    const stranger = await as(
      t.app,
      member,
    )({
      method: 'POST',
      url: api(`/cards/${card.id}/comments`),
      payload: { body: 'hola', mentionedUserIds: [outsider.id] },
    })
    expect(stranger.statusCode).toBe(422)
    expect(stranger.json().errors[0].path).toBe('body.mentionedUserIds.0')
    const comments = (
      await as(t.app, observer)({ method: 'GET', url: api(`/cards/${card.id}/comments`) })
    ).json()
    expect(comments.items).toHaveLength(1)
    expect(
      (await as(t.app, member)({ method: 'GET', url: api(`/cards/${card.id}`) })).json().commentCount,
    ).toBe(1)
  })
})

describe('permissions and isolation', () => {
  it('lets members write cards but not manage boards; observers only read', async () => {
    const detail = await makeBoard()
    const boardId = detail.board.id
    const memberManage = await as(
      t.app,
      member,
    )({ method: 'POST', url: api('/boards'), payload: { name: 'Mío' } })
    expect(memberManage.statusCode).toBe(403)
    const memberColumn = await as(
      t.app,
      member,
    )({
      method: 'POST',
      url: api(`/boards/${boardId}/columns`),
      payload: { name: 'Nueva' },
    })
    expect(memberColumn.statusCode).toBe(403)
    expect((await as(t.app, member)({ method: 'DELETE', url: api(`/boards/${boardId}`) })).statusCode).toBe(
      403,
    )
    const card = await makeCard(boardId, { title: 'De residente' })
    const observerWrite = await as(
      t.app,
      observer,
    )({
      method: 'POST',
      url: api(`/boards/${boardId}/cards`),
      payload: { title: 'No puedo' },
    })
    expect(observerWrite.statusCode).toBe(403)
    const observerMove = await as(
      t.app,
      observer,
    )({
      method: 'POST',
      url: api(`/cards/${card.id}/move`),
      payload: { columnId: detail.columns[1]?.id },
    })
    expect(observerMove.statusCode).toBe(403)
    expect((await as(t.app, observer)({ method: 'GET', url: api(`/boards/${boardId}`) })).statusCode).toBe(
      200,
    )
  })

  it('never shows or touches another org’s boards and cards', async () => {
    const detail = await makeBoard('Privado')
    const card = await makeCard(detail.board.id, { title: 'Secreto' })
    const theirs = (api: string) => `/api/v1/orgs/${otherSlug}/tasks${api}`
    const list = (await as(t.app, outsider)({ method: 'GET', url: theirs('/boards') })).json()
    expect(list.items).toHaveLength(0)
    const outsiderApi = (path: string) => `/api/v1/orgs/${otherSlug}/tasks${path}`
    for (const request of [
      { method: 'GET' as const, url: outsiderApi(`/boards/${detail.board.id}`) },
      { method: 'GET' as const, url: outsiderApi(`/cards/${card.id}`) },
      { method: 'GET' as const, url: outsiderApi(`/cards/${card.id}/activity`) },
      {
        method: 'POST' as const,
        url: outsiderApi(`/cards/${card.id}/move`),
        payload: { columnId: detail.columns[1]?.id },
      },
      { method: 'POST' as const, url: outsiderApi(`/cards/${card.id}/comments`), payload: { body: 'hola' } },
      { method: 'DELETE' as const, url: outsiderApi(`/boards/${detail.board.id}`) },
    ]) {
      const res = await as(t.app, outsider)(request)
      expect(res.statusCode, `${request.method} ${request.url}`).toBe(404)
    }
    // Their board cannot receive our card either.
    const ownBoard = (
      await as(t.app, outsider)({ method: 'POST', url: outsiderApi('/boards'), payload: { name: 'Suyo' } })
    ).json()
    const crossMove = await as(
      t.app,
      member,
    )({
      method: 'POST',
      url: api(`/cards/${card.id}/move`),
      payload: { columnId: ownBoard.columns[0].id },
    })
    expect(crossMove.statusCode).toBe(422)
    expect(
      (await as(t.app, outsider)({ method: 'GET', url: api(`/boards/${detail.board.id}`) })).statusCode,
    ).toBe(404)
    expect((await board(detail.board.id)).tasks.map((x) => x.title)).toEqual(['Secreto'])
  })
})

describe('scorecard facts', () => {
  it('reports due and completed cards with their assignees, and done/comment activities', async () => {
    const detail = await makeBoard('Métricas')
    const today = bogotaDate(new Date())
    const a = await makeCard(detail.board.id, { title: 'A tiempo', dueOn: today, assigneeIds: [member.id] })
    await makeCard(detail.board.id, { title: 'Pendiente', dueOn: today, assigneeIds: [admin.id] })
    await as(
      t.app,
      member,
    )({ method: 'POST', url: api(`/cards/${a.id}/move`), payload: { columnId: detail.columns[2]?.id } })
    await as(
      t.app,
      member,
    )({ method: 'POST', url: api(`/cards/${a.id}/comments`), payload: { body: 'Listo' } })
    const range = { from: new Date(Date.now() - 3600_000), to: new Date(Date.now() + 3600_000) }
    const facts = await withOrg(t.database.db, orgId, (tx) =>
      taskScorecardFacts(
        {
          db: tx,
          orgId,
          actor: { userId: null, role: 'system' },
          requestId: 'test',
          now: new Date(),
          ip: null,
        },
        range,
        member.id,
      ),
    )
    expect(facts.tasks).toContainEqual({ assigneeIds: [member.id], dueOn: today, completedOn: today })
    expect(facts.tasks.every((x) => x.assigneeIds.includes(member.id))).toBe(true)
    expect(facts.activities).toContainEqual({ memberId: member.id, kind: 'task-done' })
    expect(facts.activities).toContainEqual({ memberId: member.id, kind: 'comment' })
    expect(facts.activities.every((x) => x.memberId === member.id)).toBe(true)
    const all = await withOrg(t.database.db, orgId, (tx) =>
      taskScorecardFacts(
        {
          db: tx,
          orgId,
          actor: { userId: null, role: 'system' },
          requestId: 'test',
          now: new Date(),
          ip: null,
        },
        range,
      ),
    )
    expect(all.tasks).toContainEqual({ assigneeIds: [admin.id], dueOn: today, completedOn: null })
  })
})

describe('demo data', () => {
  it('seeds the housing demo board with its columns, cards and the monthly meter reading', async () => {
    const owner = await signUp(t.app, 'Administración demo')
    const demo = await createOrg(t.app, owner, { kind: 'housing' })
    const seed = tasksModule.seedDemo
    if (!seed) throw new Error('tasks has demo data')
    await withOrg(t.database.db, demo.id, (tx) =>
      seed({
        db: tx,
        orgId: demo.id,
        actor: { userId: owner.id, role: 'owner' },
        requestId: 'seed',
        now: new Date(),
        ip: null,
      }),
    )
    const boards = (
      await as(t.app, owner)({ method: 'GET', url: `/api/v1/orgs/${demo.slug}/tasks/boards` })
    ).json()
    expect(boards.items.map((b: { name: string }) => b.name)).toEqual(['Mantenimiento'])
    const detail = (
      await as(
        t.app,
        owner,
      )({ method: 'GET', url: `/api/v1/orgs/${demo.slug}/tasks/boards/${boards.items[0].id}` })
    ).json()
    expect(
      detail.columns.map((c: { name: string; wipLimit: number | null }) => [c.name, c.wipLimit]),
    ).toEqual([
      ['Por hacer', null],
      ['En curso', 3],
      ['Hecho', null],
    ])
    const titles = detail.tasks.map((x: { title: string }) => x.title)
    expect(titles).toHaveLength(9) // eight cards and this month's meter reading
    expect(titles).toContain('Lectura de medidores')
    expect(detail.labels).toHaveLength(4)
  })
})
