import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '../db/connection.ts'
import { withOrg } from '../db/with-org.ts'
import { type ServiceContext, systemContext } from '../service-context.ts'
import { orgs } from '../tenancy/tenancy.tables.ts'

/**
 * Runs a job's `work` once per active org (only those with `module` enabled, when given), each in its own
 * org-scoped transaction as the system actor: RLS hides tenant rows from an unscoped query, and one
 * org's failure must not roll back the others. The job then fails so pg-boss retries it, so `work` must
 * be idempotent. Returns the sum of what `work` reports.
 */
export async function forEachOrg(
  db: Db,
  options: { job: string; module?: string; now?: Date },
  work: (ctx: ServiceContext) => Promise<number>,
): Promise<number> {
  const active = await db
    .select({ id: orgs.id })
    .from(orgs)
    .where(
      and(
        eq(orgs.status, 'active'),
        options.module ? sql`${options.module} = any(${orgs.enabledModules})` : undefined,
      ),
    )
  const now = options.now ?? new Date()
  let total = 0
  const failures: unknown[] = []
  for (const { id } of active) {
    try {
      total += await withOrg(db, id, (tx) => work(systemContext(tx, id, `job:${options.job}`, { now })))
    } catch (err) {
      failures.push(err)
    }
  }
  if (failures.length > 0)
    throw new AggregateError(failures, `${options.job}: ${failures.length} org(s) failed`)
  return total
}
