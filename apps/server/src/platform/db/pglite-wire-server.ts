import { createServer, type Server, type Socket } from 'node:net'
import type { PGlite } from '@electric-sql/pglite'

const SSL_REQUEST = 80877103
const CANCEL_REQUEST = 80877102
const PROTOCOL_V3 = 196608

/**
 * Serves one PGlite database over the PostgreSQL wire protocol on a Unix socket, for many client
 * connections at once. PGlite has a single session, so a connection holds it from its first
 * message until a Sync or simple Query completes outside a transaction: another connection's
 * Parse can never land between this one's Parse and Bind, and a transaction is never interleaved.
 *
 * Written here because @electric-sql/pglite-socket 0.2.17 interleaves extended-protocol messages
 * of concurrent connections outside explicit transactions ("bind message supplies 3 parameters,
 * but prepared statement requires 4").
 */
export class PgliteWireServer {
  private readonly db: PGlite
  private readonly sessionLock = new SessionLock()
  private readonly sockets = new Set<Socket>()
  private server: Server | undefined

  constructor(db: PGlite) {
    this.db = db
  }

  async listen(path: string): Promise<void> {
    await this.db.waitReady
    this.server = createServer((socket) => this.accept(socket))
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject)
      this.server?.listen(path, () => resolve())
    })
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
  }

  private accept(socket: Socket) {
    this.sockets.add(socket)
    const connection = new Connection(this.db, this.sessionLock, socket)
    socket.on('data', (chunk: Buffer) => connection.receive(chunk))
    socket.on('error', () => socket.destroy())
    socket.on('close', () => {
      this.sockets.delete(socket)
      connection.end()
    })
  }
}

class Connection {
  private buffer = Buffer.alloc(0)
  private pending: Buffer[] = []
  private started = false
  private release: (() => void) | undefined
  private work: Promise<void> = Promise.resolve()
  private readonly db: PGlite
  private readonly lock: SessionLock
  private readonly socket: Socket

  constructor(db: PGlite, lock: SessionLock, socket: Socket) {
    this.db = db
    this.lock = lock
    this.socket = socket
  }

  receive(chunk: Buffer) {
    this.buffer = Buffer.concat([this.buffer, chunk])
    for (;;) {
      const message = this.nextMessage()
      if (!message) return
      if (message.kind === 'ssl') {
        this.socket.write('N') // no TLS on a local socket; the client continues in plain text
        continue
      }
      if (message.kind === 'cancel' || message.type === 'X') {
        // Cancel is unsupported; Terminate closes only this client, never the shared session.
        this.socket.end()
        return
      }
      this.pending.push(message.bytes)
      // A unit ends where the client waits for an answer: Sync, simple Query, Flush, startup.
      if (message.kind === 'startup' || 'SQH'.includes(message.type)) {
        const unit = Buffer.concat(this.pending)
        this.pending = []
        const endsExchange = message.kind === 'startup' || 'SQ'.includes(message.type)
        this.work = this.work
          .then(() => this.run(unit, endsExchange))
          .catch(() => {
            this.socket.destroy()
          })
      }
    }
  }

  /** Parses one complete message off the buffer, or returns undefined until more bytes arrive. */
  private nextMessage():
    | { kind: 'ssl' | 'cancel' | 'startup'; bytes: Buffer; type: '' }
    | { kind: 'typed'; bytes: Buffer; type: string }
    | undefined {
    if (!this.started) {
      if (this.buffer.length < 8) return undefined
      const length = this.buffer.readInt32BE(0)
      if (this.buffer.length < length) return undefined
      const code = this.buffer.readInt32BE(4)
      const bytes = this.buffer.subarray(0, length)
      this.buffer = this.buffer.subarray(length)
      if (code === SSL_REQUEST) return { kind: 'ssl', bytes, type: '' }
      if (code === CANCEL_REQUEST) return { kind: 'cancel', bytes, type: '' }
      if (code !== PROTOCOL_V3) throw new Error(`unsupported protocol ${code}`)
      this.started = true
      return { kind: 'startup', bytes, type: '' }
    }
    if (this.buffer.length < 5) return undefined
    const length = 1 + this.buffer.readInt32BE(1)
    if (this.buffer.length < length) return undefined
    const bytes = this.buffer.subarray(0, length)
    this.buffer = this.buffer.subarray(length)
    return { kind: 'typed', bytes, type: String.fromCharCode(bytes[0] ?? 0) }
  }

  private async run(unit: Buffer, endsExchange: boolean) {
    this.release ??= await this.lock.acquire()
    await this.db.runExclusive(() =>
      this.db.execProtocolRawStream(new Uint8Array(unit), {
        onRawData: (data) => {
          if (this.socket.writable) this.socket.write(Buffer.from(data))
        },
      }),
    )
    if (endsExchange && !this.db.isInTransaction()) this.releaseSession()
  }

  /** A client that disconnects mid-transaction must not leave the shared session inside it. */
  end() {
    this.work = this.work.then(async () => {
      if (!this.release) return
      if (this.db.isInTransaction()) await this.db.exec('ROLLBACK').catch(() => {})
      this.releaseSession()
    })
  }

  private releaseSession() {
    const release = this.release
    this.release = undefined
    release?.()
  }
}

/** A FIFO mutex: connections take PGlite's single session in arrival order. */
class SessionLock {
  private tail: Promise<void> = Promise.resolve()

  acquire(): Promise<() => void> {
    let release!: () => void
    const next = new Promise<void>((resolve) => {
      release = resolve
    })
    const acquired = this.tail.then(() => release)
    this.tail = this.tail.then(() => next)
    return acquired
  }
}
