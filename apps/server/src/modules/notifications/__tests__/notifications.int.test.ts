import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  addMember,
  as,
  createOrg,
  createTestApp,
  signUp,
  type TestApp,
  type TestUser,
} from '../../../../test/harness.ts'
import { mailMessages } from '../../../platform/mail/mail.tables.ts'
import { modules } from '../../index.ts'
import { fanOut } from '../fan-out.ts'
import { cancelScheduled, notify, orgAdminIds } from '../index.ts'
import { releaseDue, runSweep, sendDigests } from '../notifications.jobs.ts'
import {
  notificationDeliveries,
  notificationOrgDefaults,
  notificationPreferences,
  notificationRequests,
  notifications,
} from '../notifications.tables.ts'
import { fixtureModule } from './fixture-module.ts'
import { inOrg } from './test-context.ts'

let t: TestApp
let admin: TestUser
let ana: TestUser
let beto: TestUser
let outsider: TestUser
let orgId: string
let slug: string
let otherOrgId: string
let otherSlug: string
const api = (path = '', org = slug) => `/api/v1/orgs/${org}/notifications${path}`
const mention = { author: 'Luz', text: 'Revisa el acta', count: 1 }
let counter = 0
const key = () => `k-${++counter}-${Date.now()}`

/** notify() then fan out, as the event handler would after commit. */
async function send(input: Parameters<typeof notify>[1], options: { now?: Date; org?: string } = {}) {
  const org = options.org ?? orgId
  const { id } = await inOrg(t.database.db, org, (ctx) => notify(ctx, input), {
    userId: admin.id,
    ...options,
  })
  await inOrg(t.database.db, org, (ctx) => fanOut(ctx, id), options)
  return id
}

const inboxOf = (requestId: string, org = orgId) =>
  inOrg(t.database.db, org, (ctx) =>
    ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.orgId, org), eq(notifications.requestId, requestId))),
  )

const deliveriesOf = (requestId: string, org = orgId) =>
  inOrg(t.database.db, org, (ctx) =>
    ctx.db
      .select()
      .from(notificationDeliveries)
      .where(and(eq(notificationDeliveries.orgId, org), eq(notificationDeliveries.requestId, requestId))),
  )

const mailsTo = (email: string, org = orgId) =>
  inOrg(t.database.db, org, (ctx) =>
    ctx.db.select().from(mailMessages).where(eq(mailMessages.toAddress, email)),
  )

beforeAll(async () => {
  t = await createTestApp({ workers: false, modules: [...modules, fixtureModule] })
  admin = await signUp(t.app, 'Admin')
  ana = await signUp(t.app, 'Ana')
  beto = await signUp(t.app, 'Beto')
  outsider = await signUp(t.app, 'Fuera')
  const org = await createOrg(t.app, admin, { kind: 'community' })
  orgId = org.id
  slug = org.slug
  await addMember(t.app, admin, slug, ana)
  await addMember(t.app, admin, slug, beto)
  const other = await createOrg(t.app, outsider, { kind: 'community' })
  otherOrgId = other.id
  otherSlug = other.slug
  await addMember(t.app, outsider, otherSlug, ana)
})
afterAll(() => t.close())

