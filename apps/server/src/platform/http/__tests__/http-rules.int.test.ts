import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  as,
  createOrg,
  createTestApp,
  signUp,
  type TestApp,
  type TestUser,
} from '../../../../test/harness.ts'
import { modules } from '../../../modules/index.ts'
import type { ModuleManifest } from '../../module-manifest.ts'
import { orgRoute } from '../org-route.ts'

/** A module whose route fails the way a bug would: with an internal error carrying secrets. */
const brokenModule: ModuleManifest = {
  key: 'broken',
  label: { es: 'Roto', en: 'Broken' },
  description: { es: 'Prueba', en: 'Test' },
  defaultFor: [],
  permissions: [{ key: 'broken:read', label: { es: 'x', en: 'x' }, roles: ['owner'] }],
  routes(app) {
    orgRoute(app, {
      method: 'GET',
      url: '/broken',
      permission: 'broken:read',
      schema: { summary: 'Always fails', response: { 200: z.object({}) } },
      async handler() {
        throw new Error('connection to 10.0.0.5 failed: password=hunter2')
      },
    })
  },
}

let t: TestApp
let owner: TestUser
let slug: string

beforeAll(async () => {
  t = await createTestApp({
    workers: false,
    modules: [...modules, brokenModule],
    config: {
      MINGA_BODY_LIMIT: '4096',
      MINGA_AUTH_RATE_LIMIT_PER_MINUTE: '5',
      MINGA_RATE_LIMIT_PER_MINUTE: '60',
    },
  })
  owner = await signUp(t.app)
  slug = (await createOrg(t.app, owner)).slug
})
afterAll(() => t.close())

describe('errors', () => {
  it('turns an unexpected failure into a 500 problem with a request id and nothing internal', async () => {
    const response = await as(t.app, owner)({ method: 'GET', url: `/api/v1/orgs/${slug}/broken` })
    expect(response.statusCode).toBe(500)
    const problem = response.json()
    expect(problem).toEqual({
      type: 'https://minga.coop/problems/internal',
      title: 'Internal error',
      status: 500,
      code: 'internal',
      requestId: response.headers['x-request-id'],
    })
    expect(response.body).not.toMatch(/hunter2|10\.0\.0\.5|at .*\.ts/)
  })

  it('answers unknown API paths with a problem 404', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' })
    expect(response.statusCode).toBe(404)
    expect(response.headers['content-type']).toContain('application/problem+json')
  })

  it('rejects bodies over the limit with 413', async () => {
    const response = await as(
      t.app,
      owner,
    )({
      method: 'POST',
      url: `/api/v1/orgs/${slug}/announcements`,
      payload: { title: 'Muy largo', body: 'x'.repeat(10_000) },
    })
    expect(response.statusCode).toBe(413)
    expect(response.json().code).toBe('payload_too_large')
  })
})

describe('idempotency', () => {
  const url = () => `/api/v1/orgs/${slug}/announcements`
  it('returns the stored response for a retried key and applies the write once', async () => {
    const send = (body: object) =>
      as(
        t.app,
        owner,
      )({ method: 'POST', url: url(), payload: body, headers: { 'idempotency-key': 'pago-0001-abc' } })
    const first = await send({ title: 'Asamblea', body: 'El sábado' })
    const retry = await send({ title: 'Asamblea', body: 'El sábado' })
    expect(first.statusCode).toBe(201)
    expect(retry.statusCode).toBe(201)
    expect(retry.json()).toEqual(first.json())
    expect(retry.headers['idempotent-replayed']).toBe('true')
    const list = (await as(t.app, owner)({ method: 'GET', url: `${url()}?q=Asamblea` })).json()
    expect(list.items).toHaveLength(1)
  })

  it('answers 422 when the same key comes with another body', async () => {
    const headers = { 'idempotency-key': 'pago-0002-abc' }
    await as(t.app, owner)({ method: 'POST', url: url(), payload: { title: 'Primero', body: 'a' }, headers })
    const other = await as(
      t.app,
      owner,
    )({ method: 'POST', url: url(), payload: { title: 'Segundo', body: 'b' }, headers })
    expect(other.statusCode).toBe(422)
    expect(other.json().code).toBe('idempotency_key_reused')
  })

  it('applies concurrent retries of one key exactly once', async () => {
    const headers = { 'idempotency-key': 'pago-0003-abc' }
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        as(
          t.app,
          owner,
        )({ method: 'POST', url: url(), payload: { title: 'Concurrente', body: 'c' }, headers }),
      ),
    )
    const ids = new Set(responses.filter((r) => r.statusCode === 201).map((r) => r.json().id))
    expect(ids.size).toBe(1)
    const list = (await as(t.app, owner)({ method: 'GET', url: `${url()}?q=Concurrente` })).json()
    expect(list.items).toHaveLength(1)
  })
})

