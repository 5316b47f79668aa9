import { type SQL, sql } from 'drizzle-orm'
import { type AnyPgColumn, pgPolicy, pgRole, timestamp, uuid } from 'drizzle-orm/pg-core'
import { uuidv7 } from 'uuidv7'
import { RUNTIME_ROLE } from './with-org.ts'

/** Created by the first custom migration; drizzle-kit must never try to create or drop it. */
export const runtimeRole = pgRole(RUNTIME_ROLE).existing()

export const currentOrgId: SQL = sql`nullif(current_setting('app.org_id', true), '')::uuid`

/** Row level security for a tenant table: rows are visible and writable only inside their org. */
export function orgIsolationPolicy(table: string, orgId: AnyPgColumn) {
  return pgPolicy(`${table}_org_isolation`, {
    as: 'permissive',
    for: 'all',
    to: runtimeRole,
    using: sql`${orgId} = ${currentOrgId}`,
    withCheck: sql`${orgId} = ${currentOrgId}`,
  })
}

export const newId = () => uuidv7()

/** Columns every tenant table starts with; its primary key is (org_id, id). */
export function tenantColumns() {
  return {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
  }
}

export function timestamps() {
  return {
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  }
}
