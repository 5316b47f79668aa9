import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOrg, createTestApp, signUp, type TestApp } from '../../../../test/harness.ts'
import { announcements } from '../../../modules/announcements/announcements.tables.ts'
import { RUNTIME_ROLE, withOrg } from '../with-org.ts'

let t: TestApp
let orgA: { id: string }
let orgB: { id: string }
let authorId: string

beforeAll(async () => {
  t = await createTestApp({ workers: false })
  const owner = await signUp(t.app)
  authorId = owner.id
  orgA = await createOrg(t.app, owner)
  orgB = await createOrg(t.app, owner)
  for (const org of [orgA, orgA, orgB]) {
    await withOrg(t.database.db, org.id, (tx) =>
      tx.insert(announcements).values({ orgId: org.id, title: `de ${org.id}`, body: 'x', authorId }),
    )
  }
})
afterAll(() => t.close())

describe('row level security', () => {
  it('hides other orgs’ rows from a query that forgets its org filter', async () => {
    const seenByA = await withOrg(t.database.db, orgA.id, (tx) => tx.select().from(announcements))
    expect(seenByA.length).toBeGreaterThanOrEqual(2)
    expect(seenByA.every((row) => row.orgId === orgA.id)).toBe(true)
    const seenByB = await withOrg(t.database.db, orgB.id, (tx) => tx.select().from(announcements))
    expect(seenByB.every((row) => row.orgId === orgB.id)).toBe(true)
  })

  it('blocks writing a row into another org', async () => {
    await expect(
      withOrg(t.database.db, orgA.id, (tx) =>
        tx.insert(announcements).values({ orgId: orgB.id, title: 'intruso', body: 'x', authorId }),
      ),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/row-level security/) } })
    const updated = await withOrg(t.database.db, orgA.id, (tx) =>
      tx
        .update(announcements)
        .set({ title: 'pisado' })
        .where(sql`${announcements.orgId} = ${orgB.id}`)
        .returning(),
    )
    expect(updated).toHaveLength(0)
    const deleted = await withOrg(t.database.db, orgA.id, (tx) =>
      tx.delete(announcements).where(sql`true`).returning(),
    )
    expect(deleted.every((row) => row.orgId === orgA.id)).toBe(true)
    const stillInB = await withOrg(t.database.db, orgB.id, (tx) => tx.select().from(announcements))
    expect(stillInB.map((r) => r.title)).not.toContain('pisado')
    expect(stillInB.length).toBeGreaterThanOrEqual(1)
  })

  it('sees nothing when no org is set', async () => {
    const rows = await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', ${RUNTIME_ROLE}, true)`)
      return tx.select().from(announcements)
    })
    expect(rows).toHaveLength(0)
  })

  it('covers every table with an org_id column (enabled and forced), except the documented platform tables', async () => {
    const platformTables = ['orgs', 'memberships', 'outbox_events', 'security_events']
    const result = await t.database.db.execute<{ table: string; enabled: boolean; forced: boolean }>(sql`
      select c.relname as table, c.relrowsecurity as enabled, c.relforcerowsecurity as forced
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition`)
    const tenantTables = result.rows.filter((r) => !platformTables.includes(r.table))
    expect(tenantTables.length).toBeGreaterThanOrEqual(5)
    for (const row of tenantTables) expect(row, row.table).toMatchObject({ enabled: true, forced: true })
  })

  it('runs as a role that owns nothing and cannot bypass RLS', async () => {
    const result = await t.database.db.execute<{
      rolbypassrls: boolean
      rolsuper: boolean
      owns: string
    }>(sql`
      select r.rolbypassrls, r.rolsuper,
        (select count(*)::text from pg_tables where tableowner = r.rolname) as owns
      from pg_roles r where r.rolname = ${RUNTIME_ROLE}`)
    expect(result.rows[0]).toEqual({ rolbypassrls: false, rolsuper: false, owns: '0' })
  })

  it('keeps the audit trail append-only for the application', async () => {
    const update = withOrg(t.database.db, orgA.id, (tx) =>
      tx.execute(sql`update audit_events set action = 'forged'`),
    )
    await expect(update).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/permission denied/) },
    })
    const remove = withOrg(t.database.db, orgA.id, (tx) => tx.execute(sql`delete from audit_events`))
    await expect(remove).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/permission denied/) },
    })
  })

  it('stores audit rows in monthly partitions', async () => {
    const result = await t.database.db.execute<{ partition: string }>(sql`
      select c.relname as partition from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = 'audit_events'::regclass`)
    const month = new Date().toISOString().slice(0, 7).replace('-', '_')
    expect(result.rows.map((r) => r.partition)).toContain(`audit_events_${month}`)
    const placed = await t.database.db.execute<{ partition: string }>(sql`
      select tableoid::regclass::text as partition from audit_events where org_id = ${orgA.id} limit 1`)
    expect(placed.rows[0]?.partition).toBe(`audit_events_${month}`)
  })
})
