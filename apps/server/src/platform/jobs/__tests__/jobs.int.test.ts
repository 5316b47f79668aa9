import pino from 'pino'
import { afterAll, describe, expect, it } from 'vitest'
import { eventually, openTestDatabase } from '../../../../test/harness.ts'
import { type Database, openDatabase } from '../../db/connection.ts'
import { runMigrations } from '../../db/migrate.ts'
import { JobRunner } from '../jobs.ts'

const log = pino({ level: 'silent' })

/** Exercises one job system on a given database: retries with backoff and cron registration. */
async function exerciseJobs(database: Database) {
  const runner = new JobRunner(database.connection, log)
  const attempts: number[] = []
  runner.define<{ n: number }>({
    name: 'test.flaky',
    retryLimit: 3,
    retryDelaySeconds: 1,
    async handler(data) {
      attempts.push(data.n)
      if (attempts.length < 2) throw new Error('transient failure')
    },
  })
  runner.define({ name: 'test.nightly', cron: { expression: '0 2 * * *' }, handler: async () => {} })
  await runner.start({ workers: true })
  try {
    await runner.send('test.flaky', { n: 7 })
    await eventually(async () => attempts.length === 2, 20_000)
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(attempts).toEqual([7, 7])
    const schedules = await runner.boss.getSchedules()
    expect(schedules.map((s) => [s.name, s.cron, s.timezone])).toContainEqual([
      'test.nightly',
      '0 2 * * *',
      'America/Bogota',
    ])
    await expect(runner.send('test.unknown', {})).rejects.toThrow(/Unknown job/)
  } finally {
    await runner.stop()
  }
}

describe('jobs', () => {
  const opened: { close(): Promise<void> }[] = []
  afterAll(async () => {
    for (const db of opened) await db.close()
  })

  it('retry a failing job with backoff and register cron schedules on the test database', async () => {
    const database = await openTestDatabase()
    opened.push({
      close: async () => {
        await database.close()
        await database.drop()
      },
    })
    await exerciseJobs(database)
  })

  it('run the same definitions on embedded PGlite, whatever DATABASE_URL says', async () => {
    const database = await openDatabase({})
    opened.push(database)
    expect(database.mode).toBe('embedded')
    await runMigrations(database.db)
    await exerciseJobs(database)
  })
})
