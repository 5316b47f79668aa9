#!/usr/bin/env node
// Minga's command line: `minga serve | worker | migrate | seed --demo`.
import { parseArgs } from 'node:util'
import { buildApp } from './app.ts'
import { modules } from './modules/index.ts'
import { makeAuth } from './platform/auth/auth.ts'
import { type Config, ConfigError, loadConfig } from './platform/config.ts'
import { openDatabase } from './platform/db/connection.ts'
import { runMigrations } from './platform/db/migrate.ts'
import { createMailer } from './platform/mail/mailer.ts'
import { type DemoLogin, seedDemo } from './platform/seed/demo-seed.ts'

const usage = `Usage: minga <command> [options]

Commands:
  serve [--no-worker]   Start the API, web app and realtime server (and the job workers unless --no-worker)
  worker                Run only the job workers and the event dispatcher
  migrate               Apply pending database migrations
  seed --demo           Create the demo organizations and print their logins
`

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      'no-worker': { type: 'boolean', default: false },
      demo: { type: 'boolean', default: false },
      help: { type: 'boolean' },
    },
  })
  const command = positionals[0]
  if (values.help || !command) {
    process.stdout.write(usage)
    process.exit(command ? 0 : 1)
  }
  let config: Config
  try {
    config = loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`)
      process.exit(1)
    }
    throw err
  }
  switch (command) {
    case 'serve':
      return serve(config, { workers: !values['no-worker'] })
    case 'worker':
      return worker(config)
    case 'migrate':
      return migrateOnly(config)
    case 'seed':
      if (!values.demo) throw new Error('Only `minga seed --demo` is available')
      return seedOnly(config)
    default:
      process.stderr.write(`Unknown command: ${command}\n\n${usage}`)
      process.exit(1)
  }
}

async function openMigrated(config: Config) {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolMax: config.databasePoolMax,
  })
  await runMigrations(database.db)
  return database
}

async function serve(config: Config, options: { workers: boolean }) {
  const database = await openMigrated(config)
  const app = await buildApp(config, { database, workers: options.workers })
  app.addHook('onClose', () => database.close())
  let logins: DemoLogin[] = []
  if (config.demoSeed) logins = await seedDemo(database.db, app.platform.auth, app.platform.modules)
  await app.listen({ port: config.port, host: config.host })
  stopOnSignals(() => app.close())
  const where = database.mode === 'embedded' ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL'
  const lines = [
    ``,
    `Minga is running at ${config.baseUrl} (${where})`,
    `API reference: ${config.baseUrl}/api/docs`,
  ]
  if (logins.length) {
    lines.push('', 'Demo organizations (email / password):')
    for (const login of logins) lines.push(`  ${login.org.padEnd(36)} ${login.email} / ${login.password}`)
  }
  process.stdout.write(`${lines.join('\n')}\n\n`)
}

async function worker(config: Config) {
  const database = await openMigrated(config)
  const app = await buildApp(config, { database, workers: true })
  app.addHook('onClose', () => database.close())
  await app.ready()
  app.log.info('worker started: processing jobs and events')
  stopOnSignals(() => app.close())
}

async function migrateOnly(config: Config) {
  const database = await openMigrated(config)
  await database.close()
  process.stdout.write('Migrations applied.\n')
}

async function seedOnly(config: Config) {
  const database = await openMigrated(config)
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, mailboxDir: undefined })
  const logins = await seedDemo(database.db, makeAuth(database.db, config, mailer), modules)
  for (const login of logins) process.stdout.write(`${login.org}: ${login.email} / ${login.password}\n`)
  await database.close()
}

/** Graceful shutdown: stop taking requests, finish in-flight work, close the database. */
function stopOnSignals(close: () => Promise<unknown>) {
  let stopping = false
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return
      stopping = true
      const force = setTimeout(() => process.exit(1), 10_000)
      force.unref()
      close().then(
        () => process.exit(0),
        () => process.exit(1),
      )
    })
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exit(1)
})
