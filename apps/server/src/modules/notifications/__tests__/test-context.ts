import type { Db } from '../../../platform/db/connection.ts'
import { withOrg } from '../../../platform/db/with-org.ts'
import type { ServiceContext } from '../../../platform/service-context.ts'

/** Runs `fn` as a service would: one org-scoped transaction, an actor and a chosen clock. */
export function inOrg<T>(
  db: Db,
  orgId: string,
  fn: (ctx: ServiceContext) => Promise<T>,
  options: { userId?: string | null; now?: Date } = {},
) {
  return withOrg(db, orgId, (tx) =>
    fn({
      db: tx,
      orgId,
      actor: { userId: options.userId ?? null, role: options.userId ? 'member' : 'system' },
      requestId: 'test',
      now: options.now ?? new Date(),
      ip: null,
    }),
  )
}
