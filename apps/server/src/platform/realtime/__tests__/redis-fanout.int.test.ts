import { io, type Socket } from 'socket.io-client'
import { afterAll, describe, expect, it } from 'vitest'
import { createOrg, createTestApp, signUp, type TestApp, testConfig } from '../../../../test/harness.ts'
import { buildApp } from '../../../app.ts'
import type { AppInstance } from '../../http/app-instance.ts'

const redisUrl = process.env.REDIS_URL

describe.skipIf(!redisUrl)('realtime across instances (Redis adapter; needs REDIS_URL)', () => {
  let a: TestApp
  let b: AppInstance
  let socket: Socket | undefined
  afterAll(async () => {
    socket?.disconnect()
    await b?.close()
    await a?.close()
  })

  it('delivers an event emitted on instance B to a client connected to instance A', async () => {
    a = await createTestApp({ config: { REDIS_URL: redisUrl! }, workers: false })
    b = await buildApp(testConfig({ REDIS_URL: redisUrl! }), { database: a.database, workers: false })
    await b.ready()
    const urlA = await a.app.listen({ port: 0, host: '127.0.0.1' })
    const owner = await signUp(a.app)
    const org = await createOrg(a.app, owner)
    socket = io(urlA, { transports: ['websocket'], auth: { token: owner.token }, reconnection: false })
    await new Promise<void>((resolve, reject) => {
      socket!.on('connect', resolve)
      socket!.on('connect_error', reject)
    })
    expect(await socket.emitWithAck('org:join', org.slug)).toEqual({ ok: true })
    const received = new Promise((resolve) => socket!.on('ping.test', resolve))
    // The adapter needs a moment to subscribe B to the room's channel.
    await new Promise((resolve) => setTimeout(resolve, 200))
    b.platform.realtime.emitToOrg(org.id, 'ping.test', { from: 'B' })
    await expect(received).resolves.toEqual({ from: 'B' })
  })
})