describe('notify', () => {
  it('validates type, recipients and payload with field paths (422)', async () => {
    const attempt = (input: Parameters<typeof notify>[1]) =>
      inOrg(t.database.db, orgId, (ctx) => notify(ctx, input)).then(
        () => null,
        (err) => ({ code: err.code, status: err.status, errors: err.errors }),
      )
    expect(await attempt({ type: 'fixture.nope', recipients: [ana.id], payload: {} })).toMatchObject({
      status: 422,
      errors: [{ path: 'type' }],
    })
    expect(
      await attempt({
        type: 'fixture.mention',
        recipients: [ana.id],
        payload: { author: '', text: 'x', count: 'a' },
      }),
    ).toMatchObject({
      status: 422,
      errors: [{ path: 'payload.author' }, { path: 'payload.count' }],
    })
    expect(
      await attempt({ type: 'fixture.mention', recipients: [ana.id, outsider.id, 'zzz'], payload: mention }),
    ).toMatchObject({
      status: 422,
      errors: [
        { path: 'recipients.1', message: 'Not a member of this organization' },
        { path: 'recipients.2' },
      ],
    })
    const stored = await inOrg(t.database.db, orgId, (ctx) => ctx.db.select().from(notificationRequests))
    expect(stored).toHaveLength(0)
  })

  it('a repeated dedupe key returns the same id and delivers once', async () => {
    const dedupeKey = key()
    const first = await send({ type: 'fixture.mention', recipients: [ana.id], payload: mention, dedupeKey })
    const second = await send({ type: 'fixture.mention', recipients: [ana.id], payload: mention, dedupeKey })
    expect(second).toBe(first)
    // A retried fan-out (handler crash after work, before mark) adds nothing either.
    await inOrg(t.database.db, orgId, (ctx) => fanOut(ctx, first))
    expect(await inboxOf(first)).toHaveLength(1)
    const deliveries = await deliveriesOf(first)
    expect(deliveries.map((d) => [d.channel, d.status])).toEqual([['email', 'sent']])
    const mails = (await mailsTo(ana.email)).filter((m) => m.dedupeKey === `notification:${first}:${ana.id}`)
    expect(mails).toHaveLength(1)
    expect(mails[0]?.template).toBe('notification')
    expect(mails[0]?.data).toMatchObject({
      recipientName: 'Ana',
      title: 'Luz te mencionó',
      body: 'Revisa el acta',
    })
  })

  it('renders in the recipient language', async () => {
    await as(
      t.app,
      beto,
    )({ method: 'PUT', url: api('/preferences'), payload: { settings: { locale: 'en' } } })
    const id = await send({ type: 'fixture.mention', recipients: [beto.id], payload: mention })
    expect((await inboxOf(id))[0]?.title).toBe('Luz mentioned you')
    const mail = (await mailsTo(beto.email)).find((m) => m.dedupeKey === `notification:${id}:${beto.id}`)
    expect(mail?.locale).toBe('en')
    await as(
      t.app,
      beto,
    )({ method: 'PUT', url: api('/preferences'), payload: { settings: { locale: 'es' } } })
  })

  it('orgAdminIds lists owners and admins only', async () => {
    const ids = await inOrg(t.database.db, orgId, (ctx) => orgAdminIds(ctx))
    expect(ids).toEqual([admin.id])
  })
})

