import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, createTestApp, signUp, type TestApp } from '../../../../test/harness.ts'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ workers: false })
})
afterAll(() => t.close())

describe('operations endpoints', () => {
  it('/health answers while the process lives', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/health' })
    expect(response.json()).toEqual({ status: 'ok' })
  })

  it('/ready checks the database and that migrations are current', async () => {
    const ready = await t.app.inject({ method: 'GET', url: '/ready' })
    expect(ready.statusCode).toBe(200)
    expect(ready.json().migrations.current).toBe(true)
    // Pretend the last migration never ran: the server must not call itself ready.
    await t.database.db.execute(
      sql`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)`,
    )
    const behind = await t.app.inject({ method: 'GET', url: '/ready' })
    expect(behind.statusCode).toBe(503)
    expect(behind.json().status).toBe('migrations pending')
  })

  it('/metrics exposes request durations per route and pool and job gauges', async () => {
    const user = await signUp(t.app)
    await as(t.app, user)({ method: 'GET', url: '/api/v1/me' })
    const response = await t.app.inject({ method: 'GET', url: '/metrics' })
    expect(response.headers['content-type']).toContain('text/plain')
    expect(response.body).toMatch(/http_request_duration_seconds_bucket\{.*route="\/api\/v1\/me".*\}/)
    expect(response.body).toMatch(/db_pool_connections\{state="total"\}/)
    expect(response.body).toContain('jobs_in_queue')
  })

  it('echoes a request id on every response', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'trace-123' },
    })
    expect(response.headers['x-request-id']).toBe('trace-123')
  })
})
