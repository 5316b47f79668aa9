// Communication scenario (issue 5). Two measurements on one server:
// 1. Broadcast: BENCH_CLIENTS (1,000) members, each with a Socket.IO connection; an admin publishes an
//    announcement, which notifies every member; how long until each client gets `notification.created`
//    (target p99 < 200 ms).
// 2. Chat: BENCH_CHATTERS participants of one group conversation send BENCH_CHAT_RATE messages/s (100) for
//    BENCH_SECONDS; how long a send takes, how long until every other participant gets `message.created`,
//    and whether every message was persisted (target: 100 messages/s sustained, persisted and delivered).
import { performance } from 'node:perf_hooks'
import { io, type Socket } from 'socket.io-client'
import { percentile, pool, round } from '../lib/measure.ts'
import { type BenchServer, signUpBenchUser, startBenchServer } from '../lib/minga-server.ts'

const clients = Number(process.env.BENCH_CLIENTS ?? 1000)
const chatters = Number(process.env.BENCH_CHATTERS ?? 20)
const chatRate = Number(process.env.BENCH_CHAT_RATE ?? 100)
const seconds = Number(process.env.BENCH_SECONDS ?? 30)
const slug = 'bench-comunidad'
const org = `/api/v1/orgs/${slug}`

type User = { token: string; id: string; email: string }

function summary(measure: string, samples: number[], note: string) {
  samples.sort((a, b) => a - b)
  return {
    measure,
    count: samples.length,
    p50_ms: round(percentile(samples, 50)),
    p99_ms: round(percentile(samples, 99)),
    note,
  }
}

async function connect(server: BenchServer, token: string): Promise<Socket> {
  const socket = io(server.base, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: { token },
    extraHeaders: { origin: server.origin },
    reconnection: false,
  })
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('connect_error', reject)
  })
  return socket
}

async function seed(server: BenchServer) {
  const stamp = Date.now()
  const admin = await signUpBenchUser(server, 'Administración', `admin-${stamp}@bench.test`)
  await server.api('/api/v1/orgs', {
    method: 'POST',
    token: admin.token,
    body: JSON.stringify({ name: 'Comunidad de prueba', slug, kind: 'community' }),
  })
  const members: User[] = []
  await pool(clients, 8, async (i) => {
    const user = await signUpBenchUser(server, `Persona ${i + 1}`, `persona-${i}-${stamp}@bench.test`)
    await server.api(`${org}/members`, {
      method: 'POST',
      token: admin.token,
      body: JSON.stringify({ email: user.email, role: 'member' }),
    })
    members.push(user)
  })
  return { admin, members }
}

async function broadcast(server: BenchServer, admin: User, sockets: Socket[]) {
  const received: number[] = []
  let publishedAt = 0
  for (const socket of sockets) {
    socket.on('notification.created', () => received.push(performance.now() - publishedAt))
  }
  const rounds = 3
  const samples: number[] = []
  for (let round = 0; round < rounds; round++) {
    received.length = 0
    await server.api(`${org}/announcements`, {
      method: 'POST',
      token: admin.token,
      body: JSON.stringify({ title: `Aviso ${round + 1}`, body: 'Corte de agua el sábado de 8 a 12.' }),
    })
    publishedAt = performance.now()
    const deadline = publishedAt + 10_000
    while (received.length < sockets.length && performance.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20))
    }
    samples.push(...received)
    await new Promise((r) => setTimeout(r, 500))
  }
  return summary(
    `broadcast notification to ${sockets.length} clients`,
    samples,
    `${rounds} announcements; ${samples.length}/${rounds * sockets.length} delivered`,
  )
}

