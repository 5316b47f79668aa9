import { sql } from 'drizzle-orm'
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
import { runDigests } from '../../notifications/index.ts'

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

  it('mails the mention at once; after choosing the daily digest, the next one waits for the digest, sent once', async () => {
    const conversation = await as(
      t.app,
      ana,
    )({
      method: 'POST',
      url: `/api/v1/orgs/${slug}/conversations`,
      payload: { kind: 'direct', userId: carla.id },
    })
    const url = `/api/v1/orgs/${slug}/conversations/${conversation.json().id}/messages`
    // Mentions and digests only (sign-up mail aside), oldest first.
    const mailsToCarla = () =>
      t.app.platform.mailer
        .sent()
        .filter((m) => m.to === carla.email.toLowerCase() && /mencionó|resumen/i.test(m.subject))
        .reverse()
    const mention = (body: string) =>
      as(t.app, ana)({ method: 'POST', url, payload: { body, mentions: [carla.id] } })

    expect((await mention('Carla, ¿traes las llaves?')).statusCode).toBe(201)
    await eventually(async () => mailsToCarla().some((m) => m.subject === 'Ana te mencionó en un mensaje'))

    // Carla keeps the inbox but wants her mail once a day, at 07:00 (Bogotá).
    const prefs = await as(
      t.app,
      carla,
    )({
      method: 'PUT',
      url: `/api/v1/orgs/${slug}/notifications/preferences`,
      payload: { settings: { digest: 'daily', digestHour: 7 } },
    })
    expect(prefs.statusCode).toBe(200)
    expect((await mention('Carla, también la escalera')).statusCode).toBe(201)
    const inbox = async () =>
      (await as(t.app, carla)({ method: 'GET', url: `/api/v1/orgs/${slug}/notifications` })).json().items
    await eventually(async () => (await inbox()).length === 2)
    const waiting = async () =>
      (
        await t.database.db.execute<{ status: string }>(
          sql`select d.status from notification_deliveries d where d.user_id = ${carla.id} and d.channel = 'email' order by d.created_at`,
        )
      ).rows.map((r) => r.status)
    await eventually(async () => (await waiting()).length === 2)
    expect(await waiting()).toEqual(['sent', 'digest'])
    expect(mailsToCarla()).toHaveLength(1)

    // Tomorrow at 07:00 Bogotá (12:00 UTC) one digest goes out with the waiting mention; a rerun sends nothing.
    const tomorrow = new Date(Date.now() + 86_400_000)
    const at7 = new Date(`${tomorrow.toISOString().slice(0, 10)}T12:00:00Z`)
    expect(await runDigests(t.database.db, at7)).toBe(1)
    expect(await runDigests(t.database.db, at7)).toBe(0)
    await eventually(async () => mailsToCarla().length === 2)
    const digest = mailsToCarla()[1]!
    expect(digest.text).toContain('también la escalera')
  })
})
