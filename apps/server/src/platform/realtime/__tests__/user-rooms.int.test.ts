import { io, type Socket } from 'socket.io-client'
import { afterAll, describe, expect, it } from 'vitest'
import { createTestApp, signUp, type TestApp } from '../../../../test/harness.ts'

describe('realtime user rooms', () => {
  let t: TestApp
  const sockets: Socket[] = []
  afterAll(async () => {
    for (const s of sockets) s.disconnect()
    await t?.close()
  })

  it('pushes to every connection of one user and to nobody else, without joining anything', async () => {
    t = await createTestApp({ workers: false })
    const url = await t.app.listen({ port: 0, host: '127.0.0.1' })
    const ana = await signUp(t.app, 'Ana')
    const beto = await signUp(t.app, 'Beto')
    const connect = async (token: string) => {
      const socket = io(url, { transports: ['websocket'], auth: { token }, reconnection: false })
      sockets.push(socket)
      await new Promise<void>((resolve, reject) => {
        socket.on('connect', resolve)
        socket.on('connect_error', reject)
      })
      return socket
    }
    const [anaPhone, anaLaptop, betoPhone] = [
      await connect(ana.token),
      await connect(ana.token),
      await connect(beto.token),
    ]
    const got: string[] = []
    anaPhone.on('inbox.test', () => got.push('ana-phone'))
    anaLaptop.on('inbox.test', () => got.push('ana-laptop'))
    betoPhone.on('inbox.test', () => got.push('beto'))
    t.app.platform.realtime.emitToUser(ana.id, 'inbox.test', { n: 1 })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(got.sort()).toEqual(['ana-laptop', 'ana-phone'])
  })

  it('hands a client event to the module that registered it, with the authenticated user', async () => {
    const url = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`
    const carla = await signUp(t.app, 'Carla')
    const seen: { userId: string; payload: unknown }[] = []
    t.app.platform.realtime.onClientEvent('test:typing', async (user, payload) => {
      seen.push({ userId: user.id, payload })
      return { ok: true, relayed: 1 }
    })
    const socket = io(url, { transports: ['websocket'], auth: { token: carla.token }, reconnection: false })
    sockets.push(socket)
    await new Promise<void>((resolve, reject) => {
      socket.on('connect', resolve)
      socket.on('connect_error', reject)
    })
    expect(await socket.emitWithAck('test:typing', { conversationId: 'c1' })).toEqual({
      ok: true,
      relayed: 1,
    })
    expect(seen).toEqual([{ userId: carla.id, payload: { conversationId: 'c1' } }])
    expect(() => t.app.platform.realtime.onClientEvent('org:join', async () => null)).toThrow(/reserved/)
  })
})
