import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addMember,
  as,
  createOrg,
  createTestApp,
  signUp,
  type TestApp,
  type TestUser,
} from '../../../../test/harness.ts'
import { newId } from '../../../platform/db/tenant-table.ts'
import { withOrg } from '../../../platform/db/with-org.ts'
import type { DomainEvent } from '../../../platform/events/event-bus.ts'
import { outboxEvents } from '../../../platform/events/events.tables.ts'
import { activityEntries } from '../activity.tables.ts'
import { ACTIVITY_HANDLER, activityModule, recordActivity, SKIPPED_EVENT_TYPES } from '../index.ts'

let t: TestApp
let admin: TestUser
let member: TestUser
let reader: TestUser
let blind: TestUser
let outsider: TestUser
let slug: string
let orgId: string
let otherSlug: string
let otherOrgId: string
const api = (path: string, org = slug) => `/api/v1/orgs/${org}${path}`

/** Runs the activity handler over every outbox event of `org`, as the event bus would; returns lines written. */
async function deliver(org = orgId) {
  const events = await t.database.db.select().from(outboxEvents).where(eq(outboxEvents.orgId, org))
  let written = 0
  for (const event of events) if (await handle(event)) written++
  return written
}

function handle(event: DomainEvent) {
  return withOrg(t.database.db, event.orgId, (tx) =>
    recordActivity(
      {
        db: tx,
        orgId: event.orgId,
        actor: { userId: event.actorId, role: 'system' },
        requestId: 'test',
        now: new Date(),
        ip: null,
      },
      event,
    ),
  )
}

const crafted = (
  type: string,
  payload: Record<string, unknown>,
  entityId: string | null = newId(),
): DomainEvent => ({
  id: newId(),
  orgId,
  type,
  entityId,
  actorId: admin.id,
  payload,
  occurredAt: new Date(),
})

async function rowsOf(org = orgId) {
  return t.database.db.select().from(activityEntries).where(eq(activityEntries.orgId, org))
}

async function publish(user: TestUser, title: string, org = slug) {
  const res = await as(
    t.app,
    user,
  )({ method: 'POST', url: api('/announcements', org), payload: { title, body: 'Cuerpo privado del aviso' } })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string }
}

async function giveOnlyRole(user: TestUser, key: string, permissions: string[]) {
  const roleRes = await as(
    t.app,
    admin,
  )({ method: 'POST', url: api('/roles'), payload: { key, name: key, permissions } })
  expect(roleRes.statusCode, roleRes.body).toBe(201)
  const assigned = (
    await as(t.app, admin)({ method: 'GET', url: api(`/role-assignments?userId=${user.id}`) })
  ).json()
  for (const a of assigned.items)
    await as(t.app, admin)({ method: 'DELETE', url: api(`/role-assignments/${a.id}`) })
  const res = await as(
    t.app,
    admin,
  )({
    method: 'POST',
    url: api('/role-assignments'),
    payload: { userId: user.id, roleId: roleRes.json().id },
  })
  expect(res.statusCode, res.body).toBe(201)
}

beforeAll(async () => {
  t = await createTestApp({ workers: false })
  admin = await signUp(t.app, 'Ana Admin')
  member = await signUp(t.app, 'Beto Miembro')
  reader = await signUp(t.app, 'Lina Lectora')
  blind = await signUp(t.app, 'Ciro Sin Actividad')
  outsider = await signUp(t.app, 'Otra Org')
  const org = await createOrg(t.app, admin, { kind: 'housing' })
  slug = org.slug
  orgId = org.id
  const other = await createOrg(t.app, outsider, { kind: 'housing' })
  otherSlug = other.slug
  otherOrgId = other.id
  await addMember(t.app, admin, slug, member)
  await addMember(t.app, admin, slug, reader)
  await addMember(t.app, admin, slug, blind)
  await giveOnlyRole(reader, 'lector', ['org:read', 'activity:read', 'announcements:read'])
  await giveOnlyRole(blind, 'ciego', ['org:read', 'announcements:read'])
})
afterAll(() => t.close())

