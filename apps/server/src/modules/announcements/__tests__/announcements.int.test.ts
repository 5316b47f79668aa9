import { sql } from 'drizzle-orm'
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

let t: TestApp
let admin: TestUser
let member: TestUser
let outsider: TestUser
let slug: string
let otherSlug: string
const base = () => `/api/v1/orgs/${slug}/announcements`

beforeAll(async () => {
  t = await createTestApp({ workers: false })
  admin = await signUp(t.app)
  member = await signUp(t.app)
  outsider = await signUp(t.app)
  slug = (await createOrg(t.app, admin, { kind: 'housing' })).slug
  otherSlug = (await createOrg(t.app, outsider)).slug
  await addMember(t.app, admin, slug, member)
})
afterAll(() => t.close())

describe('announcements', () => {
  it('notifies every member but the author once when an announcement is published', async () => {
    const created = await as(
      t.app,
      admin,
    )({ method: 'POST', url: base(), payload: { title: 'Corte de agua', body: 'Sábado de 8 a 12.' } })
    expect(created.statusCode).toBe(201)
    const id = created.json().id
    const requests = await t.database.db.execute<{
      type: string
      recipients: string[]
      payload: { title: string }
    }>(sql`select type, recipients, payload from notification_requests where resource_id = ${id}`)
    expect(requests.rows).toEqual([
      {
        type: 'announcements.published',
        recipients: [member.id],
        payload: expect.objectContaining({ title: 'Corte de agua', orgSlug: slug }),
      },
    ])
  })

  it('lets admins publish, edit with If-Match and delete; members read', async () => {
    const created = await as(
      t.app,
      admin,
    )({
      method: 'POST',
      url: base(),
      payload: { title: 'Asamblea ordinaria', body: 'Sábado 10 a. m.', pinned: true },
    })
    expect(created.statusCode).toBe(201)
    const announcement = created.json()
    expect(announcement).toMatchObject({
      title: 'Asamblea ordinaria',
      pinned: true,
      authorId: admin.id,
      version: 1,
    })

    const read = await as(t.app, member)({ method: 'GET', url: `${base()}/${announcement.id}` })
    expect(read.statusCode).toBe(200)
    expect(read.headers.etag).toBe('"1"')

    const denied = await as(
      t.app,
      member,
    )({ method: 'POST', url: base(), payload: { title: 'No puedo', body: 'x' } })
    expect(denied.statusCode).toBe(403)

    const edited = await as(
      t.app,
      admin,
    )({
      method: 'PATCH',
      url: `${base()}/${announcement.id}`,
      payload: { body: 'Sábado 9 a. m.' },
      headers: { 'if-match': '"1"' },
    })
    expect(edited.statusCode).toBe(200)
    expect(edited.json()).toMatchObject({ body: 'Sábado 9 a. m.', version: 2 })
    const stale = await as(
      t.app,
      admin,
    )({
      method: 'PATCH',
      url: `${base()}/${announcement.id}`,
      payload: { body: 'Otra hora' },
      headers: { 'if-match': '"1"' },
    })
    expect(stale.statusCode).toBe(412)

    const removed = await as(t.app, admin)({ method: 'DELETE', url: `${base()}/${announcement.id}` })
    expect(removed.statusCode).toBe(204)
    expect((await as(t.app, member)({ method: 'GET', url: `${base()}/${announcement.id}` })).statusCode).toBe(
      404,
    )

    const audit = (
      await as(t.app, admin)({ method: 'GET', url: `/api/v1/orgs/${slug}/audit?entityId=${announcement.id}` })
    ).json()
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual([
      'announcement.deleted',
      'announcement.updated',
      'announcement.published',
    ])
    expect(audit.items[1].changes).toEqual({ body: { from: 'Sábado 10 a. m.', to: 'Sábado 9 a. m.' } })
  })

  it('filters by pinned and by text, paginating with a cursor', async () => {
    for (const n of [1, 2, 3]) {
      await as(
        t.app,
        admin,
      )({
        method: 'POST',
        url: base(),
        payload: { title: `Aviso de portería ${n}`, body: 'Paquetes', pinned: n === 2 },
      })
    }
    const pinned = (
      await as(t.app, member)({ method: 'GET', url: `${base()}?pinned=true&q=portería` })
    ).json()
    expect(pinned.items.map((a: { title: string }) => a.title)).toEqual(['Aviso de portería 2'])
    const page1 = (await as(t.app, member)({ method: 'GET', url: `${base()}?q=portería&limit=2` })).json()
    expect(page1.items.map((a: { title: string }) => a.title)).toEqual([
      'Aviso de portería 3',
      'Aviso de portería 2',
    ])
    const page2 = (
      await as(
        t.app,
        member,
      )({ method: 'GET', url: `${base()}?q=portería&limit=2&cursor=${page1.nextCursor}` })
    ).json()
    expect(page2.items.map((a: { title: string }) => a.title)).toEqual(['Aviso de portería 1'])
    expect(page2.nextCursor).toBeNull()
    const wildcard = (await as(t.app, member)({ method: 'GET', url: `${base()}?q=%25` })).json()
    expect(wildcard.items).toHaveLength(0)
  })

  it('never shows or touches another org’s announcements', async () => {
    const theirs = (
      await as(
        t.app,
        outsider,
      )({
        method: 'POST',
        url: `/api/v1/orgs/${otherSlug}/announcements`,
        payload: { title: 'Privado', body: 'Solo nuestro' },
      })
    ).json()
    const list = (await as(t.app, admin)({ method: 'GET', url: `${base()}?q=Privado` })).json()
    expect(list.items).toHaveLength(0)
    const direct = await as(t.app, admin)({ method: 'GET', url: `${base()}/${theirs.id}` })
    expect(direct.statusCode).toBe(404)
    const edit = await as(
      t.app,
      admin,
    )({
      method: 'PATCH',
      url: `${base()}/${theirs.id}`,
      payload: { title: 'Hackeado' },
      headers: { 'if-match': '"1"' },
    })
    expect(edit.statusCode).toBe(404)
    const remove = await as(t.app, admin)({ method: 'DELETE', url: `${base()}/${theirs.id}` })
    expect(remove.statusCode).toBe(404)
    const intact = await as(
      t.app,
      outsider,
    )({ method: 'GET', url: `/api/v1/orgs/${otherSlug}/announcements/${theirs.id}` })
    expect(intact.json().title).toBe('Privado')
    const viaOtherOrg = await as(
      t.app,
      admin,
    )({ method: 'GET', url: `/api/v1/orgs/${otherSlug}/announcements` })
    expect(viaOtherOrg.statusCode).toBe(404)
  })
})
