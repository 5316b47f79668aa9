import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../embedded-postgres.ts'

let embedded: EmbeddedPostgres
let pool: pg.Pool

beforeAll(async () => {
  embedded = await startEmbeddedPostgres({})
  pool = new pg.Pool({ host: embedded.socketDir, user: 'postgres', database: 'postgres', max: 12 })
  await pool.query('create table counters (id int primary key, n int not null)')
  await pool.query('insert into counters values (1, 0)')
})
afterAll(async () => {
  await pool.end()
  await embedded.stop()
})

describe('embedded PostgreSQL over the wire', () => {
  it('keeps concurrent extended-protocol queries from different connections apart', async () => {
    // Different parameter counts: an interleaved Parse/Bind would fail with a bind mismatch.
    const queries = Array.from({ length: 300 }, (_, i) => {
      const arity = (i % 4) + 1
      const params = Array.from({ length: arity }, (_, k) => i * 10 + k)
      const select = params.map((_, k) => `$${k + 1}::int as c${k}`).join(', ')
      return pool.query(`select ${select}`, params).then((r) => Object.values(r.rows[0]))
    })
    const results = await Promise.all(queries)
    results.forEach((row, i) => {
      expect(row).toEqual(Array.from({ length: (i % 4) + 1 }, (_, k) => i * 10 + k))
    })
  })

  it('serializes concurrent transactions without losing updates', async () => {
    await Promise.all(
      Array.from({ length: 40 }, async () => {
        const client = await pool.connect()
        try {
          await client.query('begin')
          const { rows } = await client.query('select n from counters where id = $1', [1])
          await client.query('update counters set n = $1 where id = $2', [rows[0].n + 1, 1])
          await client.query('commit')
        } finally {
          client.release()
        }
      }),
    )
    const { rows } = await pool.query('select n from counters where id = 1')
    expect(rows[0].n).toBe(40)
  })

  it('rolls back the transaction of a client that disconnects inside it', async () => {
    const client = new pg.Client({ host: embedded.socketDir, user: 'postgres', database: 'postgres' })
    await client.connect()
    await client.query('begin')
    await client.query('update counters set n = -1 where id = 1')
    await client.end()
    const { rows } = await pool.query('select n from counters where id = 1')
    expect(rows[0].n).toBe(40)
  })
})
