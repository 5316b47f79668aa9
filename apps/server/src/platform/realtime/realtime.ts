import type { Server as HttpServer } from 'node:http'
import { createAdapter } from '@socket.io/redis-adapter'
import { Redis } from 'ioredis'
import { Server, type Socket } from 'socket.io'
import { type Auth, type SessionUser, sessionUser } from '../auth/auth.ts'
import type { Db } from '../db/connection.ts'
import { findMembershipBySlug } from '../tenancy/tenancy.repository.ts'

type SocketData = { user: SessionUser }

export type ClientEventHandler = (user: SessionUser, payload: unknown) => Promise<unknown>

/**
 * Socket.IO on the API's own HTTP server. The handshake authenticates with the session cookie or
 * `auth.token` (bearer); a client joins an org's room only as a member. With REDIS_URL, a Redis
 * adapter fans events out across every server instance.
 */
export class Realtime {
  private io: Server | undefined
  private redis: Redis[] = []
  private readonly clientEvents = new Map<string, ClientEventHandler>()

  private readonly auth: Auth
  private readonly db: Db
  private readonly redisUrl: string | undefined

  constructor(auth: Auth, db: Db, redisUrl: string | undefined) {
    this.auth = auth
    this.db = db
    this.redisUrl = redisUrl
  }

  attach(server: HttpServer) {
    const io = new Server(server, { serveClient: false, cors: { origin: false } })
    if (this.redisUrl) {
      const pub = new Redis(this.redisUrl, { lazyConnect: false, maxRetriesPerRequest: null })
      const sub = pub.duplicate()
      this.redis = [pub, sub]
      io.adapter(createAdapter(pub, sub))
    }
    io.use(async (socket, next) => {
      try {
        const headers = { ...socket.request.headers }
        const token = (socket.handshake.auth as { token?: unknown }).token
        if (typeof token === 'string') headers.authorization = `Bearer ${token}`
        const user = await sessionUser(this.auth, headers)
        if (!user) return next(new Error('unauthenticated'))
        ;(socket.data as SocketData).user = user
        next()
      } catch {
        next(new Error('unauthenticated'))
      }
    })
    io.on('connection', (socket) => this.onConnection(socket))
    this.io = io
  }

  /**
   * Lets a module answer an event sent by clients (e.g. `conversation:typing`). The handler gets the
   * authenticated user and the raw payload: validate it, and check membership yourself.
   */
  onClientEvent(event: string, handler: ClientEventHandler) {
    if (event.startsWith('org:')) throw new Error(`Client event ${event} is reserved`)
    this.clientEvents.set(event, handler)
  }

  private onConnection(socket: Socket) {
    const { user } = socket.data as SocketData
    for (const [event, handler] of this.clientEvents) {
      socket.on(event, (payload: unknown, ack?: (reply: unknown) => void) => {
        handler(user, payload)
          .then((reply) => ack?.(reply ?? { ok: true }))
          .catch(() => ack?.({ ok: false }))
      })
    }
    // Every connection of a user joins their own room: inbox items and chat messages are pushed there.
    void socket.join(userRoom(user.id))
    socket.on('org:join', async (slug: unknown, ack?: (reply: { ok: boolean }) => void) => {
      const membership = typeof slug === 'string' ? await findMembershipBySlug(this.db, slug, user.id) : null
      if (membership) await socket.join(orgRoom(membership.org.id))
      ack?.({ ok: Boolean(membership) })
    })
    socket.on('org:leave', async (slug: unknown) => {
      const membership = typeof slug === 'string' ? await findMembershipBySlug(this.db, slug, user.id) : null
      if (membership) await socket.leave(orgRoom(membership.org.id))
    })
  }

  /** Pushes to every member connected to the org, on any instance. */
  emitToOrg(orgId: string, event: string, payload: unknown) {
    this.io?.to(orgRoom(orgId)).emit(event, payload)
  }

  /** Pushes to every connection of one user (all their tabs and devices, on any instance). */
  emitToUser(userId: string, event: string, payload: unknown) {
    this.io?.to(userRoom(userId)).emit(event, payload)
  }

  connectedClients(): number {
    return this.io?.engine.clientsCount ?? 0
  }

  async close() {
    if (this.io) await new Promise<void>((resolve) => this.io?.close(() => resolve()))
    for (const client of this.redis) client.disconnect()
  }
}

export const orgRoom = (orgId: string) => `org:${orgId}`
export const userRoom = (userId: string) => `user:${userId}`