describe('activity handler', () => {
  it('subscribes to every event type', () => {
    expect(activityModule.eventHandlers?.map((h) => [h.name, h.on])).toEqual([[ACTIVITY_HANDLER, ['*']]])
  })

  it('turns each mapped event into exactly one line, even when delivered twice', async () => {
    const first = await publish(admin, 'Corte de agua el martes')
    const second = await publish(admin, 'Jornada de aseo')
    expect(await deliver()).toBe(2)
    expect(await deliver()).toBe(0)
    const rows = await rowsOf()
    expect(rows.filter((r) => r.entityId === first.id)).toHaveLength(1)
    const line = rows.find((r) => r.entityId === second.id)
    expect(line).toMatchObject({
      verb: 'announcement.published',
      entityType: 'announcement',
      actorId: admin.id,
      title: 'Jornada de aseo',
      contextType: null,
    })
    const [event] = await t.database.db
      .select()
      .from(outboxEvents)
      .where(and(eq(outboxEvents.orgId, orgId), eq(outboxEvents.entityId, second.id)))
    // The line's id is the event's: replays hit the primary key.
    expect(line?.id).toBe(event?.id)
    expect(line?.occurredAt.toISOString()).toBe(event?.occurredAt.toISOString())
  })

  it('skips internal, noisy and unknown event types', async () => {
    const before = (await rowsOf()).length
    for (const type of [
      ...SKIPPED_EVENT_TYPES,
      'message.created',
      'mail.queued',
      'webhooks.delivery_failed',
      'toString',
      '__proto__',
    ])
      expect(await handle(crafted(type, { title: 'No debe aparecer' })), type).toBe(false)
    expect(await handle(crafted('announcement.published', { title: 'Sin entidad' }, null))).toBe(false)
    expect((await rowsOf()).length).toBe(before)
  })

  it('keeps only whitelisted payload fields', async () => {
    const event = crafted('announcement.published', {
      title: '  Aviso con secretos  ',
      body: 'CUERPO-SECRETO',
      email: 'secreto@example.test',
      choice: 'OPCION-SECRETA',
    })
    expect(await handle(event)).toBe(true)
    const [row] = (await rowsOf()).filter((r) => r.id === event.id)
    expect(row?.title).toBe('Aviso con secretos')
    const stored = JSON.stringify(row)
    for (const secret of ['CUERPO-SECRETO', 'secreto@example.test', 'OPCION-SECRETA'])
      expect(stored).not.toContain(secret)
    const res = await as(t.app, admin)({ method: 'GET', url: api('/activity?limit=100') })
    for (const secret of ['CUERPO-SECRETO', 'secreto@example.test', 'OPCION-SECRETA', 'Cuerpo privado'])
      expect(res.body).not.toContain(secret)
  })

  it('files motions under their assembly and reuses the last known title', async () => {
    const assemblyId = newId()
    const motionId = newId()
    await handle(
      crafted('assembly.convened', { assemblyId, title: 'Asamblea ordinaria 2026', seats: 40 }, assemblyId),
    )
    await handle(crafted('assembly.started', { assemblyId }, assemblyId))
    await handle(crafted('motion.opened', { assemblyId, motionId, choice: 'SECRETA' }, motionId))
    await handle(crafted('assembly.quorum_changed', { assemblyId }, assemblyId))
    const res = await as(
      t.app,
      member,
    )({ method: 'GET', url: api(`/activity/entities/assembly/${assemblyId}`) })
    expect(res.statusCode, res.body).toBe(200)
    const items = res.json().items
    expect(items.map((i: { verb: string }) => i.verb)).toEqual([
      'motion.opened',
      'assembly.started',
      'assembly.convened',
    ])
    expect(items[0]).toMatchObject({
      entityType: 'motion',
      entityId: motionId,
      context: { type: 'assembly', id: assemblyId },
    })
    expect(items[1].title).toBe('Asamblea ordinaria 2026')
    expect(items[2].actor).toEqual({ id: admin.id, name: 'Ana Admin' })
    const motion = await as(
      t.app,
      member,
    )({ method: 'GET', url: api(`/activity/entities/motion/${motionId}`) })
    expect(motion.json().items.map((i: { verb: string }) => i.verb)).toEqual(['motion.opened'])
  })

  it('names tasks through the tasks module and folds a burst of edits by one person', async () => {
    const board = await as(
      t.app,
      admin,
    )({ method: 'POST', url: api('/tasks/boards'), payload: { name: 'Mantenimiento' } })
    expect(board.statusCode, board.body).toBe(201)
    const boardId = board.json().board.id
    const card = await as(
      t.app,
      member,
    )({ method: 'POST', url: api(`/tasks/boards/${boardId}/cards`), payload: { title: 'Cambiar bombillos' } })
    expect(card.statusCode, card.body).toBe(201)
    const taskId = card.json().id
    const comment = await as(
      t.app,
      member,
    )({
      method: 'POST',
      url: api(`/tasks/cards/${taskId}/comments`),
      payload: { body: 'Ya compré los bombillos' },
    })
    expect(comment.statusCode, comment.body).toBe(201)
    await deliver()
    const res = await as(t.app, admin)({ method: 'GET', url: api(`/activity/entities/task/${taskId}`) })
    expect(res.statusCode, res.body).toBe(200)
    const items = res.json().items
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({
      verb: 'task.changed',
      title: 'Cambiar bombillos',
      actor: { id: member.id, name: 'Beto Miembro' },
      context: { type: 'board', id: boardId },
    })
    expect(res.body).not.toContain('Ya compré')
    const onBoard = await as(t.app, admin)({ method: 'GET', url: api(`/activity/entities/board/${boardId}`) })
    expect(onBoard.json().items.map((i: { entityId: string }) => i.entityId)).toEqual([taskId])
  })
})

