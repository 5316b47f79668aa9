import { sql } from 'drizzle-orm'
import type { Db } from './connection.ts'

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

/** The role every tenant query runs as: not the owner, no BYPASSRLS, so row level security applies. */
export const RUNTIME_ROLE = 'minga_app'

/**
 * Runs `fn` in a transaction scoped to one organization: the runtime role and `app.org_id` are set
 * with SET LOCAL (transaction-local, safe behind PgBouncer and on single-session PGlite), so RLS
 * hides every other org's rows even when a query forgets its org filter.
 */
export function withOrg<T>(db: Db, orgId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await scopeToOrg(tx, orgId)
    return fn(tx)
  })
}

/** Switches an open transaction to the runtime role and one org, until it ends. */
export async function scopeToOrg(tx: Tx, orgId: string) {
  await tx.execute(
    sql`select set_config('role', ${RUNTIME_ROLE}, true), set_config('app.org_id', ${orgId}, true)`,
  )
}
