import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  addMember,
  as,
  createOrg,
  createTestApp,
  signUp,
  type TestApp,
  type TestUser,
} from '../../../../test/harness.ts'
import { auditEvents } from '../../../platform/audit/audit.tables.ts'
import { withOrg } from '../../../platform/db/with-org.ts'
import { notificationRequests } from '../../notifications/notifications.tables.ts'

let t: TestApp
let owner: TestUser
let ana: TestUser
let beto: TestUser
let carla: TestUser
let outsider: TestUser
let orgId: string
let slug: string
let otherSlug: string
const base = () => `/api/v1/orgs/${slug}/conversations`

beforeAll(async () => {
  t = await createTestApp({ workers: false })
  owner = await signUp(t.app, 'Olga Dueña')
  ana = await signUp(t.app, 'Ana')
  beto = await signUp(t.app, 'Beto')
  carla = await signUp(t.app, 'Carla')
  outsider = await signUp(t.app, 'Omar Externo')
  const org = await createOrg(t.app, owner)
  orgId = org.id
  slug = org.slug
  otherSlug = (await createOrg(t.app, outsider)).slug
  for (const u of [ana, beto, carla]) await addMember(t.app, owner, slug, u)
})
afterAll(() => t.close())

async function group(by: TestUser, title: string, people: TestUser[]) {
  const res = await as(
    t.app,
    by,
  )({
    method: 'POST',
    url: base(),
    payload: { kind: 'group', title, participantIds: people.map((p) => p.id) },
  })
  expect(res.statusCode).toBe(201)
  return res.json() as { id: string }
}

async function send(by: TestUser, conversationId: string, payload: Record<string, unknown>) {
  return as(t.app, by)({ method: 'POST', url: `${base()}/${conversationId}/messages`, payload })
}

async function sent(by: TestUser, conversationId: string, body: string, extra: Record<string, unknown> = {}) {
  const res = await send(by, conversationId, { body, ...extra })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { id: string; body: string; parentId: string | null; replyCount: number }
}

