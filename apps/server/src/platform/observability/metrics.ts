import type pg from 'pg'
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'
import type { JobRunner } from '../jobs/jobs.ts'

/** Prometheus metrics of one server: request durations per route, pool and job gauges. */
export function createMetrics(pool: pg.Pool, jobs: JobRunner) {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  })
  new Gauge({
    name: 'db_pool_connections',
    help: 'Database pool connections by state',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      this.set({ state: 'total' }, pool.totalCount)
      this.set({ state: 'idle' }, pool.idleCount)
      this.set({ state: 'waiting' }, pool.waitingCount)
    },
  })
  new Gauge({
    name: 'jobs_in_queue',
    help: 'Background jobs by queue and state',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      for (const queue of await jobs.queueSizes().catch(() => [])) {
        this.set({ queue: queue.name, state: 'queued' }, queue.queued)
        this.set({ queue: queue.name, state: 'active' }, queue.active)
      }
    },
  })
  return { registry, httpDuration }
}

export type Metrics = ReturnType<typeof createMetrics>
