import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import { type EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres.ts'
import { schema } from './schema.ts'

export type Db = NodePgDatabase<typeof schema>
export type ConnectionOptions = pg.PoolConfig

export type Database = {
  mode: 'embedded' | 'postgres'
  /** The PGlite instance in embedded mode (tests dump it to clone databases). */
  pglite: PGlite | undefined
  db: Db
  pool: pg.Pool
  /** Connection settings for other clients of the same database (pg-boss). */
  connection: ConnectionOptions
  close(): Promise<void>
}

// bigint columns (money in minor units, counters) come back as strings unless told otherwise.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => BigInt(v))

export async function openDatabase(options: {
  databaseUrl?: string | undefined
  dataDir?: string
  poolMax?: number
  /** Embedded only: start from a dumped data directory (tests clone a migrated template). */
  loadDataDir?: Blob
}): Promise<Database> {
  let embedded: EmbeddedPostgres | undefined
  let releaseLock = () => {}
  let connection: ConnectionOptions
  if (options.databaseUrl) {
    connection = { connectionString: options.databaseUrl }
  } else {
    const pgDataDir = options.dataDir ? join(options.dataDir, 'pgdata') : undefined
    if (options.dataDir) releaseLock = lockDataDir(options.dataDir)
    embedded = await startEmbeddedPostgres({
      ...(pgDataDir ? { dataDir: pgDataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    })
    connection = { host: embedded.socketDir, user: 'postgres', database: 'postgres' }
  }
  const pool = new pg.Pool({ ...connection, max: options.poolMax ?? 10 })
  // An idle client that loses its server must not crash the process; the pool replaces it.
  pool.on('error', () => {})
  return {
    mode: embedded ? 'embedded' : 'postgres',
    pglite: embedded?.pglite,
    db: drizzle({ client: pool, schema }),
    pool,
    connection,
    async close() {
      await pool.end()
      await embedded?.stop()
      releaseLock()
    },
  }
}

/** PGlite must never be opened by two processes: fail with a clear message instead of corrupting it. */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true })
  const lockFile = join(dataDir, 'minga.pid')
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, 'utf8'))
    if (pid && pid !== process.pid && isRunning(pid)) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by process ${pid}. Stop it, or set MINGA_DATA_DIR to another folder.`,
      )
    }
  }
  closeSync(openSync(lockFile, 'w'))
  writeFileSync(lockFile, String(process.pid))
  return () => rmSync(lockFile, { force: true })
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
