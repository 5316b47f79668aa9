import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { PgBoss } from 'pg-boss'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '../src/platform/db/connection.ts'
import { migrationsFolder, runMigrations } from '../src/platform/db/migrate.ts'

declare module 'vitest' {
  interface ProvidedContext {
    /** PostgreSQL: name of the migrated template database each test file clones. */
    templateDatabase: string | null
    /** PGlite: path of a dumped, migrated data directory each test file loads. */
    pgliteDump: string | null
  }
}

/** A hash of the migrations: the template is rebuilt only when they change. */
function migrationsHash() {
  const hash = createHash('sha256')
  for (const file of readdirSync(migrationsFolder).sort()) {
    if (file.endsWith('.sql')) hash.update(readFileSync(join(migrationsFolder, file)))
  }
  return hash.digest('hex').slice(0, 12)
}

/** Migrates once, installs pg-boss's schema once, and hands every test file a copy of the result. */
export async function setup(project: TestProject) {
  const databaseUrl = process.env.DATABASE_URL
  if (databaseUrl) {
    // One template per test process: parallel runs (two terminals, CI shards) must not drop each other's.
    const template = `minga_template_${migrationsHash()}_${process.pid}`
    const admin = new pg.Client({ connectionString: databaseUrl })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS ${template}`)
    await admin.query(`CREATE DATABASE ${template}`)
    await admin.end()
    const url = new URL(databaseUrl)
    url.pathname = `/${template}`
    const database = await openDatabase({ databaseUrl: url.toString() })
    await prepare(database)
    project.provide('templateDatabase', template)
    project.provide('pgliteDump', null)
    return async () => {
      const client = new pg.Client({ connectionString: databaseUrl })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`)
      await client.end()
    }
  }
  const database = await openDatabase({})
  await prepare(database)
  const dumpPath = join(tmpdir(), `minga-test-template-${migrationsHash()}-${process.pid}.tar`)
  const dump = await dumpEmbedded(database)
  writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()))
  await database.close()
  project.provide('templateDatabase', null)
  project.provide('pgliteDump', dumpPath)
}

async function prepare(database: Awaited<ReturnType<typeof openDatabase>>) {
  await runMigrations(database.db)
  const boss = new PgBoss({ ...database.connection, schema: 'pgboss', max: 2 })
  await boss.start()
  await boss.stop({ graceful: false })
  if (database.mode === 'postgres') await database.close()
}

async function dumpEmbedded(database: Awaited<ReturnType<typeof openDatabase>>): Promise<Blob> {
  if (!database.pglite) throw new Error('not an embedded database')
  return database.pglite.dumpDataDir('none')
}