describe('preference resolution through delivery', () => {
  beforeEach(async () => {
    await inOrg(t.database.db, orgId, async (ctx) => {
      await ctx.db.delete(notificationPreferences)
      await ctx.db.delete(notificationOrgDefaults)
    })
  })
  const tri = [null, true, false] as const
  // type switch × global switch × org default for the email channel of a type that emails by default.
  const cases = tri.flatMap((typePref) =>
    tri.flatMap((globalPref) => tri.map((orgDefault) => ({ typePref, globalPref, orgDefault }))),
  )
  it.each(cases)('email with %o', async ({ typePref, globalPref, orgDefault }) => {
    const preferences = [
      ...(typePref === null ? [] : [{ type: 'fixture.mention', channel: 'email', enabled: typePref }]),
      ...(globalPref === null ? [] : [{ type: '*', channel: 'email', enabled: globalPref }]),
    ]
    if (preferences.length > 0) {
      const put = await as(t.app, ana)({ method: 'PUT', url: api('/preferences'), payload: { preferences } })
      expect(put.statusCode).toBe(200)
    }
    if (orgDefault !== null) {
      const put = await as(
        t.app,
        admin,
      )({
        method: 'PUT',
        url: api('/org-defaults'),
        payload: { defaults: [{ type: 'fixture.mention', channel: 'email', enabled: orgDefault }] },
      })
      expect(put.statusCode).toBe(200)
    }
    const expected = typePref ?? globalPref ?? orgDefault ?? true
    const source =
      typePref !== null ? 'type' : globalPref !== null ? 'global' : orgDefault !== null ? 'org' : 'default'
    const prefs = (await as(t.app, ana)({ method: 'GET', url: api('/preferences') })).json()
    const state = prefs.types.find((x: { key: string }) => x.key === 'fixture.mention').channels.email
    expect(state).toEqual({ enabled: expected, source, own: typePref })

    const id = await send({ type: 'fixture.mention', recipients: [ana.id], payload: mention })
    const emails = (await deliveriesOf(id)).filter((d) => d.channel === 'email')
    expect(emails).toHaveLength(expected ? 1 : 0)
    // In-app is untouched by email switches.
    expect(await inboxOf(id)).toHaveLength(1)
  })

  it('critical types cannot be switched off (422) and ignore global switches', async () => {
    const denied = await as(
      t.app,
      ana,
    )({
      method: 'PUT',
      url: api('/preferences'),
      payload: {
        preferences: [
          { type: 'fixture.mention', channel: 'in_app', enabled: false },
          { type: 'fixture.security', channel: 'email', enabled: false },
        ],
      },
    })
    expect(denied.statusCode).toBe(422)
    expect(denied.json().errors).toEqual([
      { path: 'preferences.1.enabled', message: 'Critical notifications cannot be switched off' },
    ])
    // Nothing of the rejected request was applied.
    const prefs = (await as(t.app, ana)({ method: 'GET', url: api('/preferences') })).json()
    expect(
      prefs.types.find((x: { key: string }) => x.key === 'fixture.mention').channels.in_app.own,
    ).toBeNull()

    const orgDenied = await as(
      t.app,
      admin,
    )({
      method: 'PUT',
      url: api('/org-defaults'),
      payload: { defaults: [{ type: 'fixture.security', channel: 'in_app', enabled: false }] },
    })
    expect(orgDenied.statusCode).toBe(422)
    expect(orgDenied.json().errors[0].path).toBe('defaults.0.enabled')

    await as(
      t.app,
      ana,
    )({
      method: 'PUT',
      url: api('/preferences'),
      payload: {
        preferences: [
          { type: '*', channel: 'email', enabled: false },
          { type: '*', channel: 'in_app', enabled: false },
        ],
      },
    })
    const state = (await as(t.app, ana)({ method: 'GET', url: api('/preferences') })).json()
    expect(state.types.find((x: { key: string }) => x.key === 'fixture.security').channels.email).toEqual({
      enabled: true,
      source: 'critical',
      own: null,
    })
    const id = await send({ type: 'fixture.security', recipients: [ana.id], payload: { what: 'clave' } })
    expect(await inboxOf(id)).toHaveLength(1)
    expect((await deliveriesOf(id)).map((d) => d.status)).toEqual(['sent'])
  })

  it('rejects malformed preferences with field paths', async () => {
    const bad = await as(
      t.app,
      ana,
    )({
      method: 'PUT',
      url: api('/preferences'),
      payload: {
        preferences: [
          { type: 'fixture.unknown', channel: 'email', enabled: true },
          { type: 'fixture.mention', channel: 'push', enabled: true },
        ],
      },
    })
    expect(bad.statusCode).toBe(422)
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'preferences.0.type',
      'preferences.1.channel',
    ])
    const shape = await as(
      t.app,
      ana,
    )({
      method: 'PUT',
      url: api('/preferences'),
      payload: { settings: { quietStart: '25:00', digest: 'hourly' } },
    })
    expect(shape.statusCode).toBe(400)
    const paths = shape.json().errors.map((e: { path: string }) => e.path)
    expect(paths).toEqual(expect.arrayContaining(['body.settings.quietStart', 'body.settings.digest']))
    const half = await as(
      t.app,
      ana,
    )({
      method: 'PUT',
      url: api('/preferences'),
      payload: { settings: { quietStart: '22:00' } },
    })
    expect(half.statusCode).toBe(422)
    expect(half.json().errors).toEqual([{ path: 'settings.quietEnd', message: 'Give both times or neither' }])
  })

  it('org defaults are for admins only', async () => {
    const res = await as(t.app, ana)({ method: 'GET', url: api('/org-defaults') })
    expect(res.statusCode).toBe(403)
    const put = await as(
      t.app,
      ana,
    )({
      method: 'PUT',
      url: api('/org-defaults'),
      payload: { defaults: [{ type: 'fixture.mention', channel: 'email', enabled: false }] },
    })
    expect(put.statusCode).toBe(403)
  })
})

