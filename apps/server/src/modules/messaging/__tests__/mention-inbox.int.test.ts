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

// With workers on: the mention goes through the notifications module's fan-out to the inbox.
let t: TestApp
let ana: TestUser
let beto: TestUser
let carla: TestUser
let slug: string

beforeAll(async () => {
  t = await createTestApp()
  ana = await signUp(t.app, 'Ana')
  beto = await signUp(t.app, 'Beto')
  carla = await signUp(t.app, 'Carla')
  slug = (await createOrg(t.app, ana)).slug
  await addMember(t.app, ana, slug, beto)
  await addMember(t.app, ana, slug, carla)
})
afterAll(() => t.close())

describe('a mention reaches the inbox', () => {
  it('puts one item in the mentioned participant’s inbox and none in the others', async () => {
    const conversation = await as(
      t.app,
      ana,
    )({
      method: 'POST',
      url: `/api/v1/orgs/${slug}/conversations`,
      payload: { kind: 'group', title: 'Tienda', participantIds: [beto.id, carla.id] },
    })
    const url = `/api/v1/orgs/${slug}/conversations/${conversation.json().id}/messages`
    const sent = await as(
      t.app,
      ana,
    )({ method: 'POST', url, payload: { body: 'Beto, ¿cerramos caja?', mentions: [beto.id] } })
    expect(sent.statusCode).toBe(201)
    const inbox = (user: TestUser) =>
      as(t.app, user)({ method: 'GET', url: `/api/v1/orgs/${slug}/notifications` })
    await eventually(async () => (await inbox(beto)).json().items.length > 0)
    const items = (await inbox(beto)).json().items
    expect(items).toHaveLength(1)
    expect(JSON.stringify(items[0])).toContain('Ana')
    expect(JSON.stringify(items[0])).toContain('¿cerramos caja?')
    expect((await inbox(carla)).json().items).toEqual([])
    expect((await inbox(ana)).json().items).toEqual([])
  })
})