describe('conversations', () => {
  it('keeps one direct conversation per pair, from either side', async () => {
    const first = await as(
      t.app,
      ana,
    )({ method: 'POST', url: base(), payload: { kind: 'direct', userId: beto.id } })
    expect(first.statusCode).toBe(201)
    const conversation = first.json()
    expect(conversation).toMatchObject({ kind: 'direct', title: null, unreadCount: 0, myRole: 'member' })
    expect(conversation.participants.map((p: { name: string }) => p.name).sort()).toEqual(['Ana', 'Beto'])

    const again = await as(
      t.app,
      beto,
    )({ method: 'POST', url: base(), payload: { kind: 'direct', userId: ana.id } })
    expect(again.statusCode).toBe(200)
    expect(again.json().id).toBe(conversation.id)

    const self = await as(
      t.app,
      ana,
    )({ method: 'POST', url: base(), payload: { kind: 'direct', userId: ana.id } })
    expect(self.statusCode).toBe(422)
    expect(self.json().errors[0].path).toBe('body.userId')

    const stranger = await as(
      t.app,
      ana,
    )({ method: 'POST', url: base(), payload: { kind: 'direct', userId: outsider.id } })
    expect(stranger.statusCode).toBe(422)
    expect(stranger.json().errors[0].path).toBe('body.userId')

    const leave = await as(t.app, ana)({ method: 'POST', url: `${base()}/${conversation.id}/leave` })
    expect(leave.statusCode).toBe(422)
  })

  it('lets owners manage a group: rename, add, promote, remove; members may only leave', async () => {
    const refused = await as(
      t.app,
      ana,
    )({
      method: 'POST',
      url: base(),
      payload: { kind: 'group', title: 'Mal', participantIds: [beto.id, outsider.id] },
    })
    expect(refused.statusCode).toBe(422)
    expect(refused.json().errors).toEqual([{ path: 'body.participantIds.1', message: expect.any(String) }])
    const alone = await as(
      t.app,
      ana,
    )({ method: 'POST', url: base(), payload: { kind: 'group', title: 'Sola', participantIds: [ana.id] } })
    expect(alone.statusCode).toBe(422)

    const g = await group(ana, 'Comité de compras', [beto])
    const url = `${base()}/${g.id}`
    const byMember = await as(t.app, beto)({ method: 'PATCH', url, payload: { title: 'Otro' } })
    expect(byMember.statusCode).toBe(403)
    const renamed = await as(
      t.app,
      ana,
    )({ method: 'PATCH', url, payload: { title: 'Comité de compras 2026' } })
    expect(renamed.json().title).toBe('Comité de compras 2026')

    const addStranger = await as(
      t.app,
      ana,
    )({ method: 'POST', url: `${url}/participants`, payload: { userIds: [outsider.id] } })
    expect(addStranger.statusCode).toBe(422)
    expect(addStranger.json().errors[0].path).toBe('body.userIds.0')
    const memberAdds = await as(
      t.app,
      beto,
    )({ method: 'POST', url: `${url}/participants`, payload: { userIds: [carla.id] } })
    expect(memberAdds.statusCode).toBe(403)
    const added = await as(
      t.app,
      ana,
    )({ method: 'POST', url: `${url}/participants`, payload: { userIds: [carla.id, beto.id] } })
    expect(added.statusCode).toBe(200)
    expect(added.json().participants.map((p: { userId: string }) => p.userId)).toEqual([
      ana.id,
      beto.id,
      carla.id,
    ])

    const memberRemoves = await as(t.app, beto)({ method: 'DELETE', url: `${url}/participants/${carla.id}` })
    expect(memberRemoves.statusCode).toBe(403)
    const lastOwnerDemoted = await as(
      t.app,
      ana,
    )({ method: 'PATCH', url: `${url}/participants/${ana.id}`, payload: { role: 'member' } })
    expect(lastOwnerDemoted.statusCode).toBe(422)
    expect(lastOwnerDemoted.json().errors[0].path).toBe('body.role')
    const promoted = await as(
      t.app,
      ana,
    )({ method: 'PATCH', url: `${url}/participants/${beto.id}`, payload: { role: 'owner' } })
    expect(promoted.json().participants.find((p: { userId: string }) => p.userId === beto.id).role).toBe(
      'owner',
    )

    expect(
      (await as(t.app, beto)({ method: 'DELETE', url: `${url}/participants/${carla.id}` })).statusCode,
    ).toBe(204)
    expect((await as(t.app, carla)({ method: 'GET', url })).statusCode).toBe(404)

    // Leaving: the last owner hands over to the longest-standing participant.
    expect((await as(t.app, ana)({ method: 'POST', url: `${url}/leave` })).statusCode).toBe(204)
    expect(
      (await as(t.app, beto)({ method: 'DELETE', url: `${url}/participants/${beto.id}` })).statusCode,
    ).toBe(204)
    expect((await as(t.app, ana)({ method: 'GET', url })).statusCode).toBe(404)

    const audit = await withOrg(t.database.db, orgId, (tx) =>
      tx
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.entityId, g.id))),
    )
    expect(audit.map((a) => a.action).sort()).toEqual([
      'conversation.created',
      'conversation.left',
      'conversation.left',
      'conversation.participant_removed',
      'conversation.participant_role_changed',
      'conversation.participants_added',
      'conversation.renamed',
    ])
  })

  it('links one conversation to an entity; a second create returns it', async () => {
    const entityId = '0190f5a2-0000-7000-8000-000000000001'
    const payload = {
      kind: 'entity',
      entityType: 'project',
      entityId,
      title: 'Proyecto huerta',
      participantIds: [beto.id],
    }
    const first = await as(t.app, ana)({ method: 'POST', url: base(), payload })
    expect(first.statusCode).toBe(201)
    expect(first.json()).toMatchObject({ kind: 'entity', entityType: 'project', entityId, myRole: 'owner' })
    const second = await as(t.app, beto)({ method: 'POST', url: base(), payload })
    expect(second.statusCode).toBe(200)
    expect(second.json().id).toBe(first.json().id)
    const notIn = await as(
      t.app,
      carla,
    )({ method: 'POST', url: base(), payload: { ...payload, participantIds: [] } })
    expect(notIn.statusCode).toBe(409)
    const stranger = await as(
      t.app,
      ana,
    )({
      method: 'POST',
      url: base(),
      payload: {
        ...payload,
        entityId: '0190f5a2-0000-7000-8000-000000000002',
        participantIds: [beto.id, outsider.id],
      },
    })
    expect(stranger.statusCode).toBe(422)
    expect(stranger.json().errors).toEqual([{ path: 'body.participantIds.1', message: expect.any(String) }])
  })
})

