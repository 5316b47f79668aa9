import type { FastifyBaseLogger } from 'fastify'
import { PgBoss, type SendOptions } from 'pg-boss'
import type { ConnectionOptions } from '../db/connection.ts'

export type JobDef<T extends object = object> = {
  name: string
  handler: (data: T, meta: { id: string }) => Promise<void>
  /** Retries with exponential backoff; defaults: 5 tries starting at 10 s. */
  retryLimit?: number
  retryDelaySeconds?: number
  /** Cron expression: the job runs once per tick across all instances (pg-boss holds the lock). */
  cron?: { expression: string; timezone?: string }
  concurrency?: number
}

const JOB_BATCH_SIZE = 10

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

/**
 * Background jobs on pg-boss. The same definitions run against PostgreSQL and the embedded
 * PGlite (reached through its socket), so there is one job system, not two.
 */
export class JobRunner {
  readonly boss: PgBoss
  private readonly defs = new Map<string, JobDef>()
  private started = false
  /** Queue → the id of this process's worker, when it runs workers. */
  private readonly localWorkers = new Map<string, string>()

  private readonly log: FastifyBaseLogger

  constructor(connection: ConnectionOptions, log: FastifyBaseLogger) {
    this.log = log
    this.boss = new PgBoss({ ...connection, max: 4, schema: 'pgboss' })
    this.boss.on('error', (err) => this.log.error({ err }, 'job system error'))
  }

  define<T extends object>(def: JobDef<T>) {
    if (this.defs.has(def.name)) throw new Error(`Job ${def.name} is defined twice`)
    this.defs.set(def.name, def as JobDef)
  }

  /** Starts the queue system; with `workers`, also processes jobs and runs the cron schedules. */
  async start(options: { workers: boolean }) {
    await this.boss.start()
    this.started = true
    for (const def of this.defs.values()) {
      await this.boss.createQueue(def.name, {
        retryLimit: def.retryLimit ?? 5,
        retryDelay: def.retryDelaySeconds ?? 10,
        retryBackoff: true,
      })
      if (def.cron) {
        await this.boss.schedule(
          def.name,
          def.cron.expression,
          {},
          { tz: def.cron.timezone ?? 'America/Bogota' },
        )
      }
    }
    if (!options.workers) return
    for (const def of this.defs.values()) {
      const workerId = await this.boss.work(
        def.name,
        {
          // A worker waits the polling interval after every fetch unless the fetch came back full:
          // with one job per fetch a queue drained at 2 jobs/s. Fetching batches in burst mode drains
          // a backlog at once; each job still succeeds or fails (and retries) on its own.
          batchSize: JOB_BATCH_SIZE,
          burstWhenBatchFull: true,
          pollingIntervalSeconds: 0.5,
          localConcurrency: def.concurrency ?? 1,
        },
        async (jobs) => {
          for (const job of jobs) {
            try {
              await def.handler(job.data as object, { id: job.id })
            } catch (err) {
              this.log.warn({ err, job: def.name, jobId: job.id }, 'job failed; pg-boss retries it')
              // Only this job fails; pg-boss then completes the rest (completion skips failed jobs).
              await this.boss.fail(def.name, job.id, { message: errorMessage(err) })
            }
          }
        },
      )
      this.localWorkers.set(def.name, workerId)
    }
  }

  /**
   * Enqueues a job. Never call it inside an open transaction: on single-session PGlite the job
   * system's connection would wait for that transaction forever. Record a domain event instead.
   */
  async send(name: string, data: object, options: SendOptions = {}) {
    if (!this.defs.has(name)) throw new Error(`Unknown job ${name}`)
    const id = await this.boss.send(name, data, options)
    // Wake this process's worker now rather than at its next poll (up to 0.5 s later): realtime pushes
    // and notifications go through jobs. Another instance's workers still find it by polling.
    const worker = this.localWorkers.get(name)
    if (worker && !options.startAfter) this.boss.notifyWorker(worker)
    return id
  }

  /** Enqueues many jobs of one queue in one statement (same rule as `send`: never inside a transaction). */
  async sendMany(name: string, jobs: { data: object; singletonKey?: string; priority?: number }[]) {
    if (!this.defs.has(name)) throw new Error(`Unknown job ${name}`)
    if (jobs.length === 0) return
    await this.boss.insert(name, jobs)
    const worker = this.localWorkers.get(name)
    if (worker) this.boss.notifyWorker(worker)
  }

  async queueSizes(): Promise<{ name: string; queued: number; active: number }[]> {
    if (!this.started) return []
    const queues = await this.boss.getQueues([...this.defs.keys()])
    return queues.map((q) => ({ name: q.name, queued: q.queuedCount, active: q.activeCount }))
  }

  async stop() {
    if (this.started) await this.boss.stop({ graceful: true, timeout: 5000 })
    this.started = false
  }
}
