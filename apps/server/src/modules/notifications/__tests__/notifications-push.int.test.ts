import { createECDH, randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import webpush from 'web-push'
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
import { modules } from '../../index.ts'
import { notify } from '../index.ts'
import { pushSubscriptions } from '../notifications.tables.ts'
import { fixtureModule } from './fixture-module.ts'
import { inOrg } from './test-context.ts'

/** What the fake push service received. */
type Received = { path: string; headers: Record<string, string | string[] | undefined>; bytes: number }

let pushService: Server
let pushBase: string
const received: Received[] = []
/** Paths the fake push service answers with 410 Gone (a subscription the browser dropped). */
const gonePaths = new Set<string>()

/** A browser's subscription keys: a P-256 public key and a 16-byte auth secret, base64url. */
function browserKeys() {
  const ecdh = createECDH('prime256v1')
  ecdh.generateKeys()
  return { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') }
}

const api = (slug: string, path: string) => `/api/v1/orgs/${slug}/notifications${path}`
const hits = (path: string) => received.filter((r) => r.path === path)

beforeAll(async () => {
  pushService = createServer((req, res) => {
    let bytes = 0
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length
    })
    req.on('end', () => {
      const path = req.url ?? ''
      received.push({ path, headers: req.headers, bytes })
      res.statusCode = gonePaths.has(path) ? 410 : 201
      res.end()
    })
  })
  await new Promise<void>((resolve) => pushService.listen(0, '127.0.0.1', resolve))
  pushBase = `http://127.0.0.1:${(pushService.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => pushService.close(() => resolve())))

// Runs first: push settings are per process, so the configured app below is built after this one.
describe('web push unconfigured (no VAPID keys)', () => {
  it('has no public key (404), no subscriptions (404) and rejects push preferences (422)', async () => {
    const t = await createTestApp({ workers: false })
    try {
      const owner = await signUp(t.app, 'Sin Push')
      const org = await createOrg(t.app, owner, { kind: 'community' })
      const call = as(t.app, owner)
      const key = await call({ method: 'GET', url: api(org.slug, '/push/public-key') })
      expect(key.statusCode).toBe(404)
      expect(key.headers['content-type']).toContain('application/problem+json')
      const sub = await call({
        method: 'POST',
        url: api(org.slug, '/push/subscriptions'),
        payload: { endpoint: 'https://push.example/abc', keys: browserKeys() },
      })
      expect(sub.statusCode).toBe(404)
      const prefs = await call({ method: 'GET', url: api(org.slug, '/preferences') })
      expect(prefs.json().channels).toEqual(['in_app', 'email', 'webhook'])
      const denied = await call({
        method: 'PUT',
        url: api(org.slug, '/preferences'),
        payload: { preferences: [{ type: '*', channel: 'push', enabled: true }] },
      })
      expect(denied.statusCode).toBe(422)
      expect(denied.json().errors).toMatchObject([{ path: 'preferences.0.channel' }])
    } finally {
      await t.close()
    }
  })
})

describe('web push configured', () => {
  let t: TestApp
  let admin: TestUser
  let ana: TestUser
  let orgId: string
  let slug: string
  const vapid = webpush.generateVAPIDKeys()

  beforeAll(async () => {
    t = await createTestApp({
      workers: true,
      modules: [...modules, fixtureModule],
      config: {
        VAPID_PUBLIC_KEY: vapid.publicKey,
        VAPID_PRIVATE_KEY: vapid.privateKey,
        VAPID_SUBJECT: 'mailto:ops@minga.test',
      },
    })
    admin = await signUp(t.app, 'Admin Push')
    ana = await signUp(t.app, 'Ana Push')
    const org = await createOrg(t.app, admin, { kind: 'community' })
    orgId = org.id
    slug = org.slug
    await addMember(t.app, admin, slug, ana)
  })
  afterAll(() => t.close())

  it('gives the public key and lists push among the channels', async () => {
    const key = await as(t.app, ana)({ method: 'GET', url: api(slug, '/push/public-key') })
    expect(key.statusCode).toBe(200)
    expect(key.json()).toEqual({ publicKey: vapid.publicKey })
    const prefs = await as(t.app, ana)({ method: 'GET', url: api(slug, '/preferences') })
    expect(prefs.json().channels).toContain('push')
  })

  // Malformed bodies fail the route schema (400 validation_failed, like every route); a well-formed
  // subscription that breaks a rule (not https) is 422.
  it('validates subscriptions with field paths (400 shape, 422 rules)', async () => {
    const call = as(t.app, ana)
    const badKeys = await call({
      method: 'POST',
      url: api(slug, '/push/subscriptions'),
      payload: { endpoint: 'not a url', keys: { p256dh: 'short', auth: 'x!' } },
    })
    expect(badKeys.statusCode).toBe(400)
    const paths = badKeys.json().errors.map((e: { path: string }) => e.path)
    expect(paths).toEqual(expect.arrayContaining(['body.endpoint', 'body.keys.p256dh', 'body.keys.auth']))
    const ftp = await call({
      method: 'POST',
      url: api(slug, '/push/subscriptions'),
      payload: { endpoint: 'ftp://push.example/abc', keys: browserKeys() },
    })
    expect(ftp.statusCode).toBe(422)
    expect(ftp.json().errors).toMatchObject([
      { path: 'endpoint', message: 'Push service endpoints must use https://' },
    ])
    const noBody = await call({ method: 'DELETE', url: api(slug, '/push/subscriptions'), payload: {} })
    expect(noBody.statusCode).toBe(400)
    expect(noBody.json().errors).toMatchObject([{ path: 'body.endpoint' }])
  })

  it('subscribes, re-subscribes idempotently and unsubscribes only its own endpoint', async () => {
    const endpoint = `${pushBase}/tmp-device`
    const first = await as(
      t.app,
      ana,
    )({
      method: 'POST',
      url: api(slug, '/push/subscriptions'),
      payload: { endpoint, expirationTime: null, keys: browserKeys() },
      headers: { 'user-agent': 'TestBrowser/1.0' },
    })
    expect(first.statusCode).toBe(201)
    const again = await as(
      t.app,
      ana,
    )({
      method: 'POST',
      url: api(slug, '/push/subscriptions'),
      payload: { endpoint, keys: browserKeys() },
    })
    expect(again.json().id).toBe(first.json().id)
    const byAdmin = await as(
      t.app,
      admin,
    )({
      method: 'DELETE',
      url: api(slug, '/push/subscriptions'),
      payload: { endpoint },
    })
    expect(byAdmin.json()).toEqual({ removed: false })
    const mine = await as(
      t.app,
      ana,
    )({ method: 'DELETE', url: api(slug, '/push/subscriptions'), payload: { endpoint } })
    expect(mine.json()).toEqual({ removed: true })
    const twice = await as(
      t.app,
      ana,
    )({ method: 'DELETE', url: api(slug, '/push/subscriptions'), payload: { endpoint } })
    expect(twice.json()).toEqual({ removed: false })
  })

  it('delivers once to each subscribed device of a recipient with push on; 410 removes the device; push off sends nothing', async () => {
    gonePaths.add('/ana-old-device')
    for (const [user, path] of [
      [ana, '/ana-device'],
      [ana, '/ana-old-device'],
      [admin, '/admin-device'],
    ] as const) {
      const res = await as(
        t.app,
        user,
      )({
        method: 'POST',
        url: api(slug, '/push/subscriptions'),
        payload: { endpoint: `${pushBase}${path}`, keys: browserKeys() },
      })
      expect(res.statusCode).toBe(201)
    }
    // Ana turns push on for every type; the admin leaves it at the type's default (in_app + email).
    const on = await as(
      t.app,
      ana,
    )({
      method: 'PUT',
      url: api(slug, '/preferences'),
      payload: { preferences: [{ type: '*', channel: 'push', enabled: true }] },
    })
    expect(on.statusCode).toBe(200)

    await inOrg(
      t.database.db,
      orgId,
      (ctx) =>
        notify(ctx, {
          type: 'fixture.mention',
          recipients: [ana.id, admin.id],
          payload: { author: 'Luz', text: 'Hola', count: 1 },
        }),
      { userId: admin.id },
    )
    await eventually(
      async () => hits('/ana-device').length === 1 && hits('/ana-old-device').length >= 1,
      20_000,
    )
    const [hit] = hits('/ana-device')
    expect(hit?.headers.ttl).toBe('86400')
    expect(hit?.headers['content-encoding']).toBe('aes128gcm')
    expect(String(hit?.headers.authorization)).toMatch(/^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=/)
    expect(String(hit?.headers.authorization)).toContain(`k=${vapid.publicKey}`)
    expect(hit?.bytes).toBeGreaterThan(100)

    // The 410 device is gone; the live one stays with its success recorded.
    await eventually(async () => {
      const rows = await inOrg(t.database.db, orgId, (ctx) =>
        ctx.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, ana.id)),
      )
      return (
        rows.length === 1 && rows[0]?.endpoint === `${pushBase}/ana-device` && rows[0].lastSuccessAt !== null
      )
    }, 20_000)

    // Ana switches push off for this type: the next mention reaches her inbox but no device.
    const off = await as(
      t.app,
      ana,
    )({
      method: 'PUT',
      url: api(slug, '/preferences'),
      payload: { preferences: [{ type: 'fixture.mention', channel: 'push', enabled: false }] },
    })
    expect(off.statusCode).toBe(200)
    await inOrg(
      t.database.db,
      orgId,
      (ctx) =>
        notify(ctx, {
          type: 'fixture.mention',
          recipients: [ana.id],
          payload: { author: 'Luz', text: 'Otra vez', count: 2 },
        }),
      { userId: admin.id },
    )
    await eventually(async () => {
      const inbox = (await as(t.app, ana)({ method: 'GET', url: api(slug, '') })).json()
      return inbox.items.length === 2
    }, 20_000)
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(hits('/ana-device')).toHaveLength(1)
    expect(hits('/ana-old-device')).toHaveLength(1)
    // The admin never turned push on.
    expect(hits('/admin-device')).toHaveLength(0)
  })
})
