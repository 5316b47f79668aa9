import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import pg from 'pg'
import { inject } from 'vitest'
import { buildApp } from '../src/app.ts'
import { type Config, loadConfig } from '../src/platform/config.ts'
import { type Database, openDatabase } from '../src/platform/db/connection.ts'
import type { AppInstance } from '../src/platform/http/app-instance.ts'
import type { ModuleManifest } from '../src/platform/module-manifest.ts'

export const ORIGIN = 'http://localhost:3000'

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '3000',
    MINGA_RATE_LIMIT_PER_MINUTE: '100000',
    MINGA_AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    MINGA_DEMO_SEED: 'false',
    ...overrides,
  })
}

/**
 * A database of its own for one test file: cloned from the migrated template on PostgreSQL
 * (DATABASE_URL set), or loaded from the migrated PGlite dump otherwise.
 */
export async function openTestDatabase(): Promise<Database & { drop(): Promise<void> }> {
  const template = inject('templateDatabase')
  const databaseUrl = process.env.DATABASE_URL
  if (template && databaseUrl) {
    const name = `minga_test_${randomBytes(6).toString('hex')}`
    await adminQuery(databaseUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`)
    const url = new URL(databaseUrl)
    url.pathname = `/${name}`
    const database = await openDatabase({ databaseUrl: url.toString(), poolMax: 10 })
    return {
      ...database,
      drop: () => adminQuery(databaseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    }
  }
  const dump = inject('pgliteDump')
  if (!dump) throw new Error('Test database template missing: is the integration globalSetup configured?')
  const database = await openDatabase({ loadDataDir: new Blob([readFileSync(dump)]) })
  return { ...database, drop: async () => {} }
}

async function adminQuery(databaseUrl: string, text: string) {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

export type TestApp = {
  app: AppInstance
  database: Database
  close(): Promise<void>
}

export async function createTestApp(
  options: { config?: Record<string, string>; workers?: boolean; modules?: ModuleManifest[] } = {},
) {
  const database = await openTestDatabase()
  const app = await buildApp(testConfig(options.config), {
    database,
    workers: options.workers ?? true,
    ...(options.modules ? { modules: options.modules } : {}),
  })
  await app.ready()
  return {
    app,
    database,
    async close() {
      await app.close()
      await database.close()
      await database.drop()
    },
  } satisfies TestApp
}

export type TestUser = { id: string; email: string; name: string; cookie: string; token: string }

let userCounter = 0

/** Signs a new user up through Better Auth's real endpoint. */
export async function signUp(app: AppInstance, name = 'Usuaria de prueba'): Promise<TestUser> {
  userCounter += 1
  const email = `user${userCounter}-${randomBytes(4).toString('hex')}@example.test`
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-up/email',
    headers: { origin: ORIGIN, 'content-type': 'application/json' },
    payload: { name, email, password: 'correct-horse-battery' },
  })
  if (response.statusCode !== 200) throw new Error(`sign-up failed: ${response.statusCode} ${response.body}`)
  const body = response.json() as { token: string; user: { id: string } }
  const cookie = [response.headers['set-cookie']]
    .flat()
    .filter((c): c is string => Boolean(c))
    .map((c) => c.split(';')[0])
    .join('; ')
  return { id: body.user.id, email, name, cookie, token: body.token }
}

/** `inject` as a signed-in user (cookie session), JSON in and out. */
export function as(app: AppInstance, user: TestUser | null) {
  return (options: InjectOptions & { url: string }): Promise<LightMyRequestResponse> =>
    app.inject({
      ...options,
      headers: {
        // Browsers send Origin on writes; the CSRF guard refuses cookie writes without ours.
        origin: ORIGIN,
        ...(user ? { cookie: user.cookie } : {}),
        ...(options.payload !== undefined && typeof options.payload === 'object'
          ? { 'content-type': 'application/json' }
          : {}),
        ...options.headers,
      },
    })
}

let orgCounter = 0

export async function createOrg(
  app: AppInstance,
  owner: TestUser,
  input: { kind?: string; slug?: string; name?: string } = {},
) {
  orgCounter += 1
  const slug = input.slug ?? `org-${orgCounter}-${randomBytes(3).toString('hex')}`
  const response = await as(
    app,
    owner,
  )({
    method: 'POST',
    url: '/api/v1/orgs',
    payload: { name: input.name ?? `Organización ${orgCounter}`, slug, kind: input.kind ?? 'community' },
  })
  if (response.statusCode !== 201)
    throw new Error(`create org failed: ${response.statusCode} ${response.body}`)
  return response.json() as { id: string; slug: string; name: string; role: string }
}

/** Adds `user` to `org` with `role` through the API, as `admin`. */
export async function addMember(
  app: AppInstance,
  admin: TestUser,
  slug: string,
  user: TestUser,
  role = 'member',
) {
  const response = await as(
    app,
    admin,
  )({
    method: 'POST',
    url: `/api/v1/orgs/${slug}/members`,
    payload: { email: user.email, role },
  })
  if (response.statusCode !== 201)
    throw new Error(`add member failed: ${response.statusCode} ${response.body}`)
}

/** Creates a custom role with these permissions in the org and assigns it to `user` (a member already). */
export async function grantRole(
  app: AppInstance,
  admin: TestUser,
  slug: string,
  user: TestUser,
  role: { key: string; name: string; permissions: string[] },
) {
  const created = await as(app, admin)({ method: 'POST', url: `/api/v1/orgs/${slug}/roles`, payload: role })
  if (created.statusCode !== 201) throw new Error(`create role failed: ${created.statusCode} ${created.body}`)
  const assigned = await as(
    app,
    admin,
  )({
    method: 'POST',
    url: `/api/v1/orgs/${slug}/role-assignments`,
    payload: { userId: user.id, roleId: created.json().id },
  })
  if (assigned.statusCode !== 201)
    throw new Error(`assign role failed: ${assigned.statusCode} ${assigned.body}`)
}

/** Polls `check` until it returns true (background jobs and events), failing after `timeoutMs`. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`condition not met within ${timeoutMs} ms`)
}