describe('quiet hours, digests and scheduling', () => {
  // 23:30 in Bogotá (UTC-5) on 14 Jan 2030; far from the real clock so no real job touches these rows.
  const night = new Date('2030-01-15T04:30:00Z')
  const morningEnd = new Date('2030-01-15T12:00:00Z')

  beforeAll(async () => {
    await inOrg(t.database.db, orgId, async (ctx) => {
      await ctx.db.delete(notificationPreferences)
      await ctx.db.delete(notificationOrgDefaults)
    })
  })

  it('quiet hours hold email (inbox still written) until they end; critical mail is not held', async () => {
    await as(
      t.app,
      beto,
    )({
      method: 'PUT',
      url: api('/preferences'),
      payload: { settings: { quietStart: '22:00', quietEnd: '07:00' } },
    })
    const id = await send(
      { type: 'fixture.mention', recipients: [beto.id], payload: mention },
      { now: night },
    )
    expect(await inboxOf(id)).toHaveLength(1)
    const [held] = await deliveriesOf(id)
    expect(held).toMatchObject({ status: 'held', dueAt: morningEnd })
    const mailKey = `notification:${id}:${beto.id}`
    expect((await mailsTo(beto.email)).filter((m) => m.dedupeKey === mailKey)).toHaveLength(0)

    const critical = await send(
      { type: 'fixture.security', recipients: [beto.id], payload: { what: 'x' } },
      { now: night },
    )
    expect((await deliveriesOf(critical))[0]?.status).toBe('sent')

    // Before the end: still held. At the end: queued once, and a second sweep adds nothing.
    await inOrg(t.database.db, orgId, releaseDue, { now: new Date('2030-01-15T11:59:00Z') })
    expect((await deliveriesOf(id))[0]?.status).toBe('held')
    await inOrg(t.database.db, orgId, releaseDue, { now: morningEnd })
    await inOrg(t.database.db, orgId, releaseDue, { now: morningEnd })
    expect((await deliveriesOf(id))[0]?.status).toBe('sent')
    expect((await mailsTo(beto.email)).filter((m) => m.dedupeKey === mailKey)).toHaveLength(1)
    await as(
      t.app,
      beto,
    )({
      method: 'PUT',
      url: api('/preferences'),
      payload: { settings: { quietStart: null, quietEnd: null } },
    })
  })

  it('a daily digest batches digestable emails into one mail per user, exactly once', async () => {
    await as(
      t.app,
      ana,
    )({
      method: 'PUT',
      url: api('/preferences'),
      payload: { settings: { digest: 'daily', digestHour: 7 } },
    })
    const dayBefore = new Date('2030-02-01T15:00:00Z')
    const a = await send(
      { type: 'fixture.mention', recipients: [ana.id], payload: mention },
      { now: dayBefore },
    )
    const b = await send(
      { type: 'fixture.mention', recipients: [ana.id], payload: { ...mention, text: 'Segundo' } },
      { now: dayBefore },
    )
    // Not digestable: still its own email.
    const c = await send(
      { type: 'fixture.security', recipients: [ana.id], payload: { what: 'y' } },
      { now: dayBefore },
    )
    expect((await deliveriesOf(a))[0]?.status).toBe('digest')
    expect((await deliveriesOf(c))[0]?.status).toBe('sent')

    // 06:00 Bogotá: not the hour yet.
    expect(await inOrg(t.database.db, orgId, sendDigests, { now: new Date('2030-02-02T11:00:00Z') })).toBe(0)
    // 07:00 Bogotá = 12:00 UTC: one digest; an item arriving within the hour waits for tomorrow.
    const at7 = new Date('2030-02-02T12:00:00Z')
    expect(await inOrg(t.database.db, orgId, sendDigests, { now: at7 })).toBe(1)
    const late = await send(
      { type: 'fixture.mention', recipients: [ana.id], payload: mention },
      {
        now: new Date('2030-02-02T12:10:00Z'),
      },
    )
    expect(await inOrg(t.database.db, orgId, sendDigests, { now: new Date('2030-02-02T12:30:00Z') })).toBe(0)
    expect((await deliveriesOf(late))[0]?.status).toBe('digest')

    const digests = (await mailsTo(ana.email)).filter((m) => m.template === 'digest')
    expect(digests).toHaveLength(1)
    expect(digests[0]?.dedupeKey).toBe(`digest:${ana.id}:daily:2030-02-02`)
    const items = (digests[0]?.data as { items: { body: string }[] } | undefined)?.items ?? []
    expect(items.map((i) => i.body)).toEqual(['Revisa el acta', 'Segundo'])
    expect((await deliveriesOf(b))[0]?.status).toBe('digested')

    // Next day at 07:00 the late one goes out in its own digest.
    expect(await inOrg(t.database.db, orgId, sendDigests, { now: new Date('2030-02-03T12:00:00Z') })).toBe(1)
    expect((await mailsTo(ana.email)).filter((m) => m.template === 'digest')).toHaveLength(2)

    // Turning the digest off sends waiting items one by one at the next sweep.
    const waiting = await send(
      { type: 'fixture.mention', recipients: [ana.id], payload: mention },
      {
        now: new Date('2030-02-03T15:00:00Z'),
      },
    )
    await as(
      t.app,
      ana,
    )({ method: 'PUT', url: api('/preferences'), payload: { settings: { digest: 'off' } } })
    await inOrg(t.database.db, orgId, releaseDue, { now: new Date('2030-02-03T16:00:00Z') })
    expect((await deliveriesOf(waiting))[0]?.status).toBe('sent')
  })

  it('a scheduled notification waits for its time; a cancelled one never delivers', async () => {
    const sendAt = new Date('2030-03-01T14:00:00Z')
    const before = new Date('2030-03-01T13:00:00Z')
    const ids = await inOrg(
      t.database.db,
      orgId,
      async (ctx) => [
        (
          await notify(ctx, {
            type: 'fixture.reminder',
            recipients: [ana.id],
            payload: { text: 'uno' },
            sendAt,
          })
        ).id,
        (
          await notify(ctx, {
            type: 'fixture.reminder',
            recipients: [ana.id],
            payload: { text: 'dos' },
            sendAt,
          })
        ).id,
      ],
      { now: before },
    )
    const [kept = '', cancelled = ''] = ids
    // The fan-out ignores a request that is not due yet.
    await inOrg(t.database.db, orgId, (ctx) => fanOut(ctx, kept), { now: before })
    expect(await inboxOf(kept)).toHaveLength(0)
    expect(await inOrg(t.database.db, orgId, (ctx) => cancelScheduled(ctx, cancelled))).toBe(true)
    expect(await inOrg(t.database.db, orgId, (ctx) => cancelScheduled(ctx, cancelled))).toBe(false)

    await inOrg(t.database.db, orgId, releaseDue, { now: new Date('2030-03-01T13:59:00Z') })
    // Through the cron entry point: every active org, each in its own scope.
    await runSweep(t.database.db, sendAt)
    await inOrg(t.database.db, orgId, (ctx) => fanOut(ctx, kept))
    await inOrg(t.database.db, orgId, (ctx) => fanOut(ctx, cancelled))
    expect((await inboxOf(kept)).map((n) => n.body)).toEqual(['uno'])
    expect(await inboxOf(cancelled)).toHaveLength(0)
    // Too late to cancel once delivered.
    expect(await inOrg(t.database.db, orgId, (ctx) => cancelScheduled(ctx, kept))).toBe(false)
    const statuses = await inOrg(t.database.db, orgId, (ctx) =>
      ctx.db
        .select({ id: notificationRequests.id, status: notificationRequests.status })
        .from(notificationRequests),
    )
    expect(statuses.find((s) => s.id === cancelled)?.status).toBe('cancelled')
    expect(statuses.find((s) => s.id === kept)?.status).toBe('delivered')
  })
})

