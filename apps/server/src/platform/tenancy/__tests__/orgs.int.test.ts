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
let ana: TestUser
let beto: TestUser

beforeAll(async () => {
  t = await createTestApp()
  ana = await signUp(t.app, 'Ana Pérez')
  beto = await signUp(t.app, 'Beto Gómez')
})
afterAll(() => t.close())

describe('identity', () => {
  it('returns the signed-in user from the cookie session and from a bearer token', async () => {
    const byCookie = await as(t.app, ana)({ method: 'GET', url: '/api/v1/me' })
    expect(byCookie.statusCode).toBe(200)
    expect(byCookie.json().user).toMatchObject({ id: ana.id, email: ana.email, name: 'Ana Pérez' })
    const byBearer = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${ana.token}` },
    })
    expect(byBearer.json().user.id).toBe(ana.id)
  })

  it('answers 401 problem+json when signed out', async () => {
    const response = await as(t.app, null)({ method: 'GET', url: '/api/v1/me' })
    expect(response.statusCode).toBe(401)
    expect(response.headers['content-type']).toContain('application/problem+json')
    expect(response.json()).toMatchObject({ code: 'unauthenticated', status: 401 })
  })

  it('signs in with email and password', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: 'http://localhost:3000', 'content-type': 'application/json' },
      payload: { email: ana.email, password: 'correct-horse-battery' },
    })
    expect(response.statusCode).toBe(200)
    expect(String(response.headers['set-cookie'])).toContain('better-auth.session_token=')
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: 'http://localhost:3000', 'content-type': 'application/json' },
      payload: { email: ana.email, password: 'wrong-password-123' },
    })
    expect(wrong.statusCode).toBe(401)
  })
})

describe('organizations', () => {
  it('creates an org with the creator as owner, defaults for Colombia and the kind’s modules', async () => {
    const response = await as(
      t.app,
      ana,
    )({
      method: 'POST',
      url: '/api/v1/orgs',
      payload: { name: 'Cooperativa La Esperanza', slug: 'la-esperanza', kind: 'savings_credit' },
    })
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({
      slug: 'la-esperanza',
      kind: 'savings_credit',
      timezone: 'America/Bogota',
      currency: 'COP',
      locale: 'es-CO',
      role: 'owner',
      status: 'active',
      enabledModules: [
        'announcements',
        'people',
        'polls',
        'tasks',
        'notifications',
        'webhooks',
        'messaging',
        'activity',
        'privacy',
        'documents',
      ],
    })
    expect(response.headers.etag).toBe('"1"')
  })

  it('lists only my orgs, with cursor pagination', async () => {
    const mine = [await createOrg(t.app, beto), await createOrg(t.app, beto), await createOrg(t.app, beto)]
    const first = await as(t.app, beto)({ method: 'GET', url: '/api/v1/orgs?limit=2' })
    expect(first.statusCode).toBe(200)
    const page1 = first.json()
    expect(page1.items).toHaveLength(2)
    expect(page1.nextCursor).toEqual(expect.any(String))
    const second = await as(
      t.app,
      beto,
    )({ method: 'GET', url: `/api/v1/orgs?limit=2&cursor=${page1.nextCursor}` })
    const page2 = second.json()
    expect(page2.items).toHaveLength(1)
    expect(page2.nextCursor).toBeNull()
    const slugs = [...page1.items, ...page2.items].map((o: { slug: string }) => o.slug).sort()
    expect(slugs).toEqual(mine.map((o) => o.slug).sort())
  })

  it('rejects a taken slug with 409 and a field error', async () => {
    await createOrg(t.app, ana, { slug: 'repetido' })
    const response = await as(
      t.app,
      beto,
    )({
      method: 'POST',
      url: '/api/v1/orgs',
      payload: { name: 'Otra', slug: 'repetido', kind: 'housing' },
    })
    expect(response.statusCode).toBe(409)
    expect(response.json().errors).toEqual([{ path: 'body.slug', message: 'Slug already in use' }])
  })

  it('answers 404 to non-members and for unknown orgs, never revealing which', async () => {
    const org = await createOrg(t.app, ana)
    const outsider = await as(t.app, beto)({ method: 'GET', url: `/api/v1/orgs/${org.slug}` })
    const missing = await as(t.app, beto)({ method: 'GET', url: '/api/v1/orgs/no-existe' })
    expect(outsider.statusCode).toBe(404)
    expect(missing.statusCode).toBe(404)
    expect(outsider.json().detail).toBe(missing.json().detail)
  })

  it('lets an admin add an existing user; members then read the org but not the audit', async () => {
    const org = await createOrg(t.app, ana)
    const carla = await signUp(t.app, 'Carla')
    await addMember(t.app, ana, org.slug, carla, 'member')
    const read = await as(t.app, carla)({ method: 'GET', url: `/api/v1/orgs/${org.slug}` })
    expect(read.statusCode).toBe(200)
    expect(read.json().role).toBe('member')
    const audit = await as(t.app, carla)({ method: 'GET', url: `/api/v1/orgs/${org.slug}/audit` })
    expect(audit.statusCode).toBe(403)
    const addAsMember = await as(
      t.app,
      carla,
    )({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/members`,
      payload: { email: beto.email, role: 'admin' },
    })
    expect(addAsMember.statusCode).toBe(403)
    const members = await as(t.app, carla)({ method: 'GET', url: `/api/v1/orgs/${org.slug}/members` })
    expect(
      members
        .json()
        .items.map((m: { email: string }) => m.email)
        .sort(),
    ).toEqual([ana.email, carla.email].sort())
    const again = await as(
      t.app,
      ana,
    )({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/members`,
      payload: { email: carla.email, role: 'member' },
    })
    expect(again.statusCode).toBe(409)
    const nobody = await as(
      t.app,
      ana,
    )({
      method: 'POST',
      url: `/api/v1/orgs/${org.slug}/members`,
      payload: { email: 'nadie@example.test', role: 'member' },
    })
    expect(nobody.statusCode).toBe(422)
    expect(nobody.json().errors[0].path).toBe('body.email')
  })

  it('updates with If-Match: stale versions get 412, a missing header 428', async () => {
    const org = await createOrg(t.app, ana)
    const url = `/api/v1/orgs/${org.slug}`
    const current = await as(t.app, ana)({ method: 'GET', url })
    const etag = current.headers.etag as string
    const missing = await as(t.app, ana)({ method: 'PATCH', url, payload: { name: 'Sin versión' } })
    expect(missing.statusCode).toBe(428)
    const ok = await as(
      t.app,
      ana,
    )({ method: 'PATCH', url, payload: { name: 'Nuevo nombre' }, headers: { 'if-match': etag } })
    expect(ok.statusCode).toBe(200)
    expect(ok.json().name).toBe('Nuevo nombre')
    expect(ok.headers.etag).toBe('"2"')
    const stale = await as(
      t.app,
      ana,
    )({ method: 'PATCH', url, payload: { name: 'Pisado' }, headers: { 'if-match': etag } })
    expect(stale.statusCode).toBe(412)
    const after = await as(t.app, ana)({ method: 'GET', url })
    expect(after.json().name).toBe('Nuevo nombre')
  })

  it('writes an audit row for each mutation, filterable, visible to admins', async () => {
    const org = await createOrg(t.app, ana)
    const base = `/api/v1/orgs/${org.slug}`
    const etag = (await as(t.app, ana)({ method: 'GET', url: base })).headers.etag as string
    await as(
      t.app,
      ana,
    )({ method: 'PATCH', url: base, payload: { name: 'Auditada' }, headers: { 'if-match': etag } })
    await as(
      t.app,
      ana,
    )({ method: 'POST', url: `${base}/branches`, payload: { name: 'Sede Centro', code: 'CEN' } })
    const all = (await as(t.app, ana)({ method: 'GET', url: `${base}/audit` })).json()
    expect(all.items.map((e: { action: string }) => e.action)).toEqual([
      'branch.created',
      'org.updated',
      'org.created',
    ])
    const updated = all.items[1]
    expect(updated).toMatchObject({ actorId: ana.id, entityType: 'org', entityId: org.id })
    expect(updated.changes).toEqual({ name: { from: org.name, to: 'Auditada' } })
    expect(updated.requestId).toEqual(expect.any(String))
    const filtered = (await as(t.app, ana)({ method: 'GET', url: `${base}/audit?action=org.updated` })).json()
    expect(filtered.items).toHaveLength(1)
  })

  it('keeps audit rows of one org invisible to another org’s admins', async () => {
    const mine = await createOrg(t.app, ana)
    const theirs = await createOrg(t.app, beto)
    const list = (await as(t.app, beto)({ method: 'GET', url: `/api/v1/orgs/${theirs.slug}/audit` })).json()
    expect(list.items.every((e: { entityId: string }) => e.entityId !== mine.id)).toBe(true)
    expect(list.items).toHaveLength(1)
  })
})

describe('bad input', () => {
  const cases: { name: string; payload: unknown; raw?: string; field?: string; status: number }[] = [
    {
      name: 'unknown field',
      payload: { name: 'Válida', slug: 'valida-1', kind: 'housing', extra: 1 },
      field: 'body.extra',
      status: 400,
    },
    {
      name: 'wrong type',
      payload: { name: 42, slug: 'valida-2', kind: 'housing' },
      field: 'body.name',
      status: 400,
    },
    {
      name: 'bad slug',
      payload: { name: 'Válida', slug: 'Con Espacios', kind: 'housing' },
      field: 'body.slug',
      status: 400,
    },
    {
      name: 'unknown kind',
      payload: { name: 'Válida', slug: 'valida-3', kind: 'bank' },
      field: 'body.kind',
      status: 400,
    },
    { name: 'missing body', payload: undefined, status: 400 },
  ]
  for (const c of cases) {
    it(`answers ${c.status} problem+json for ${c.name} and writes nothing`, async () => {
      const before = (await as(t.app, ana)({ method: 'GET', url: '/api/v1/orgs?limit=100' })).json().items
        .length
      const response = await as(
        t.app,
        ana,
      )({
        method: 'POST',
        url: '/api/v1/orgs',
        ...(c.payload === undefined ? {} : { payload: c.payload as object }),
      })
      expect(response.statusCode).toBe(c.status)
      expect(response.headers['content-type']).toContain('application/problem+json')
      if (c.field) expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(c.field)
      const after = (await as(t.app, ana)({ method: 'GET', url: '/api/v1/orgs?limit=100' })).json().items
        .length
      expect(after).toBe(before)
    })
  }

  it('rejects malformed JSON with 400', async () => {
    const response = await as(
      t.app,
      ana,
    )({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": "x",',
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().code).toBe('bad_request')
  })

  it('rejects a bad path id and a bad cursor with 400 field errors', async () => {
    const org = await createOrg(t.app, ana)
    const badId = await as(
      t.app,
      ana,
    )({ method: 'GET', url: `/api/v1/orgs/${org.slug}/announcements/not-a-uuid` })
    expect(badId.statusCode).toBe(400)
    expect(badId.json().errors[0].path).toBe('params.id')
    const badCursor = await as(t.app, ana)({ method: 'GET', url: '/api/v1/orgs?cursor=!!!' })
    expect(badCursor.statusCode).toBe(400)
    expect(badCursor.json().errors[0].path).toBe('querystring.cursor')
    const badSlug = await as(t.app, ana)({ method: 'GET', url: '/api/v1/orgs/NO_VALIDO' })
    expect(badSlug.statusCode).toBe(400)
  })

  it('speaks Spanish when asked', async () => {
    const response = await as(
      t.app,
      ana,
    )({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: { 'accept-language': 'es-CO,es;q=0.9' },
      payload: { name: 'x', slug: 'valida-4', kind: 'housing' },
    })
    expect(response.statusCode).toBe(400)
    const problem = response.json()
    expect(problem.title).toBe('La solicitud tiene campos inválidos')
    expect(problem.errors[0]).toMatchObject({ path: 'body.name' })
    expect(problem.errors[0].message).toMatch(/Demasiado pequeño/)
  })
})