describe('messages', () => {
  it('sends, pages newest first with a before cursor, and rejects oversize bodies with 422', async () => {
    const g = await group(ana, 'Paginación', [beto])
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push((await sent(ana, g.id, `  mensaje ${i}  `)).id)
    const page1 = await as(t.app, beto)({ method: 'GET', url: `${base()}/${g.id}/messages?limit=2` })
    expect(page1.json().items.map((m: { body: string }) => m.body)).toEqual(['mensaje 4', 'mensaje 3'])
    const page2 = await as(
      t.app,
      beto,
    )({ method: 'GET', url: `${base()}/${g.id}/messages?limit=2&before=${page1.json().nextCursor}` })
    expect(page2.json().items.map((m: { id: string }) => m.id)).toEqual([ids[2], ids[1]])
    const page3 = await as(
      t.app,
      beto,
    )({ method: 'GET', url: `${base()}/${g.id}/messages?limit=2&before=${page2.json().nextCursor}` })
    expect(page3.json()).toMatchObject({ items: [{ id: ids[0] }], nextCursor: null })

    const oversize = await send(ana, g.id, { body: 'a'.repeat(4001) })
    expect(oversize.statusCode).toBe(422)
    expect(oversize.json().errors).toEqual([{ path: 'body.body', message: expect.any(String) }])
    expect((await send(ana, g.id, { body: 'a'.repeat(4000) })).statusCode).toBe(201)
    expect((await send(ana, g.id, { body: '   ' })).statusCode).toBe(400)
    const badLink = await send(ana, g.id, {
      body: 'x',
      attachments: [{ name: 'acta', url: 'javascript:alert(1)' }],
    })
    expect(badLink.statusCode).toBe(400)
    const link = await sent(ana, g.id, 'acta', {
      attachments: [{ name: 'Acta.pdf', url: 'https://example.org/acta.pdf' }],
    })
    expect(link).toMatchObject({ attachments: [{ name: 'Acta.pdf', url: 'https://example.org/acta.pdf' }] })

    const list = await as(t.app, beto)({ method: 'GET', url: base() })
    const listed = list.json().items.find((c: { id: string }) => c.id === g.id)
    expect(listed.lastMessage).toMatchObject({ id: link.id, body: 'acta' })
    expect(list.json().items[0].id).toBe(g.id)
  })

  it('keeps edit history for the author only and leaves tombstones on delete', async () => {
    const g = await group(ana, 'Ediciones', [beto])
    const m = await sent(ana, g.id, 'primera versión')
    const url = `${base()}/${g.id}/messages/${m.id}`
    expect((await as(t.app, beto)({ method: 'PATCH', url, payload: { body: 'hack' } })).statusCode).toBe(403)
    const edited = await as(t.app, ana)({ method: 'PATCH', url, payload: { body: 'segunda versión' } })
    expect(edited.json()).toMatchObject({ body: 'segunda versión', editedAt: expect.any(String) })
    await as(t.app, ana)({ method: 'PATCH', url, payload: { body: 'tercera versión' } })
    const revisions = await as(t.app, beto)({ method: 'GET', url: `${url}/revisions` })
    expect(revisions.json().items.map((r: { body: string }) => r.body)).toEqual([
      'primera versión',
      'segunda versión',
    ])
    const oversize = await as(t.app, ana)({ method: 'PATCH', url, payload: { body: 'b'.repeat(4001) } })
    expect(oversize.statusCode).toBe(422)
    expect(oversize.json().errors[0].path).toBe('body.body')

    // Beto (a member, not the author) cannot delete; the author can; an owner can delete others' messages.
    expect((await as(t.app, beto)({ method: 'DELETE', url })).statusCode).toBe(403)
    expect((await as(t.app, ana)({ method: 'DELETE', url })).statusCode).toBe(204)
    const tomb = await as(t.app, beto)({ method: 'GET', url })
    expect(tomb.json()).toMatchObject({ id: m.id, body: '', attachments: [], deletedAt: expect.any(String) })
    expect((await as(t.app, ana)({ method: 'GET', url: `${url}/revisions` })).json().items).toEqual([])
    expect((await as(t.app, ana)({ method: 'PATCH', url, payload: { body: 'revivir' } })).statusCode).toBe(
      409,
    )
    const listed = await as(t.app, beto)({ method: 'GET', url: `${base()}/${g.id}/messages` })
    expect(listed.json().items.map((x: { id: string }) => x.id)).toContain(m.id)

    const betos = await sent(beto, g.id, 'lo borra la dueña')
    expect(
      (await as(t.app, ana)({ method: 'DELETE', url: `${base()}/${g.id}/messages/${betos.id}` })).statusCode,
    ).toBe(204)
    const audit = await withOrg(t.database.db, orgId, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, 'message.deleted'))),
    )
    expect(audit.map((a) => a.entityId)).toEqual(expect.arrayContaining([m.id, betos.id]))
    expect(JSON.stringify(audit)).not.toContain('versión')
  })

  it('threads replies under their root, in the same conversation only', async () => {
    const g = await group(ana, 'Hilos', [beto])
    const other = await group(ana, 'Otra', [beto])
    const root = await sent(ana, g.id, '¿Quién trae la olla?')
    const r1 = await sent(beto, g.id, 'Yo', { parentId: root.id })
    const r2 = await sent(ana, g.id, 'Gracias', { parentId: r1.id })
    expect(r2.parentId).toBe(root.id)
    const wrong = await send(ana, other.id, { body: 'x', parentId: root.id })
    expect(wrong.statusCode).toBe(422)
    expect(wrong.json().errors[0].path).toBe('body.parentId')

    const thread = await as(
      t.app,
      beto,
    )({ method: 'GET', url: `${base()}/${g.id}/messages/${root.id}/replies` })
    expect(thread.json().items.map((m: { id: string }) => m.id)).toEqual([r2.id, r1.id])
    const rootNow = await as(t.app, beto)({ method: 'GET', url: `${base()}/${g.id}/messages/${root.id}` })
    expect(rootNow.json().replyCount).toBe(2)
    const top = await as(t.app, beto)({ method: 'GET', url: `${base()}/${g.id}/messages?topLevel=true` })
    expect(top.json().items.map((m: { id: string }) => m.id)).toEqual([root.id])
  })

  it('searches one conversation without caring about accents or case', async () => {
    const g = await group(ana, 'Búsqueda', [beto])
    const other = await group(ana, 'Otra búsqueda', [beto])
    const a = await sent(ana, g.id, 'Ensayamos la CANCION del festival')
    const b = await sent(beto, g.id, 'La canción quedó lista')
    await sent(beto, g.id, 'Nada que ver')
    await sent(ana, other.id, 'canción en otra conversación')
    const found = await as(
      t.app,
      beto,
    )({ method: 'GET', url: `${base()}/${g.id}/messages/search?q=${encodeURIComponent('canción')}` })
    expect(found.json().items.map((m: { id: string }) => m.id)).toEqual([b.id, a.id])
    const plain = await as(t.app, beto)({ method: 'GET', url: `${base()}/${g.id}/messages/search?q=cancion` })
    expect(plain.json().items).toHaveLength(2)
    const literal = await as(t.app, beto)({ method: 'GET', url: `${base()}/${g.id}/messages/search?q=%25` })
    expect(literal.json().items).toEqual([])
    const blank = await as(t.app, beto)({ method: 'GET', url: `${base()}/${g.id}/messages/search?q=%20` })
    expect(blank.statusCode).toBe(400)
    expect(blank.json().errors).toEqual([{ path: 'querystring.q', message: 'Required' }])
  })

  it('notifies each mentioned participant once and refuses mentions of outsiders', async () => {
    const g = await group(ana, 'Menciones', [beto, carla])
    const refused = await send(ana, g.id, { body: 'hola @omar', mentions: [beto.id, owner.id] })
    expect(refused.statusCode).toBe(422)
    expect(refused.json().errors).toEqual([{ path: 'body.mentions.1', message: expect.any(String) }])

    const m = await sent(ana, g.id, 'Beto y Carla, ¿revisan el acta?', {
      mentions: [beto.id, carla.id, beto.id, ana.id],
    })
    expect((m as unknown as { mentions: string[] }).mentions).toEqual([beto.id, carla.id])
    const requests = await withOrg(t.database.db, orgId, (tx) =>
      tx.select().from(notificationRequests).where(eq(notificationRequests.orgId, orgId)),
    )
    const mine = requests.filter((r) => r.dedupeKey?.startsWith(m.id))
    expect(
      mine
        .map((r) => ({ type: r.type, recipients: r.recipients, dedupeKey: r.dedupeKey }))
        .sort((x, y) => String(x.dedupeKey).localeCompare(String(y.dedupeKey))),
    ).toEqual(
      [beto.id, carla.id]
        .map((id) => ({ type: 'messaging.mention', recipients: [id], dedupeKey: `${m.id}:${id}` }))
        .sort((x, y) => x.dedupeKey.localeCompare(y.dedupeKey)),
    )
    expect(mine[0]?.payload).toMatchObject({
      authorName: 'Ana',
      excerpt: 'Beto y Carla, ¿revisan el acta?',
      orgSlug: slug,
    })
  })

  it('tracks read receipts forward only, with unread counts per conversation and in total', async () => {
    const g = await group(ana, 'Lecturas', [beto])
    // Sending counts as having read everything before: Beto's own message is never unread to him.
    await sent(beto, g.id, 'mío no cuenta')
    const m1 = await sent(ana, g.id, 'uno')
    const m2 = await sent(ana, g.id, 'dos')
    const m3 = await sent(ana, g.id, 'tres')
    const conv = async (u: TestUser) =>
      (await as(t.app, u)({ method: 'GET', url: `${base()}/${g.id}` })).json()
    expect((await conv(beto)).unreadCount).toBe(3)
    expect((await conv(ana)).unreadCount).toBe(0)
    const totalBefore = (await as(t.app, beto)({ method: 'GET', url: `${base()}/unread` })).json()

    const read = await as(
      t.app,
      beto,
    )({ method: 'POST', url: `${base()}/${g.id}/read`, payload: { messageId: m2.id } })
    expect(read.json()).toEqual({
      conversationId: g.id,
      userId: beto.id,
      lastReadMessageId: m2.id,
      unreadCount: 1,
    })
    const back = await as(
      t.app,
      beto,
    )({ method: 'POST', url: `${base()}/${g.id}/read`, payload: { messageId: m1.id } })
    expect(back.json()).toMatchObject({ lastReadMessageId: m2.id, unreadCount: 1 })
    const totalAfter = (await as(t.app, beto)({ method: 'GET', url: `${base()}/unread` })).json()
    expect(totalAfter.total).toBe(totalBefore.total - 2)

    const list = (await as(t.app, beto)({ method: 'GET', url: `${base()}?limit=100` })).json()
    expect(list.items.find((c: { id: string }) => c.id === g.id).unreadCount).toBe(1)
    const receipts = (await conv(ana)).participants
    expect(receipts.find((p: { userId: string }) => p.userId === beto.id).lastReadMessageId).toBe(m2.id)

    const foreign = await group(ana, 'Ajena', [carla])
    const elsewhere = await sent(ana, foreign.id, 'x')
    const wrong = await as(
      t.app,
      beto,
    )({ method: 'POST', url: `${base()}/${g.id}/read`, payload: { messageId: elsewhere.id } })
    expect(wrong.statusCode).toBe(422)
    expect(wrong.json().errors[0].path).toBe('body.messageId')
    await as(t.app, beto)({ method: 'POST', url: `${base()}/${g.id}/read`, payload: { messageId: m3.id } })
    expect((await conv(beto)).unreadCount).toBe(0)
  })

  it('answers 404 on every route to non-participants and to other orgs', async () => {
    const g = await group(ana, 'Privada', [beto])
    const m = await sent(ana, g.id, 'secreto')
    const c = `${base()}/${g.id}`
    const routes = [
      { method: 'GET', url: c },
      { method: 'PATCH', url: c, payload: { title: 'x' } },
      { method: 'POST', url: `${c}/participants`, payload: { userIds: [carla.id] } },
      { method: 'PATCH', url: `${c}/participants/${ana.id}`, payload: { role: 'member' } },
      { method: 'DELETE', url: `${c}/participants/${ana.id}` },
      { method: 'POST', url: `${c}/leave` },
      { method: 'GET', url: `${c}/messages` },
      { method: 'GET', url: `${c}/messages/search?q=secreto` },
      { method: 'POST', url: `${c}/messages`, payload: { body: 'hola' } },
      { method: 'GET', url: `${c}/messages/${m.id}` },
      { method: 'GET', url: `${c}/messages/${m.id}/replies` },
      { method: 'PATCH', url: `${c}/messages/${m.id}`, payload: { body: 'x' } },
      { method: 'DELETE', url: `${c}/messages/${m.id}` },
      { method: 'GET', url: `${c}/messages/${m.id}/revisions` },
      { method: 'POST', url: `${c}/read`, payload: { messageId: m.id } },
    ] as const
    for (const route of routes) {
      const res = await as(t.app, carla)(route)
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(404)
      expect(res.body).not.toContain('secreto')
      const cross = await as(t.app, outsider)({ ...route, url: route.url.replace(slug, otherSlug) })
      expect(cross.statusCode, `cross-org ${route.method} ${route.url}`).toBe(404)
    }
    const list = (await as(t.app, carla)({ method: 'GET', url: `${base()}?limit=100` })).json()
    expect(list.items.map((x: { id: string }) => x.id)).not.toContain(g.id)
    // Nothing changed.
    const still = (await as(t.app, ana)({ method: 'GET', url: c })).json()
    expect(still).toMatchObject({ title: 'Privada', unreadCount: 0 })
    expect(still.participants).toHaveLength(2)
    expect((await as(t.app, ana)({ method: 'GET', url: `${c}/messages/${m.id}` })).json().body).toBe(
      'secreto',
    )
  })

  it('pushes message and read events to every participant after commit', async () => {
    const g = await group(ana, 'Tiempo real', [beto])
    const spy = vi.spyOn(t.app.platform.realtime, 'emitToUser')
    try {
      const m = await sent(ana, g.id, 'en vivo')
      await as(
        t.app,
        ana,
      )({ method: 'PATCH', url: `${base()}/${g.id}/messages/${m.id}`, payload: { body: 'editado' } })
      await as(t.app, beto)({ method: 'POST', url: `${base()}/${g.id}/read`, payload: { messageId: m.id } })
      await as(t.app, ana)({ method: 'DELETE', url: `${base()}/${g.id}/messages/${m.id}` })
      const calls = spy.mock.calls.map(([userId, event, payload]) => ({ userId, event, payload }))
      const expected = (event: string, extra: object) =>
        [ana.id, beto.id].map((userId) => ({
          userId,
          event,
          payload: { orgId, conversationId: g.id, ...extra },
        }))
      expect(calls).toEqual([
        ...expected('message.created', { messageId: m.id }),
        ...expected('message.updated', { messageId: m.id }),
        ...expected('conversation.read', { userId: beto.id, lastReadMessageId: m.id }),
        ...expected('message.deleted', { messageId: m.id }),
      ])
      spy.mockClear()
      // A failed send pushes nothing.
      await send(ana, g.id, { body: 'x'.repeat(5000) })
      expect(spy).not.toHaveBeenCalled()
    } finally {
      spy.mockRestore()
    }
  })
})