describe('activity API', () => {
  it('pages the org timeline newest first without gaps or repeats', async () => {
    const titles = ['Aviso 1', 'Aviso 2', 'Aviso 3', 'Aviso 4', 'Aviso 5']
    for (const title of titles) await publish(admin, title)
    await deliver()
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const query: string = `?entityType=announcement&limit=2${cursor ? `&cursor=${cursor}` : ''}`
      const res = await as(t.app, member)({ method: 'GET', url: api(`/activity${query}`) })
      expect(res.statusCode, res.body).toBe(200)
      const page = res.json()
      expect(page.items.length).toBeLessThanOrEqual(2)
      seen.push(...page.items.map((i: { id: string }) => i.id))
      cursor = page.nextCursor
      pages++
    } while (cursor)
    expect(new Set(seen).size).toBe(seen.length)
    const all = (await rowsOf()).filter((r) => r.entityType === 'announcement').map((r) => r.id)
    expect(seen).toEqual([...all].sort().reverse())
    expect(pages).toBe(Math.ceil(all.length / 2))
    const newest = await as(t.app, member)({ method: 'GET', url: api('/activity?limit=1') })
    expect(newest.json().items[0].title).toBe('Aviso 5')
  })

  it('filters by entity type, actor and since, and rejects bad filters', async () => {
    const byMember = (
      await as(t.app, admin)({ method: 'GET', url: api(`/activity?actorId=${member.id}&limit=100`) })
    ).json()
    expect(byMember.items.length).toBeGreaterThan(0)
    expect(byMember.items.every((i: { actor: { id: string } }) => i.actor.id === member.id)).toBe(true)
    const tasks = (await as(t.app, admin)({ method: 'GET', url: api('/activity?entityType=task') })).json()
    expect(tasks.items.map((i: { entityType: string }) => i.entityType)).toEqual(['task'])
    const future = (
      await as(t.app, admin)({ method: 'GET', url: api('/activity?since=2999-01-01T00:00:00Z') })
    ).json()
    expect(future.items).toEqual([])
    const recent = (
      await as(
        t.app,
        admin,
      )({
        method: 'GET',
        url: api(`/activity?since=${new Date(Date.now() - 3_600_000).toISOString()}&limit=100`),
      })
    ).json()
    expect(recent.items.length).toBeGreaterThan(5)
    for (const bad of [
      '?entityType=conversation',
      '?actorId=nope',
      '?since=ayer',
      '?cursor=%%%',
      '?limit=500',
    ]) {
      const res = await as(t.app, admin)({ method: 'GET', url: api(`/activity${bad}`) })
      expect(res.statusCode, bad).toBe(400)
      expect(res.headers['content-type']).toContain('application/problem+json')
    }
    const badEntity = await as(
      t.app,
      admin,
    )({ method: 'GET', url: api(`/activity/entities/conversation/${newId()}`) })
    expect(badEntity.statusCode).toBe(400)
  })

  it('needs activity:read and shows only entity types the caller may read', async () => {
    const denied = await as(t.app, blind)({ method: 'GET', url: api('/activity') })
    expect(denied.statusCode).toBe(403)
    const anonymous = await as(t.app, null)({ method: 'GET', url: api('/activity') })
    expect(anonymous.statusCode).toBe(401)
    const own = (await as(t.app, reader)({ method: 'GET', url: api('/activity?limit=100') })).json()
    expect(own.items.length).toBeGreaterThan(0)
    expect(new Set(own.items.map((i: { entityType: string }) => i.entityType))).toEqual(
      new Set(['announcement']),
    )
    const task = (await rowsOf()).find((r) => r.entityType === 'task')
    const hidden = await as(
      t.app,
      reader,
    )({ method: 'GET', url: api(`/activity/entities/task/${task?.entityId}`) })
    expect(hidden.statusCode).toBe(404)
  })

  it('keeps orgs apart', async () => {
    const theirs = await publish(outsider, 'Aviso de la otra org', otherSlug)
    await deliver(otherOrgId)
    const ours = await publish(admin, 'Aviso propio')
    await deliver()
    const mine = (await as(t.app, admin)({ method: 'GET', url: api('/activity?limit=100') })).body
    expect(mine).not.toContain(theirs.id)
    expect(mine).not.toContain('Aviso de la otra org')
    const foreign = await as(t.app, outsider)({ method: 'GET', url: api('/activity') })
    expect(foreign.statusCode).toBe(404)
    const peek = await as(
      t.app,
      outsider,
    )({ method: 'GET', url: api(`/activity/entities/announcement/${ours.id}`, otherSlug) })
    expect(peek.statusCode).toBe(200)
    expect(peek.json().items).toEqual([])
    const theirsRows = await rowsOf(otherOrgId)
    expect(theirsRows.map((r) => r.title)).toEqual(['Aviso de la otra org'])
  })
})