describe('security headers', () => {
  it('sends a strict CSP for the app and a looser one only for the API reference', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/api/openapi.json' })
    expect(health.headers['content-security-policy']).toContain("script-src 'self'")
    expect(health.headers['content-security-policy']).not.toContain("unsafe-inline'; style")
    expect(health.headers['x-content-type-options']).toBe('nosniff')
    expect(health.headers['x-frame-options']).toBeDefined()
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' })
    expect(docs.statusCode).toBe(200)
    expect(docs.headers['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'")
  })
})

describe('rate limits', () => {
  it('limits sign-in attempts per client more strictly than the rest of the API', async () => {
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        remoteAddress: '203.0.113.9',
        headers: { origin: 'http://localhost:3000', 'content-type': 'application/json' },
        payload: { email: 'nadie@example.test', password: 'wrong-password' },
      })
    const statuses: number[] = []
    for (let i = 0; i < 7; i++) statuses.push((await attempt()).statusCode)
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true)
    expect(statuses.at(-1)).toBe(429)
    const limited = await attempt()
    expect(limited.headers['content-type']).toContain('application/problem+json')
    expect(limited.json().code).toBe('rate_limited')
  })

  it('limits API calls per session', async () => {
    const user = await signUp(t.app)
    const statuses: number[] = []
    for (let i = 0; i < 62; i++)
      statuses.push((await as(t.app, user)({ method: 'GET', url: '/api/v1/me' })).statusCode)
    expect(statuses.filter((s) => s === 200)).toHaveLength(60)
    expect(statuses.at(-1)).toBe(429)
    // Another session is not affected.
    expect((await as(t.app, owner)({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200)
  })
})

describe('route declarations', () => {
  it('every route declares its access, and every permission route is org-scoped', () => {
    const routes = t.app.platform.routes
    expect(routes.length).toBeGreaterThan(15)
    for (const route of routes) {
      expect(route.access, `${route.method} ${route.url}`).toBeDefined()
      if (typeof route.access === 'object') expect(route.url).toMatch(/^\/api\/v1\/orgs\/:org/)
    }
  })

  it('refuses to start with a route that declares no access', async () => {
    const undeclared: ModuleManifest = {
      ...brokenModule,
      key: 'undeclared',
      permissions: [],
      routes(app) {
        app.get('/api/v1/leaky', async () => ({ secret: true }))
      },
    }
    await expect(createTestApp({ workers: false, modules: [...modules, undeclared] })).rejects.toThrow(
      /declares no access/,
    )
  })

  it('gives 403 to a member for every route whose permission the member role lacks', async () => {
    // Its own app: this file's app limits requests to 60 a minute, and there are more routes than that.
    const routesApp = await createTestApp({ workers: false, modules })
    try {
      const orgOwner = await signUp(routesApp.app)
      const orgSlug = (await createOrg(routesApp.app, orgOwner)).slug
      const member = await signUp(routesApp.app)
      await as(
        routesApp.app,
        orgOwner,
      )({
        method: 'POST',
        url: `/api/v1/orgs/${orgSlug}/members`,
        payload: { email: member.email, role: 'member' },
      })
      const { permissions, routes } = routesApp.app.platform
      const denied = routes.filter(
        (r) => typeof r.access === 'object' && !permissions.allows('member', r.access.permission),
      )
      expect(denied.length).toBeGreaterThan(3)
      const sampleId = '01900000-0000-7000-8000-000000000000'
      for (const route of denied) {
        const url = route.url.replace(':org', orgSlug).replace(/:[a-zA-Z]+/g, sampleId)
        const response = await as(routesApp.app, member)({ method: route.method as 'GET', url, payload: {} })
        expect(response.statusCode, `${route.method} ${route.url}`).toBe(403)
      }
    } finally {
      await routesApp.close()
    }
  })
})

type Operation = { responses?: Record<string, unknown>; requestBody?: unknown }

describe('OpenAPI', () => {
  it('publishes OpenAPI 3.1 where every /api/v1 operation has response schemas and writes have bodies', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' })
    expect(response.statusCode).toBe(200)
    const spec = response.json()
    expect(spec.openapi).toBe('3.1.0')
    const operations = Object.entries(spec.paths as Record<string, Record<string, Operation>>).flatMap(
      ([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })),
    )
    const v1 = operations.filter((o) => o.path.startsWith('/api/v1'))
    expect(v1.length).toBeGreaterThan(10)
    for (const { path, method, op } of v1) {
      const label = `${method.toUpperCase()} ${path}`
      const success = Object.entries(op.responses ?? {}).find(([status]) => status.startsWith('2'))
      expect(success, label).toBeDefined()
      if (['post', 'put', 'patch'].includes(method)) expect(op.requestBody, label).toBeDefined()
    }
    // Every route the server registered under /api/v1 appears in the spec.
    const registered = t.app.platform.routes.filter(
      (r) => r.url.startsWith('/api/v1') && r.url !== '/api/v1/leaky',
    )
    for (const route of registered) {
      const path = route.url.replace(/:([a-zA-Z]+)/g, '{$1}').replace(/\/$/, '')
      expect(spec.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path}`).toBeDefined()
      expect(route.hasSchema, `${route.method} ${route.url} has response schemas`).toBe(true)
    }
  })
})
