// API load scenario: an authenticated org-scoped list under RLS, and GET /api/v1/me.
// Prints req/s, p50, p99; each run is bounded in time.
import autocannon from 'autocannon'
import { type BenchServer, signUpBenchUser, startBenchServer } from '../lib/minga-server.ts'

const seconds = Number(process.env.BENCH_SECONDS ?? 10)

async function seed(server: BenchServer) {
  const { token } = await signUpBenchUser(server, 'Bench', `bench-${Date.now()}@example.test`)
  await server.api('/api/v1/orgs', {
    method: 'POST',
    token,
    body: JSON.stringify({ name: 'Bench Coop', slug: 'bench-coop', kind: 'housing' }),
  })
  await server.api('/api/v1/orgs', {
    method: 'POST',
    token,
    body: JSON.stringify({ name: 'Other Coop', slug: 'other-coop', kind: 'housing' }),
  })
  for (let i = 0; i < 60; i++) {
    const slug = i % 3 === 0 ? 'other-coop' : 'bench-coop'
    await server.api(`/api/v1/orgs/${slug}/announcements`, {
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

async function load(
  server: BenchServer,
  scenario: string,
  path: string,
  token: string,
  overallRate?: number,
): Promise<Row> {
  const result = await autocannon({
    url: `${server.base}${path}`,
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

const server = await startBenchServer({
  port: Number(process.env.BENCH_PORT ?? 3300),
  database: 'minga_bench',
})
try {
  const token = await seed(server)
  const rows: Row[] = []
  const list = '/api/v1/orgs/bench-coop/announcements?limit=20'
  await load(server, 'warm-up', list, token)
  for (const rate of [500, undefined]) {
    rows.push(await load(server, 'org-scoped list under RLS', list, token, rate))
    rows.push(await load(server, 'GET /api/v1/me', '/api/v1/me', token, rate))
  }
  console.log(
    `\nAPI (${server.databaseUrl ? 'PostgreSQL' : 'embedded PGlite'}, ${seconds} s per run, 10 connections)`,
  )
  console.table(rows)
} finally {
  server.stop()
}