async function chat(server: BenchServer, people: User[], sockets: Socket[]) {
  const [owner, ...rest] = people as [User, ...User[]]
  const conversation = await server.api<{ id: string }>(`${org}/conversations`, {
    method: 'POST',
    token: owner.token,
    body: JSON.stringify({ kind: 'group', title: 'Sala de prueba', participantIds: rest.map((p) => p.id) }),
  })
  // A message is pushed right after its commit, often before its 201 reaches the sender, so delivery is
  // timed from the moment the send started; receipts are matched to sends once every id is known.
  const receipts: { receiver: string; messageId: string; at: number }[] = []
  sockets.forEach((socket, j) => {
    const receiver = (people[j] as User).id
    socket.on('message.created', (event: { conversationId: string; messageId: string }) => {
      if (event.conversationId === conversation.id) {
        receipts.push({ receiver, messageId: event.messageId, at: performance.now() })
      }
    })
  })
  const sent = new Map<string, { startedAt: number; senderId: string }>()
  const sendLatencies: number[] = []
  let failures = 0
  const total = chatRate * seconds
  const start = performance.now()
  await Promise.all(
    Array.from({ length: total }, async (_, i) => {
      await new Promise((r) => setTimeout(r, (i * 1000) / chatRate))
      const sender = people[i % people.length] as User
      const t0 = performance.now()
      try {
        const message = await server.api<{ id: string }>(`${org}/conversations/${conversation.id}/messages`, {
          method: 'POST',
          token: sender.token,
          body: JSON.stringify({ body: `Mensaje ${i + 1} de la prueba de carga` }),
        })
        sendLatencies.push(performance.now() - t0)
        sent.set(message.id, { startedAt: t0, senderId: sender.id })
      } catch (error) {
        failures++
        if (failures <= 3) console.error(error)
      }
    }),
  )
  const elapsed = (performance.now() - start) / 1000
  const expected = sendLatencies.length * (people.length - 1)
  const toOthers = () =>
    receipts.filter((r) => {
      const message = sent.get(r.messageId)
      return message !== undefined && message.senderId !== r.receiver
    })
  const deadline = performance.now() + 15_000
  while (toOthers().length < expected && performance.now() < deadline)
    await new Promise((r) => setTimeout(r, 50))
  const delivered = toOthers()
  const deliveries = delivered.map((r) => r.at - (sent.get(r.messageId) as { startedAt: number }).startedAt)
  // Persisted: page through the conversation and count.
  let persisted = 0
  let before: string | null = null
  do {
    const page: { items: unknown[]; nextCursor: string | null } = await server.api(
      `${org}/conversations/${conversation.id}/messages?limit=100${before ? `&before=${before}` : ''}`,
      { token: owner.token },
    )
    persisted += page.items.length
    before = page.nextCursor
  } while (before)
  return [
    summary(
      'send a chat message (HTTP)',
      sendLatencies,
      `${sendLatencies.length} sent in ${round(elapsed)} s (${Math.round(sendLatencies.length / elapsed)}/s), ${failures} failed, ${persisted} persisted`,
    ),
    summary(
      `message reaches the other ${people.length - 1} participants (from send)`,
      deliveries,
      `${delivered.length}/${expected} deliveries`,
    ),
  ]
}

const server = await startBenchServer({
  port: Number(process.env.BENCH_PORT ?? 3302),
  database: 'minga_bench_communication',
})
const sockets: Socket[] = []
try {
  const started = performance.now()
  const { admin, members } = await seed(server)
  await pool(members.length, 25, async (i) => {
    sockets[i] = await connect(server, (members[i] as User).token)
  })
  console.log(
    `seeded ${members.length} members with a socket each in ${round((performance.now() - started) / 1000)} s`,
  )
  const rows = [await broadcast(server, admin, sockets)]
  const people = members.slice(0, chatters)
  const chatSockets = sockets.slice(0, chatters)
  for (const socket of sockets) socket.removeAllListeners('notification.created')
  rows.push(...(await chat(server, people, chatSockets)))
  console.log(`\nCommunication (${server.databaseUrl ? 'PostgreSQL' : 'embedded PGlite'})`)
  console.table(rows)
} finally {
  for (const socket of sockets) socket.disconnect()
  server.stop()
}
