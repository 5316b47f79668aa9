import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
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
import { outboxEvents } from '../../../platform/events/events.tables.ts'
import { modules } from '../../index.ts'
import { notify } from '../index.ts'
import { fixtureModule } from './fixture-module.ts'
import { inOrg } from './test-context.ts'

let t: TestApp
let admin: TestUser
let ana: TestUser
let orgId: string
let slug: string

beforeAll(async () => {
  t = await createTestApp({ workers: true, modules: [...modules, fixtureModule] })
  admin = await signUp(t.app, 'Admin')
  ana = await signUp(t.app, 'Ana')
  const org = await createOrg(t.app, admin, { kind: 'community' })
  orgId = org.id
  slug = org.slug
  await addMember(t.app, admin, slug, ana)
})
afterAll(() => t.close())

describe('delivery after commit (outbox, event handlers, realtime)', () => {
  it('a committed notify() reaches the inbox, pushes notification.created to the recipient only, and mails', async () => {
    const emit = vi.spyOn(t.app.platform.realtime, 'emitToUser')
    const payload = { author: 'Luz', text: 'Hola Ana', count: 2 }
    const { id } = await inOrg(
      t.database.db,
      orgId,
      (ctx) =>
        notify(ctx, {
          type: 'fixture.mention',
          recipients: [ana.id],
          payload,
          resource: { type: 'x', id: '1' },
        }),
      { userId: admin.id },
    )
    await eventually(
      async () => emit.mock.calls.some(([, event]) => event === 'notification.created'),
      20_000,
    )
    const calls = emit.mock.calls.filter(([, event]) => event === 'notification.created')
    expect(calls).toHaveLength(1)
    const [userId, , body] = calls[0] ?? []
    expect(userId).toBe(ana.id)
    expect(body).toMatchObject({ unreadCount: 1 })

    // The pushed id is committed and visible to Ana's inbox at push time.
    const inbox = (await as(t.app, ana)({ method: 'GET', url: `/api/v1/orgs/${slug}/notifications` })).json()
    expect(inbox.items).toHaveLength(1)
    expect(inbox.items[0]).toMatchObject({
      id: (body as { id: string }).id,
      title: 'Luz te mencionó',
      url: '/o/x/messaging',
      resource: { type: 'x', id: '1' },
      actorId: admin.id,
    })
    const adminInbox = (
      await as(t.app, admin)({ method: 'GET', url: `/api/v1/orgs/${slug}/notifications` })
    ).json()
    expect(adminInbox.items).toEqual([])

    await eventually(
      async () => t.app.platform.mailer.sent().some((m) => m.to === ana.email && m.subject.includes('Luz')),
      30_000,
    )
    const outbox = await t.database.db.select().from(outboxEvents).where(eq(outboxEvents.entityId, id))
    expect(outbox.map((e) => e.type).sort()).toEqual(['notification.requested'])
    emit.mockRestore()
  })

  it('a request committed while no worker runs is delivered when one does (nothing lost)', async () => {
    // The outbox row commits with the request; stopping the poller simulates a crash before dispatch.
    t.app.platform.events.stop()
    const { id } = await inOrg(
      t.database.db,
      orgId,
      (ctx) => notify(ctx, { type: 'fixture.reminder', recipients: [ana.id], payload: { text: 'luego' } }),
      { userId: admin.id },
    )
    await new Promise((resolve) => setTimeout(resolve, 700))
    const [pending] = await t.database.db.select().from(outboxEvents).where(eq(outboxEvents.entityId, id))
    expect(pending?.dispatchedAt).toBeNull()
    t.app.platform.events.start(100)
    await eventually(async () => {
      const inbox = (
        await as(t.app, ana)({ method: 'GET', url: `/api/v1/orgs/${slug}/notifications` })
      ).json() as { items: { body: string }[] }
      return inbox.items.some((i) => i.body === 'luego')
    }, 20_000)
  })
})
