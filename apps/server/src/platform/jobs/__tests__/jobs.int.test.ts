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

  it('drain a backlog in batches where one failing job retries alone and its batch-mates complete once', async () => {
    const database = await openTestDatabase()
    opened.push({
      close: async () => {
        await database.close()
        await database.drop()
      },
    })
    const runs = new Map<number, number>()
    const backlogRunner = () => {
      const runner = new JobRunner(database.connection, log)
      runner.define<{ n: number }>({
        name: 'test.backlog',
        retryLimit: 2,
        retryDelaySeconds: 1,
        async handler({ n }) {
          runs.set(n, (runs.get(n) ?? 0) + 1)
          if (n === 3 && runs.get(n) === 1) throw new Error('first attempt of job 3 fails')
        },
      })
      return runner
    }
    // Jobs queued before any worker starts: the first fetch finds a full batch.
    const producer = backlogRunner()
    await producer.start({ workers: false })
    for (let n = 0; n < 25; n++) await producer.send('test.backlog', { n })
    await producer.stop()
    const worker = backlogRunner()
    await worker.start({ workers: true })
    try {
      await eventually(async () => runs.size === 25 && runs.get(3) === 2, 20_000)
      await new Promise((resolve) => setTimeout(resolve, 1000))
      const counts = [...runs.entries()].sort(([a], [b]) => a - b).map(([, count]) => count)
      expect(counts).toEqual(Array.from({ length: 25 }, (_, n) => (n === 3 ? 2 : 1)))
    } finally {
      await worker.stop()
    }
  })

  it('run the same definitions on embedded PGlite, whatever DATABASE_URL says', async () => {
    const database = await openDatabase({})
    opened.push(database)
    expect(database.mode).toBe('embedded')
    await runMigrations(database.db)
    await exerciseJobs(database)
  })
})
