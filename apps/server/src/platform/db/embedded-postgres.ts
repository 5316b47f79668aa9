import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { citext } from '@electric-sql/pglite/contrib/citext'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import { PgliteWireServer } from './pglite-wire-server.ts'

export type EmbeddedPostgres = {
  /** Directory holding the Unix socket; use it as `host` for node-postgres and pg-boss. */
  socketDir: string
  pglite: PGlite
  stop(): Promise<void>
}

/**
 * Runs PGlite (PostgreSQL in WASM) behind a local Unix socket, so the server, pg-boss and every
 * tool speak the ordinary PostgreSQL protocol through `pg`: one code path for embedded and real
 * PostgreSQL. PGlite is single-session, so code must only use SET LOCAL inside transactions.
 */
export async function startEmbeddedPostgres(options: {
  dataDir?: string
  loadDataDir?: Blob
}): Promise<EmbeddedPostgres> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true })
  const pglite = await PGlite.create({
    dataDir: options.dataDir ?? 'memory://',
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: { pg_trgm, unaccent, citext },
  })
  const socketDir = mkdtempSync(join(tmpdir(), 'minga-pg-'))
  const server = new PgliteWireServer(pglite)
  await server.listen(join(socketDir, '.s.PGSQL.5432'))
  return {
    socketDir,
    pglite,
    async stop() {
      await server.close()
      await pglite.close()
      rmSync(socketDir, { recursive: true, force: true })
    },
  }
}
