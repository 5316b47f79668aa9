// API load scenario: an authenticated org-scoped list under RLS, and GET /api/v1/me.
// Starts Minga in its own process (so the load generator does not share its event loop), on a fresh
// PostgreSQL database when DATABASE_URL is set, else on the embedded one. Prints req/s, p50, p99.
// Traffic goes to 127.0.0.1 only and each run is bounded in time.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import autocannon from 'autocannon'
import pg from 'pg'

const root = resolve(import.meta.dirname, '../..')
const port = Number(process.env.BENCH_PORT ?? 3300)
const base = `http://127.0.0.1:${port}`
const origin = `http://localhost:${port}`
const seconds = Number(process.env.BENCH_SECONDS ?? 10)

async function freshDatabaseUrl(): Promise<string | undefined> {
  const url = process.env.DATABASE_URL
  if (!url) return undefined
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query('DROP DATABASE IF EXISTS minga_bench WITH (FORCE)')
  await admin.query('CREATE DATABASE minga_bench')
  await admin.end()
  const bench = new URL(url)
  bench.pathname = '/minga_bench'
  return bench.toString()
}

function startServer(databaseUrl: string | undefined): ChildProcess {
  const env = {
    ...process.env,
    PORT: String(port),
    MINGA_BASE_URL: origin,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    BETTER_AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-0000',
    MINGA_DEMO_SEED: 'false',
    MINGA_RATE_LIMIT_PER_MINUTE: '10000000',
    MINGA_AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    DATABASE_URL: databaseUrl ?? '',
    REDIS_URL: '',
    MINGA_DATA_DIR: databaseUrl ? '' : mkdtempSync(join(tmpdir(), 'minga-bench-')),
  }
  const child = spawn(process.execPath, [join(root, 'apps/server/src/main.ts'), 'serve'], {
    env,
    stdio: 'inherit',
  })
  return child
}

async function waitReady() {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/ready`)).ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error('server did not become ready in 60 s')
}

async function json(path: string, init: RequestInit & { token?: string } = {}): Promise<{ token: string }> {
  const response = await fetch(`${base}${path}`, {
    ...init,
    headers: {
      'content-type': 'application/json',
      origin,
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...init.headers,
    },
  })
  if (!response.ok)
    throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`)
  return (await response.json()) as { token: string }
}

async function seed() {
  const signUp = await json('/api/auth/sign-up/email', {
    method: 'POST',
    body: JSON.stringify({
      name: 'Bench',
      email: `bench-${Date.now()}@example.test`,
      password: 'bench-password-123',
    }),
  })
  const token: string = signUp.token
  await json('/api/v1/orgs', {
    method: 'POST',
    token,
    body: JSON.stringify({ name: 'Bench Coop', slug: 'bench-coop', kind: 'housing' }),
  })
  await json('/api/v1/orgs', {
    method: 'POST',
    token,
    body: JSON.stringify({ name: 'Other Coop', slug: 'other-coop', kind: 'housing' }),
  })
  for (let i = 0; i < 60; i++) {
    const slug = i % 3 === 0 ? 'other-coop' : 'bench-coop'
    await json(`/api/v1/orgs/${slug}/announcements`, {
      method: 'POST',
      token,
      body: JSON.stringify({
        title: `Aviso número ${i}`,
        body: 'Texto del aviso para la prueba de carga.',
        pinned: i % 10 === 0,
      }),
    })
  }
  return token
}

type Row = { scenario: string; rate: string; reqPerSec: number; p50: number; p99: number; errors: number }

async function load(scenario: string, path: string, token: string, overallRate?: number): Promise<Row> {
  const result = await autocannon({
    url: `${base}${path}`,
    connections: 10,
    duration: seconds,
    headers: { authorization: `Bearer ${token}` },
    ...(overallRate ? { overallRate } : {}),
  })
  return {
    scenario,
    rate: overallRate ? `${overallRate} req/s` : 'max',
    reqPerSec: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  }
}

const databaseUrl = await freshDatabaseUrl()
const server = startServer(databaseUrl)
try {
  await waitReady()
  const token = await seed()
  const rows: Row[] = []
  const list = '/api/v1/orgs/bench-coop/announcements?limit=20'
  await load('warm-up', list, token)
  for (const rate of [500, undefined]) {
    rows.push(await load('org-scoped list under RLS', list, token, rate))
    rows.push(await load('GET /api/v1/me', '/api/v1/me', token, rate))
  }
  console.log(
    `\nAPI (${databaseUrl ? 'PostgreSQL' : 'embedded PGlite'}, ${seconds} s per run, 10 connections)`,
  )
  console.table(rows)
} finally {
  server.kill('SIGTERM')
}
