// Assembly voting scenario (issue 6): BENCH_UNITS units (2,000) checked in (seeded BENCH_CONCURRENCY requests at a time), one secret coefficient-weighted
// motion with live results, BENCH_VIEWERS Socket.IO clients (500) watching the org room, and every unit
// casting its ballot. Prints cast latency (p50/p99), the time to cast them all, and how long the live
// tally took to reach the viewers. Targets: every ballot within 60 s with cast p99 < 50 ms; results to
// 500 viewers with p99 < 500 ms.
import { performance } from 'node:perf_hooks'
import { io, type Socket } from 'socket.io-client'
import { percentile, pool, round } from '../lib/measure.ts'
import { type BenchServer, signUpBenchUser, startBenchServer } from '../lib/minga-server.ts'

const units = Number(process.env.BENCH_UNITS ?? 2000)
const viewers = Number(process.env.BENCH_VIEWERS ?? 500)
const voterCount = Number(process.env.BENCH_VOTERS ?? 40)
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8)
/** Ballots per second: 2,000 units at 50/s vote in 40 s, inside the 60 s target. */
const castRate = Number(process.env.BENCH_RATE ?? 50)
const slug = 'bench-edificio'

type Voter = { token: string; id: string; email: string }

async function seed(server: BenchServer) {
  const admin = await signUpBenchUser(server, 'Administración', `admin-${Date.now()}@bench.test`)
  const org = `/api/v1/orgs/${slug}`
  await server.api('/api/v1/orgs', {
    method: 'POST',
    token: admin.token,
    body: JSON.stringify({ name: 'Edificio de prueba', slug, kind: 'housing' }),
  })
  const rows = Array.from({ length: units }, (_, i) => {
    const tower = `T${1 + (i % 10)}`
    return `${tower}-${String(i + 1).padStart(4, '0')},apartment,${tower},${60 + (i % 7) * 9}`
  })
  await server.api(`${org}/units/import`, {
    method: 'POST',
    token: admin.token,
    body: JSON.stringify({ csv: `code,type,building,area\n${rows.join('\n')}`, coefficientsFromAreas: true }),
  })
  const voters: Voter[] = []
  for (let i = 0; i < voterCount; i++) {
    const voter = await signUpBenchUser(
      server,
      `Residente ${i + 1}`,
      `residente-${i}-${Date.now()}@bench.test`,
    )
    await server.api(`${org}/members`, {
      method: 'POST',
      token: admin.token,
      body: JSON.stringify({ email: voter.email, role: 'member' }),
    })
    voters.push(voter)
  }
  const unitIds: string[] = []
  let cursor: string | null = null
  do {
    const page: { items: { id: string }[]; nextCursor: string | null } = await server.api(
      `${org}/units?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
      { token: admin.token },
    )
    unitIds.push(...page.items.map((u) => u.id))
    cursor = page.nextCursor
  } while (cursor)
  await pool(unitIds.length, concurrency, async (i) => {
    const voter = voters[i % voters.length] as Voter
    await server.api(`${org}/units/${unitIds[i]}/holders`, {
      method: 'POST',
      token: admin.token,
      body: JSON.stringify({ name: `Propietario ${i + 1}`, userId: voter.id, role: 'owner', isVoter: true }),
    })
  })
  const today = new Date()
  const noticeSentOn = new Date(today.getTime() - 20 * 86_400_000).toISOString().slice(0, 10)
  const assembly = await server.api<{ id: string; agenda: { id: string }[] }>(`${org}/assemblies`, {
    method: 'POST',
    token: admin.token,
    body: JSON.stringify({
      title: 'Asamblea ordinaria de prueba',
      firstCallAt: new Date(today.getTime() - 60_000).toISOString(),
      noticeSentOn,
      agenda: [{ title: 'Aprobación del presupuesto' }],
    }),
  })
  await server.api(`${org}/assemblies/${assembly.id}/convene`, {
    method: 'POST',
    token: admin.token,
    body: '{}',
  })
  await server.api(`${org}/assemblies/${assembly.id}/start`, {
    method: 'POST',
    token: admin.token,
    body: '{}',
  })
  await pool(unitIds.length, concurrency, async (i) => {
    await server.api(`${org}/assemblies/${assembly.id}/attendance/check-in`, {
      method: 'POST',
      token: admin.token,
      body: JSON.stringify({ unitId: unitIds[i] }),
    })
  })
  const motion = await server.api<{ id: string }>(`${org}/assemblies/${assembly.id}/motions`, {
    method: 'POST',
    token: admin.token,
    body: JSON.stringify({
      agendaItemId: assembly.agenda[0]?.id,
      title: '¿Aprueba el presupuesto?',
      secrecy: 'secret',
      resultsVisibility: 'live',
    }),
  })
  await server.api(`${org}/motions/${motion.id}/open`, { method: 'POST', token: admin.token, body: '{}' })
  return { org, voters, unitIds, motionId: motion.id }
}

async function connectViewers(server: BenchServer, voters: Voter[]) {
  const sockets: Socket[] = []
  await pool(viewers, 25, async (i) => {
    const voter = voters[i % voters.length] as Voter
    const socket = io(server.base, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: { token: voter.token },
      extraHeaders: { origin: server.origin },
      reconnection: false,
    })
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => {
        socket.emit('org:join', slug, (reply: { ok: boolean }) =>
          reply.ok ? resolve() : reject(new Error('org:join refused')),
        )
      })
      socket.once('connect_error', reject)
    })
    sockets.push(socket)
  })
  return sockets
}

const server = await startBenchServer({
  port: Number(process.env.BENCH_PORT ?? 3301),
  database: 'minga_bench_assemblies',
})
let sockets: Socket[] = []
try {
  const started = performance.now()
  const { org, voters, unitIds, motionId } = await seed(server)
  console.log(
    `seeded ${unitIds.length} units, ${voters.length} voters in ${round((performance.now() - started) / 1000)} s`,
  )
  sockets = await connectViewers(server, voters)

  // When the k-th ballot was acknowledged, and when each viewer first saw a tally of ≥ k ballots.
  const committedAt: number[] = []
  const deliveries: number[] = []
  const seenByViewer = sockets.map(() => 0)
  sockets.forEach((socket, viewer) => {
    socket.on('motion.tally_changed', (payload: { motionId: string; ballotsCast: number }) => {
      if (payload.motionId !== motionId) return
      const now = performance.now()
      for (let k = (seenByViewer[viewer] ?? 0) + 1; k <= payload.ballotsCast; k++) {
        const at = committedAt[k - 1]
        if (at !== undefined) deliveries.push(now - at)
      }
      seenByViewer[viewer] = Math.max(seenByViewer[viewer] ?? 0, payload.ballotsCast)
    })
  })

  // Open loop: ballots arrive at a fixed rate whatever the server's pace, as voters pressing "votar" would.
  const castLatencies: number[] = []
  let failures = 0
  const castStart = performance.now()
  await Promise.all(
    unitIds.map(async (unitId, i) => {
      await new Promise((r) => setTimeout(r, (i * 1000) / castRate))
      const voter = voters[i % voters.length] as Voter
      const t0 = performance.now()
      try {
        await server.api(`${org}/motions/${motionId}/ballots`, {
          method: 'POST',
          token: voter.token,
          body: JSON.stringify({ unitId, choice: [i % 3 === 0 ? 'no' : 'yes'] }),
        })
        const t1 = performance.now()
        castLatencies.push(t1 - t0)
        committedAt.push(t1)
      } catch (error) {
        failures++
        if (failures <= 3) console.error(error)
      }
    }),
  )
  const castSeconds = (performance.now() - castStart) / 1000
  // Let the last tallies arrive.
  const deadline = performance.now() + 15_000
  while (seenByViewer.some((seen) => seen < committedAt.length) && performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100))
  }
  const lagging = seenByViewer.filter((seen) => seen < committedAt.length).length
  castLatencies.sort((a, b) => a - b)
  deliveries.sort((a, b) => a - b)
  console.log(
    `\nAssembly voting (${server.databaseUrl ? 'PostgreSQL' : 'embedded PGlite'}, ${unitIds.length} units, ballots arriving at ${castRate}/s, ${sockets.length} viewers)`,
  )
  console.table([
    {
      measure: 'cast a ballot (HTTP)',
      count: castLatencies.length,
      p50_ms: round(percentile(castLatencies, 50)),
      p99_ms: round(percentile(castLatencies, 99)),
      errors: failures,
      note: `all cast in ${round(castSeconds)} s (${Math.round(castLatencies.length / castSeconds)}/s)`,
    },
    {
      measure: 'live tally reaches a viewer',
      count: deliveries.length,
      p50_ms: round(percentile(deliveries, 50)),
      p99_ms: round(percentile(deliveries, 99)),
      errors: lagging,
      note: `${lagging} viewers missed the final tally`,
    },
  ])
} finally {
  for (const socket of sockets) socket.disconnect()
  server.stop()
}
