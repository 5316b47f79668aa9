import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { sql } from 'drizzle-orm'
import { Webhook } from 'standardwebhooks'
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
import { withOrg } from '../../../platform/db/with-org.ts'
import { runDueDeliveries } from '../index.ts'

/** A real receiver on 127.0.0.1: verifies every signature and fails the first `failures[path]` calls. */
type Received = { path: string; headers: IncomingHttpHeaders; body: string; verified: boolean }
const received: Received[] = []
const failuresLeft = new Map<string, number>()
const secrets = new Map<string, string>()
let receiver: Server
let receiverUrl: string

let t: TestApp
let owner: TestUser
let admin: TestUser
let member: TestUser
let outsider: TestUser
let slug: string
let otherSlug: string
const api = (s = slug) => `/api/v1/orgs/${s}/webhooks`

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const path = req.url ?? '/'
      const body = Buffer.concat(chunks).toString('utf8')
      let verified = false
      const secret = secrets.get(path)
      if (secret) {
        try {
          new Webhook(secret).verify(body, req.headers as Record<string, string>)
          verified = true
        } catch {}
      }
      received.push({ path, headers: req.headers, body, verified })
      const left = failuresLeft.get(path) ?? 0
      if (left > 0) {
        failuresLeft.set(path, left - 1)
        res.writeHead(500, { 'content-type': 'text/plain' }).end(`boom ${'x'.repeat(5000)}`)
        return
      }
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok')
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`

  t = await createTestApp({
    config: { MINGA_WEBHOOKS_ALLOW_PRIVATE: 'true', MINGA_WEBHOOKS_DISABLE_AFTER: '2' },
  })
  owner = await signUp(t.app, 'Dueña')
  admin = await signUp(t.app, 'Administradora')
  member = await signUp(t.app, 'Socia')
  outsider = await signUp(t.app, 'Otra')
  slug = (await createOrg(t.app, owner)).slug
  otherSlug = (await createOrg(t.app, outsider)).slug
  await addMember(t.app, owner, slug, admin, 'admin')
  await addMember(t.app, owner, slug, member)
})
afterAll(async () => {
  await t.close()
  await new Promise((resolve) => receiver.close(resolve))
})

async function createEndpoint(path: string, eventTypes: string[], orgSlug = slug, user = owner) {
  const response = await as(
    t.app,
    user,
  )({
    method: 'POST',
    url: `${api(orgSlug)}/endpoints`,
    payload: { url: `${receiverUrl}${path}`, description: `Receptor ${path}`, eventTypes },
  })
  expect(response.statusCode).toBe(201)
  const endpoint = response.json()
  secrets.set(path, endpoint.secret)
  return endpoint as { id: string; secret: string; secretHint: string }
}

async function publish(title: string, orgSlug = slug, user = owner) {
  const response = await as(
    t.app,
    user,
  )({
    method: 'POST',
    url: `/api/v1/orgs/${orgSlug}/announcements`,
    payload: { title, body: 'Cuerpo del anuncio' },
  })
  expect(response.statusCode).toBe(201)
  return response.json() as { id: string }
}

async function deliveries(endpointId: string, orgSlug = slug) {
  const response = await as(
    t.app,
    owner,
  )({ method: 'GET', url: `${api(orgSlug)}/endpoints/${endpointId}/deliveries` })
  expect(response.statusCode).toBe(200)
  return response.json().items as { id: string; status: string; attempts: number; eventType: string }[]
}

async function delivery(id: string) {
  const response = await as(t.app, owner)({ method: 'GET', url: `${api()}/deliveries/${id}` })
  expect(response.statusCode).toBe(200)
  return response.json()
}

const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000)

/** Runs the sweeper at a simulated time until `id` has `attempts` attempts (the cron may do one first). */
async function attemptAt(id: string, attempts: number, at: Date) {
  await runDueDeliveries(t.app.platform.database.db, { now: at })
  await eventually(async () => (await delivery(id)).attempts >= attempts)
}

describe('webhooks', () => {
  it('delivers a signed event, retries with backoff, logs every attempt and replays with the same id', async () => {
    const endpoint = await createEndpoint('/retry', ['announcement.*'])
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/)
    // The secret is never shown again.
    const read = await as(t.app, owner)({ method: 'GET', url: `${api()}/endpoints/${endpoint.id}` })
    expect(read.json().secret).toBeUndefined()
    expect(read.json().secretHint).toBe(`…${endpoint.secret.slice(-4)}`)

    failuresLeft.set('/retry', 2)
    const announcement = await publish('Asamblea el sábado')
    let items: Awaited<ReturnType<typeof deliveries>> = []
    await eventually(async () => {
      items = await deliveries(endpoint.id)
      return items.length === 1
    })
    const id = items[0]!.id
    expect(items[0]).toMatchObject({ eventType: 'announcement.published', status: 'pending' })

    await attemptAt(id, 1, new Date())
    await attemptAt(id, 2, hoursFromNow(1))
    await attemptAt(id, 3, hoursFromNow(2))
    const done = await delivery(id)
    expect(done).toMatchObject({
      status: 'succeeded',
      attempts: 3,
      lastStatusCode: 200,
      lastResponseBody: 'ok',
    })
    expect(done.attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 500, 200])
    expect(done.attemptLog.map((a: { trigger: string }) => a.trigger)).toEqual([
      'automatic',
      'automatic',
      'automatic',
    ])
    // The response excerpt is cut at 2 KB.
    expect(done.attemptLog[0].responseBody.startsWith('boom ')).toBe(true)
    expect(done.attemptLog[0].responseBody.length).toBe(2048)
    expect(done.attemptLog[0].durationMs).toBeGreaterThanOrEqual(0)

    const calls = received.filter((r) => r.path === '/retry')
    expect(calls).toHaveLength(3)
    expect(calls.every((c) => c.verified)).toBe(true)
    expect(new Set(calls.map((c) => c.headers['webhook-id']))).toEqual(new Set([id]))
    expect(calls[0]!.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/)
    const body = JSON.parse(calls[0]!.body)
    expect(body).toMatchObject({
      type: 'announcement.published',
      data: { entityId: announcement.id, payload: { title: 'Asamblea el sábado' } },
    })
    expect(Object.keys(body).sort()).toEqual(['data', 'timestamp', 'type'])

    // Replay: a new attempt in the background, same webhook-id and body.
    const replay = await as(t.app, owner)({ method: 'POST', url: `${api()}/deliveries/${id}/replay` })
    expect(replay.statusCode).toBe(202)
    expect(replay.json()).toMatchObject({ id, status: 'pending' })
    await eventually(async () => (await delivery(id)).attempts === 4)
    const replayed = await delivery(id)
    expect(replayed).toMatchObject({ status: 'succeeded', attempts: 4 })
    expect(replayed.attemptLog[3]).toMatchObject({ number: 4, trigger: 'replay', statusCode: 200 })
    const last = received.filter((r) => r.path === '/retry').at(-1)!
    expect(last.headers['webhook-id']).toBe(id)
    expect(last.body).toBe(calls[0]!.body)
    expect(last.verified).toBe(true)

    // Rotating the secret returns a new one once; later deliveries are signed with it.
    const rotated = await as(
      t.app,
      owner,
    )({ method: 'POST', url: `${api()}/endpoints/${endpoint.id}/rotate-secret` })
    expect(rotated.statusCode).toBe(200)
    expect(rotated.json().secret).not.toBe(endpoint.secret)
  })

  it('sends a new delivery right after the event, without waiting for the sweeper', async () => {
    await createEndpoint('/prompt', ['announcement.published'])
    const before = received.filter((r) => r.path === '/prompt').length
    const started = Date.now()
    await publish('Enseguida')
    // The sweeper runs once a minute; three seconds can only be the delivery sent after the commit.
    await eventually(async () => received.filter((r) => r.path === '/prompt').length > before, 3_000)
    expect(Date.now() - started).toBeLessThan(3_000)
    expect(received.filter((r) => r.path === '/prompt').at(-1)?.verified).toBe(true)
  })

  it('creates one delivery per matching endpoint only, and lists the event types seen', async () => {
    const polls = await createEndpoint('/polls-only', ['poll.*'])
    const exact = await createEndpoint('/exact', ['announcement.published'])
    const everything = await createEndpoint('/all', ['*'])
    await publish('Filtro')
    await eventually(async () => (await deliveries(exact.id)).length === 1)
    await eventually(async () => (await deliveries(everything.id)).length === 1)
    expect(await deliveries(polls.id)).toHaveLength(0)

    const types = await as(t.app, owner)({ method: 'GET', url: `${api()}/event-types` })
    expect(types.statusCode).toBe(200)
    expect(types.json().items.map((i: { type: string }) => i.type)).toContain('announcement.published')

    // A disabled endpoint gets nothing new.
    const off = await as(
      t.app,
      owner,
    )({ method: 'PATCH', url: `${api()}/endpoints/${exact.id}`, payload: { enabled: false } })
    expect(off.json()).toMatchObject({ enabled: false, disabledReason: 'manual' })
    await publish('Después de apagar')
    await eventually(async () => (await deliveries(everything.id)).length === 2)
    expect(await deliveries(exact.id)).toHaveLength(1)
  })

  it('disables an endpoint after repeated failed deliveries and notifies the org admins', async () => {
    const orgSlug = (await createOrg(t.app, owner)).slug
    await addMember(t.app, owner, orgSlug, admin, 'admin')
    await addMember(t.app, owner, orgSlug, member)
    const endpoint = await createEndpoint('/down', ['announcement.published'], orgSlug)
    failuresLeft.set('/down', 1_000)
    await publish('Uno', orgSlug)
    await publish('Dos', orgSlug)
    await eventually(async () => (await deliveries(endpoint.id, orgSlug)).length === 2)

    // 8 attempts each, one sweep per simulated 10 hours (longer than any backoff step).
    for (let round = 0; round < 8; round++) {
      await runDueDeliveries(t.app.platform.database.db, { now: hoursFromNow(10 * round) })
    }
    await eventually(async () => (await deliveries(endpoint.id, orgSlug)).every((d) => d.status === 'failed'))
    const failed = await deliveries(endpoint.id, orgSlug)
    expect(failed.map((d) => d.attempts)).toEqual([8, 8])

    const read = await as(t.app, owner)({ method: 'GET', url: `${api(orgSlug)}/endpoints/${endpoint.id}` })
    expect(read.json()).toMatchObject({ enabled: false, disabledReason: 'failures', consecutiveFailures: 2 })

    const orgId = (await as(t.app, owner)({ method: 'GET', url: `/api/v1/orgs/${orgSlug}` })).json().id
    const requests = await withOrg(t.app.platform.database.db, orgId, (tx) =>
      tx.execute<{ recipients: string[]; payload: { endpointId: string } }>(
        sql`select recipients, payload from notification_requests where type = 'webhooks.endpoint_disabled'`,
      ),
    )
    expect(requests.rows).toHaveLength(1)
    expect(new Set(requests.rows[0]!.recipients)).toEqual(new Set([owner.id, admin.id]))
    expect(requests.rows[0]!.payload.endpointId).toBe(endpoint.id)

    // A disabled endpoint's deliveries cannot be replayed until it is enabled again.
    const refused = await as(
      t.app,
      owner,
    )({ method: 'POST', url: `${api(orgSlug)}/deliveries/${failed[0]!.id}/replay` })
    expect(refused.statusCode).toBe(409)
    const on = await as(
      t.app,
      owner,
    )({ method: 'PATCH', url: `${api(orgSlug)}/endpoints/${endpoint.id}`, payload: { enabled: true } })
    expect(on.json()).toMatchObject({ enabled: true, disabledReason: null, consecutiveFailures: 0 })
  })

  it('refuses invalid URLs and filters with field paths', async () => {
    const post = (payload: object) => as(t.app, owner)({ method: 'POST', url: `${api()}/endpoints`, payload })
    for (const url of [
      'not a url',
      'ftp://example.com/x',
      'https://user:pw@example.com/',
      'https://nonexistent.invalid/hook',
    ]) {
      const response = await post({ url, eventTypes: ['*'] })
      expect(response.statusCode, url).toBe(422)
      expect(response.json().errors[0].path).toBe('body.url')
    }
    const none = await post({ url: `${receiverUrl}/x`, eventTypes: [] })
    expect(none.statusCode).toBe(400)
    expect(none.json().errors[0].path).toBe('body.eventTypes')
    const bad = await post({ url: `${receiverUrl}/x`, eventTypes: ['Foo Bar'] })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors[0].path).toBe('body.eventTypes.0')
  })

  it('keeps endpoints and deliveries to admins of their own org', async () => {
    const endpoint = await createEndpoint('/private', ['*'])
    await publish('Aislamiento')
    let items: Awaited<ReturnType<typeof deliveries>> = []
    await eventually(async () => {
      items = await deliveries(endpoint.id)
      return items.length > 0
    })
    const stranger = as(t.app, outsider)
    const foreign = [
      { method: 'GET' as const, url: `${api(otherSlug)}/endpoints/${endpoint.id}` },
      {
        method: 'PATCH' as const,
        url: `${api(otherSlug)}/endpoints/${endpoint.id}`,
        payload: { description: 'x' },
      },
      { method: 'DELETE' as const, url: `${api(otherSlug)}/endpoints/${endpoint.id}` },
      { method: 'POST' as const, url: `${api(otherSlug)}/endpoints/${endpoint.id}/rotate-secret` },
      { method: 'GET' as const, url: `${api(otherSlug)}/endpoints/${endpoint.id}/deliveries` },
      { method: 'GET' as const, url: `${api(otherSlug)}/deliveries/${items[0]!.id}` },
      { method: 'POST' as const, url: `${api(otherSlug)}/deliveries/${items[0]!.id}/replay` },
    ]
    for (const request of foreign) expect((await stranger(request)).statusCode, request.url).toBe(404)
    // Not a member: the org itself is hidden.
    expect((await stranger({ method: 'GET', url: `${api()}/endpoints` })).statusCode).toBe(404)
    const otherList = await stranger({ method: 'GET', url: `${api(otherSlug)}/endpoints` })
    expect(otherList.json().items).toEqual([])

    const asMember = as(t.app, member)
    expect((await asMember({ method: 'GET', url: `${api()}/endpoints` })).statusCode).toBe(403)
    expect(
      (
        await asMember({
          method: 'POST',
          url: `${api()}/endpoints`,
          payload: { url: `${receiverUrl}/m`, eventTypes: ['*'] },
        })
      ).statusCode,
    ).toBe(403)
    expect((await as(t.app, admin)({ method: 'GET', url: `${api()}/endpoints` })).statusCode).toBe(200)

    const removed = await as(t.app, owner)({ method: 'DELETE', url: `${api()}/endpoints/${endpoint.id}` })
    expect(removed.statusCode).toBe(204)
    expect(
      (await as(t.app, owner)({ method: 'GET', url: `${api()}/deliveries/${items[0]!.id}` })).statusCode,
    ).toBe(404)
  })
})

describe('webhooks without MINGA_WEBHOOKS_ALLOW_PRIVATE', () => {
  let strict: TestApp
  beforeAll(async () => {
    strict = await createTestApp({ workers: false })
  })
  afterAll(() => strict.close())

  it('refuses loopback, private, link-local, metadata and plain http targets with 422 on body.url', async () => {
    const user = await signUp(strict.app)
    const orgSlug = (await createOrg(strict.app, user)).slug
    const urls = [
      receiverUrl, // http and loopback
      'https://127.0.0.1/hook',
      'https://localhost/hook',
      'https://[::1]/hook',
      'https://10.1.2.3/hook',
      'https://192.168.1.10/hook',
      'https://172.16.0.1/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://[fd00:ec2::254]/hook',
      'https://[::ffff:127.0.0.1]/hook',
      'http://example.com/hook',
    ]
    for (const url of urls) {
      const response = await as(
        strict.app,
        user,
      )({
        method: 'POST',
        url: `/api/v1/orgs/${orgSlug}/webhooks/endpoints`,
        payload: { url, eventTypes: ['*'] },
      })
      expect(response.statusCode, url).toBe(422)
      expect(response.json().errors[0].path, url).toBe('body.url')
    }
  })
})
