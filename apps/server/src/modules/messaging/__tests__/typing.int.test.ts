import { io, type Socket } from 'socket.io-client'
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
let url: string
let ana: TestUser
let beto: TestUser
let carla: TestUser
let orgId: string
let slug: string
let otherSlug: string
let conversationId: string
const sockets: Socket[] = []

async function connect(user: TestUser) {
  const socket = io(url, { transports: ['websocket'], auth: { token: user.token }, reconnection: false })
  sockets.push(socket)
  await new Promise<void>((resolve, reject) => {
    socket.on('connect', resolve)
    socket.on('connect_error', reject)
  })
  return socket
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

beforeAll(async () => {
  t = await createTestApp({ workers: false })
  url = await t.app.listen({ port: 0, host: '127.0.0.1' })
  ana = await signUp(t.app, 'Ana Tecleando')
  beto = await signUp(t.app, 'Beto')
  carla = await signUp(t.app, 'Carla')
  const org = await createOrg(t.app, ana)
  orgId = org.id
  slug = org.slug
  otherSlug = (await createOrg(t.app, carla)).slug
  await addMember(t.app, ana, slug, beto)
  await addMember(t.app, ana, slug, carla)
  const res = await as(
    t.app,
    ana,
  )({
    method: 'POST',
    url: `/api/v1/orgs/${slug}/conversations`,
    payload: { kind: 'direct', userId: beto.id },
  })
  conversationId = res.json().id
})
afterAll(async () => {
  for (const s of sockets) s.disconnect()
  await t?.close()
})

describe('typing indicator over Socket.IO', () => {
  it('relays typing to the other participants only, throttled, and refuses outsiders', async () => {
    const [anaSocket, betoSocket, carlaSocket] = [
      await connect(ana),
      await connect(beto),
      await connect(carla),
    ]
    const got: { who: string; payload: unknown }[] = []
    anaSocket.on('conversation.typing', (payload) => got.push({ who: 'ana', payload }))
    betoSocket.on('conversation.typing', (payload) => got.push({ who: 'beto', payload }))
    carlaSocket.on('conversation.typing', (payload) => got.push({ who: 'carla', payload }))

    expect(await anaSocket.emitWithAck('conversation:typing', { orgSlug: slug, conversationId })).toEqual({
      ok: true,
    })
    // Within the throttle window: acknowledged, not relayed again.
    expect(await anaSocket.emitWithAck('conversation:typing', { orgSlug: slug, conversationId })).toEqual({
      ok: true,
    })
    await pause(300)
    expect(got).toEqual([
      { who: 'beto', payload: { orgId, conversationId, userId: ana.id, name: 'Ana Tecleando' } },
    ])

    // Carla is an org member but not in the conversation; wrong org slug; malformed payloads.
    expect(await carlaSocket.emitWithAck('conversation:typing', { orgSlug: slug, conversationId })).toEqual({
      ok: false,
    })
    expect(
      await betoSocket.emitWithAck('conversation:typing', { orgSlug: otherSlug, conversationId }),
    ).toEqual({ ok: false })
    expect(await betoSocket.emitWithAck('conversation:typing', { orgSlug: slug })).toEqual({ ok: false })
    expect(await betoSocket.emitWithAck('conversation:typing', 'nonsense')).toEqual({ ok: false })
    await pause(300)
    expect(got).toHaveLength(1)

    expect(await betoSocket.emitWithAck('conversation:typing', { orgSlug: slug, conversationId })).toEqual({
      ok: true,
    })
    await pause(300)
    expect(got.at(-1)).toEqual({
      who: 'ana',
      payload: { orgId, conversationId, userId: beto.id, name: 'Beto' },
    })
  })

  it('delivers message.created to the other participant over a real socket', async () => {
    const betoSocket = await connect(beto)
    const events: unknown[] = []
    betoSocket.on('message.created', (payload) => events.push(payload))
    const res = await as(
      t.app,
      ana,
    )({
      method: 'POST',
      url: `/api/v1/orgs/${slug}/conversations/${conversationId}/messages`,
      payload: { body: 'Hola Beto' },
    })
    expect(res.statusCode).toBe(201)
    await pause(300)
    expect(events).toEqual([{ orgId, conversationId, messageId: res.json().id }])
  })
})
