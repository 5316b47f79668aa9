// Permission-check overhead: the same org-scoped read (announcements list under RLS) through the
// full access check, and through a bench-only route that skips it. Runs in one process with
// `inject` (no network), sequentially, so the difference is the access check itself.
import { performance } from 'node:perf_hooks'
import { AnnouncementPage, AnnouncementQuery } from '@minga/contracts'
import { z } from 'zod'
import { buildApp } from '../../apps/server/src/app.ts'
import { listAnnouncements } from '../../apps/server/src/modules/announcements/index.ts'
import { modules } from '../../apps/server/src/modules/index.ts'
import { loadConfig } from '../../apps/server/src/platform/config.ts'
import { openDatabase } from '../../apps/server/src/platform/db/connection.ts'
import { runMigrations } from '../../apps/server/src/platform/db/migrate.ts'
import { withOrg } from '../../apps/server/src/platform/db/with-org.ts'
import type { ModuleManifest } from '../../apps/server/src/platform/module-manifest.ts'

const ORIGIN = 'http://localhost:3000'
const iterations = Number(process.env.BENCH_ITERATIONS ?? 3000)

const withoutAccessCheck: ModuleManifest = {
  key: 'bench',
  label: { es: 'Bench', en: 'Bench' },
  description: { es: 'Solo para medir', en: 'Measurement only' },
  defaultFor: [],
  permissions: [],
  routes(app) {
    // The same schemas as the real route, so validation and serialization cost the same.
    app.get(
      '/api/v1/bench/:orgId/announcements',
      {
        config: { access: 'public' },
        schema: {
          hide: true,
          params: z.object({ orgId: z.uuid() }),
          querystring: AnnouncementQuery,
          response: { 200: AnnouncementPage },
        },
      },
      async (request) => {
        const { orgId } = request.params as { orgId: string }
        const query = request.query as z.infer<typeof AnnouncementQuery>
        return withOrg(app.platform.database.db, orgId, (tx) =>
          listAnnouncements(
            {
              db: tx,
              orgId,
              actor: { userId: null, role: 'system' },
              requestId: request.id,
              now: new Date(),
              ip: null,
            },
            query,
          ),
        )
      },
    )
  },
}

async function freshDatabase() {
  const url = process.env.DATABASE_URL
  if (!url) return openDatabase({})
  const pg = await import('pg')
  const admin = new pg.default.Client({ connectionString: url })
  await admin.connect()
  await admin.query('DROP DATABASE IF EXISTS minga_bench_access WITH (FORCE)')
  await admin.query('CREATE DATABASE minga_bench_access')
  await admin.end()
  const bench = new URL(url)
  bench.pathname = '/minga_bench_access'
  return openDatabase({ databaseUrl: bench.toString() })
}

const database = await freshDatabase()
await runMigrations(database.db)
const config = loadConfig({
  NODE_ENV: 'production',
  BETTER_AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-0000',
  LOG_LEVEL: 'warn',
  MINGA_RATE_LIMIT_PER_MINUTE: '100000000',
  MINGA_DEMO_SEED: 'false',
})
const app = await buildApp(config, { database, workers: false, modules: [...modules, withoutAccessCheck] })
const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url,
    payload,
    headers: { origin: ORIGIN, 'content-type': 'application/json', ...headers },
  })

const signUp = await post('/api/auth/sign-up/email', {
  name: 'Bench',
  email: 'bench@example.test',
  password: 'bench-password-123',
})
const token = signUp.json().token as string
const auth = { authorization: `Bearer ${token}` }
const org = (
  await post('/api/v1/orgs', { name: 'Bench Coop', slug: 'bench-coop', kind: 'housing' }, auth)
).json()
for (let i = 0; i < 40; i++) {
  await post('/api/v1/orgs/bench-coop/announcements', { title: `Aviso ${i}`, body: 'Texto del aviso.' }, auth)
}

type Target = { url: string; headers: Record<string, string> }

/** Alternates the two requests so warm-up, GC and machine noise fall on both alike. */
async function measureInterleaved(a: Target, b: Target) {
  const send = async (target: Target) => {
    const start = performance.now()
    const response = await app.inject({ method: 'GET', url: target.url, headers: target.headers })
    if (response.statusCode !== 200) throw new Error(`${target.url}: ${response.statusCode} ${response.body}`)
    return performance.now() - start
  }
  for (let i = 0; i < 300; i++) {
    await send(a)
    await send(b)
  }
  const times: [number[], number[]] = [[], []]
  for (let i = 0; i < iterations; i++) {
    times[0].push(await send(a))
    times[1].push(await send(b))
  }
  return times.map((list) => {
    list.sort((x, y) => x - y)
    const at = (q: number) => list[Math.floor(q * (list.length - 1))]!
    return { mean: list.reduce((x, y) => x + y, 0) / list.length, p50: at(0.5), p99: at(0.99) }
  }) as [Stats, Stats]
}
type Stats = { mean: number; p50: number; p99: number }

const [withCheck, withoutCheck] = await measureInterleaved(
  { url: '/api/v1/orgs/bench-coop/announcements?limit=20', headers: auth },
  { url: `/api/v1/bench/${org.id}/announcements?limit=20`, headers: {} },
)
const fmt = (n: number) => n.toFixed(3)
const pct = (a: number, b: number) => (((a - b) / b) * 100).toFixed(1)
console.log(
  `\nAccess-check overhead (${database.mode}, ${iterations} requests each, interleaved, in-process)`,
)
console.table([
  {
    route: 'with the full access check',
    'mean ms': fmt(withCheck.mean),
    'p50 ms': fmt(withCheck.p50),
    'p99 ms': fmt(withCheck.p99),
  },
  {
    route: 'same read, no access check',
    'mean ms': fmt(withoutCheck.mean),
    'p50 ms': fmt(withoutCheck.p50),
    'p99 ms': fmt(withoutCheck.p99),
  },
])
console.log(
  `overhead: mean ${pct(withCheck.mean, withoutCheck.mean)} %, p50 ${pct(withCheck.p50, withoutCheck.p50)} % (target ≤ 10 %)`,
)
await app.close()
await database.close()
