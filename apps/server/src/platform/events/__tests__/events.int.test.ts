import { sql } from 'drizzle-orm'
import { io, type Socket } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  as,
  createOrg,
  createTestApp,
  eventually,
  signUp,
  type TestApp,
  type TestUser,
} from '../../../../test/harness.ts'
import { modules } from '../../../modules/index.ts'
import type { ModuleManifest } from '../../module-manifest.ts'

const deliveries: string[] = []
/** Counts deliveries of announcement events, to prove handlers apply once. */
const counterModule: ModuleManifest = {
  key: 'counter',
  label: { es: 'Contador', en: 'Counter' },
  description: { es: 'Prueba', en: 'Test' },
  defaultFor: [],
  permissions: [],
  eventHandlers: [
    {
      name: 'test.count-announcements',
      on: ['announcement.published'],
      async handle(_ctx, event) {
        deliveries.push(event.entityId ?? '')
      },
    },
  ],
}

let t: TestApp
let baseUrl: string
let owner: TestUser
let stranger: TestUser
let slug: string
let otherSlug: string
const sockets: Socket[] = []

function connect(user: TestUser): Promise<Socket> {
  const socket = io(baseUrl, { transports: ['websocket'], auth: { token: user.token }, reconnection: false })
  sockets.push(socket)
  return new Promise((resolve, reject) => {
    socket.on('connect', () => resolve(socket))
    socket.on('connect_error', reject)
  })
}

const join = (socket: Socket, org: string) => socket.emitWithAck('org:join', org) as Promise<{ ok: boolean }>

beforeAll(async () => {
  t = await createTestApp({ modules: [...modules, counterModule] })
  baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' })
  owner = await signUp(t.app)
  stranger = await signUp(t.app)
  slug = (await createOrg(t.app, owner)).slug
  otherSlug = (await createOrg(t.app, stranger)).slug
})
afterAll(async () => {
  for (const socket of sockets) socket.disconnect()
  await t.close()
})

describe('domain events', () => {
  it('deliver a committed change to handlers and push it in realtime to the org’s members only', async () => {
    const member = await connect(owner)
    const outsider = await connect(stranger)
    expect(await join(member, slug)).toEqual({ ok: true })
    expect(await join(outsider, slug)).toEqual({ ok: false })
    expect(await join(outsider, otherSlug)).toEqual({ ok: true })
    const received: unknown[] = []
    const leaked: unknown[] = []
    member.on('announcement.published', (payload) => received.push(payload))
    outsider.on('announcement.published', (payload) => leaked.push(payload))

    const created = await as(
      t.app,
      owner,
    )({
      method: 'POST',
      url: `/api/v1/orgs/${slug}/announcements`,
      payload: { title: 'Corte de agua', body: 'Mañana de 8 a 12' },
    })
    expect(created.statusCode).toBe(201)
    const id = created.json().id
    await eventually(async () => received.length === 1 && deliveries.includes(id))
    expect(received[0]).toMatchObject({ id, title: 'Corte de agua' })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(leaked).toEqual([])
  })

  it('never applies a handler twice, even when an event is dispatched again', async () => {
    const created = await as(
      t.app,
      owner,
    )({
      method: 'POST',
      url: `/api/v1/orgs/${slug}/announcements`,
      payload: { title: 'Reunión', body: 'Jueves' },
    })
    const id = created.json().id
    await eventually(async () => deliveries.includes(id))
    // Simulate a crashed dispatcher: the event looks undispatched and is sent again.
    await t.database.db.execute(
      sql`update outbox_events set dispatched_at = null, claimed_at = null where entity_id = ${id}`,
    )
    await t.app.platform.events.dispatchPending()
    const [event] = (
      await t.database.db.execute<{ id: string }>(sql`select id from outbox_events where entity_id = ${id}`)
    ).rows
    await eventually(() => t.app.platform.events.processed('announcements.push-realtime', event!.id))
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(deliveries.filter((d) => d === id)).toHaveLength(1)
  })

  it('records no event when the change rolls back', async () => {
    const before = (await t.database.db.execute(sql`select count(*)::int as n from outbox_events`)).rows[0]
    const bad = await as(
      t.app,
      owner,
    )({
      method: 'POST',
      url: `/api/v1/orgs/${slug}/announcements`,
      payload: { title: 'x', body: '' },
    })
    expect(bad.statusCode).toBe(400)
    const after = (await t.database.db.execute(sql`select count(*)::int as n from outbox_events`)).rows[0]
    expect(after).toEqual(before)
  })
})

describe('realtime handshake', () => {
  it('refuses connections without a session', async () => {
    const socket = io(baseUrl, { transports: ['websocket'], reconnection: false })
    sockets.push(socket)
    const error = await new Promise<Error>((resolve) => socket.on('connect_error', resolve))
    expect(error.message).toBe('unauthenticated')
  })

  it('accepts the session cookie of the web app', async () => {
    const socket = io(baseUrl, {
      transports: ['websocket'],
      extraHeaders: { cookie: owner.cookie },
      reconnection: false,
    })
    sockets.push(socket)
    await new Promise<void>((resolve, reject) => {
      socket.on('connect', resolve)
      socket.on('connect_error', reject)
    })
    expect(await join(socket, slug)).toEqual({ ok: true })
  })
})
