// Starts Minga in its own process for a load scenario (so the load generator does not share its event
// loop), on a fresh PostgreSQL database when DATABASE_URL is set, else on a fresh embedded one.
// Traffic goes to 127.0.0.1 only.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import pg from 'pg'

const root = resolve(import.meta.dirname, '../..')

export type BenchServer = {
  base: string
  origin: string
  databaseUrl: string | undefined
  /** A JSON request with the Origin header the CSRF guard expects; throws on a non-2xx answer. */
  api<T = unknown>(path: string, init?: RequestInit & { token?: string }): Promise<T>
  stop(): void
}

async function freshDatabaseUrl(name: string): Promise<string | undefined> {
  const url = process.env.DATABASE_URL
  if (!url) return undefined
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const bench = new URL(url)
  bench.pathname = `/${name}`
  return bench.toString()
}

function spawnServer(port: number, origin: string, databaseUrl: string | undefined): ChildProcess {
  const env = {
    ...process.env,
    PORT: String(port),
    MINGA_BASE_URL: origin,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    BETTER_AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-0000',
    MINGA_DEMO_SEED: 'false',
    MINGA_RATE_LIMIT_PER_MINUTE: '10000000',
    // Production refuses to run without data keys (people's encrypted fields); fixed bench keys.
    MINGA_DATA_KEYS: process.env.MINGA_DATA_KEYS ?? `v1:${Buffer.alloc(32, 7).toString('base64')}`,
    MINGA_BLIND_INDEX_KEY: process.env.MINGA_BLIND_INDEX_KEY ?? Buffer.alloc(32, 9).toString('base64'),
    MINGA_AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    DATABASE_URL: databaseUrl ?? '',
    REDIS_URL: '',
    MINGA_DATA_DIR: databaseUrl ? '' : mkdtempSync(join(tmpdir(), 'minga-bench-')),
  }
  return spawn(process.execPath, [join(root, 'apps/server/src/main.ts'), 'serve'], { env, stdio: 'inherit' })
}

async function waitReady(base: string) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/ready`)).ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error('server did not become ready in 60 s')
}

export async function startBenchServer(options: { port: number; database: string }): Promise<BenchServer> {
  const base = `http://127.0.0.1:${options.port}`
  const origin = `http://localhost:${options.port}`
  const databaseUrl = await freshDatabaseUrl(options.database)
  const child = spawnServer(options.port, origin, databaseUrl)
  const stop = () => {
    child.kill('SIGTERM')
  }
  try {
    await waitReady(base)
  } catch (error) {
    stop()
    throw error
  }
  async function api<T>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> {
    const response = await fetch(`${base}${path}`, {
      ...init,
      headers: {
        'content-type': 'application/json',
        origin,
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...init.headers,
      },
    })
    const text = await response.text()
    if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${text}`)
    return (text ? JSON.parse(text) : null) as T
  }
  return { base, origin, databaseUrl, api, stop }
}

/** Signs a user up and returns their bearer token and id. */
export async function signUpBenchUser(server: BenchServer, name: string, email: string) {
  const result = await server.api<{ token: string; user: { id: string } }>('/api/auth/sign-up/email', {
    method: 'POST',
    body: JSON.stringify({ name, email, password: 'bench-password-123' }),
  })
  return { token: result.token, id: result.user.id, email }
}
