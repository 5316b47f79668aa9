import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  as,
  createOrg,
  createTestApp,
  eventually,
  signUp,
  type TestApp,
  type TestUser,
} from '../../../../test/harness.ts'

let t: TestApp
let admin: TestUser
let slug: string

beforeAll(async () => {
  t = await createTestApp({ workers: true })
  admin = await signUp(t.app, 'Ana Admin')
  slug = (await createOrg(t.app, admin, { kind: 'community' })).slug
})
afterAll(() => t.close())

it('the registered handler turns a published announcement into a timeline line through the event bus', async () => {
  const res = await as(
    t.app,
    admin,
  )({
    method: 'POST',
    url: `/api/v1/orgs/${slug}/announcements`,
    payload: { title: 'Minga de limpieza', body: 'Sábado 8 a. m.' },
  })
  expect(res.statusCode, res.body).toBe(201)
  const timeline = () => as(t.app, admin)({ method: 'GET', url: `/api/v1/orgs/${slug}/activity` })
  await eventually(
    async () =>
      (await timeline()).json().items.some((i: { title: string }) => i.title === 'Minga de limpieza'),
    30_000,
  )
  const items = (await timeline())
    .json()
    .items.filter((i: { verb: string }) => i.verb === 'announcement.published')
  expect(items).toHaveLength(1)
  expect(items[0]).toMatchObject({ entityId: res.json().id, actor: { id: admin.id, name: 'Ana Admin' } })
}, 40_000)