describe('inbox API', () => {
  it('lists by status, counts, marks read/unread/archived and all read; only the owner sees a row', async () => {
    await inOrg(t.database.db, orgId, (ctx) => ctx.db.delete(notifications))
    const ids = []
    for (const text of ['uno', 'dos', 'tres']) {
      ids.push(
        await send({ type: 'fixture.mention', recipients: [ana.id, beto.id], payload: { ...mention, text } }),
      )
    }
    const asAna = as(t.app, ana)
    expect((await asAna({ method: 'GET', url: api('/unread-count') })).json()).toEqual({ unreadCount: 3 })
    const page1 = (await asAna({ method: 'GET', url: api('?status=unread&limit=2') })).json()
    expect(page1.items.map((i: { body: string }) => i.body)).toEqual(['tres', 'dos'])
    const page2 = (
      await asAna({ method: 'GET', url: api(`?status=unread&limit=2&cursor=${page1.nextCursor}`) })
    ).json()
    expect(page2.items.map((i: { body: string }) => i.body)).toEqual(['uno'])
    expect(page2.nextCursor).toBeNull()

    const first = page1.items[0]
    const read = await asAna({ method: 'PATCH', url: api(`/${first.id}`), payload: { read: true } })
    expect(read.statusCode).toBe(200)
    expect(read.json().readAt).not.toBeNull()
    expect((await asAna({ method: 'GET', url: api('?status=read') })).json().items).toHaveLength(1)
    await asAna({ method: 'PATCH', url: api(`/${first.id}`), payload: { read: false } })
    await asAna({ method: 'PATCH', url: api(`/${first.id}`), payload: { archived: true } })
    expect((await asAna({ method: 'GET', url: api('?status=archived') })).json().items[0].id).toBe(first.id)
    expect((await asAna({ method: 'GET', url: api('/unread-count') })).json()).toEqual({ unreadCount: 2 })

    // Beto cannot see or touch Ana's row; an outsider's org does not see it either.
    const asBeto = as(t.app, beto)
    expect(
      (await asBeto({ method: 'PATCH', url: api(`/${first.id}`), payload: { read: true } })).statusCode,
    ).toBe(404)
    expect((await asBeto({ method: 'GET', url: api('/unread-count') })).json()).toEqual({ unreadCount: 3 })
    const outsiderPatch = await as(
      t.app,
      outsider,
    )({
      method: 'PATCH',
      url: api(`/${first.id}`, otherSlug),
      payload: { archived: true },
    })
    expect(outsiderPatch.statusCode).toBe(404)
    // Ana in the other org sees an empty inbox there.
    expect((await asAna({ method: 'GET', url: api('?status=archived', otherSlug) })).json().items).toEqual([])
    expect((await as(t.app, outsider)({ method: 'GET', url: api() })).statusCode).toBe(404)

    const all = await asAna({ method: 'POST', url: api('/mark-all-read') })
    expect(all.json()).toEqual({ updated: 2, unreadCount: 0 })
    expect((await asBeto({ method: 'GET', url: api('/unread-count') })).json()).toEqual({ unreadCount: 3 })
    const empty = await asAna({ method: 'PATCH', url: api(`/${first.id}`), payload: {} })
    expect(empty.statusCode).toBe(400)
    expect(otherOrgId).toBeTruthy()
  })
})
