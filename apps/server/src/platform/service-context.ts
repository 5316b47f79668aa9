import type { Tx } from './db/with-org.ts'

/** What every service function receives first: `createLoan(ctx, input)`. */
export type ServiceContext = {
  /** A transaction already scoped to the org (RLS applies). */
  db: Tx
  orgId: string
  actor: { userId: string | null; role: 'owner' | 'admin' | 'member' | 'system' }
  requestId: string
  now: Date
  ip: string | null
}

/**
 * The context of work the system does on an org's behalf outside a member's request (jobs, event
 * handlers, signed links): `db` is already scoped to `orgId` (withOrg).
 */
export function systemContext(
  db: Tx,
  orgId: string,
  requestId: string,
  options: { now?: Date; userId?: string | null; ip?: string | null } = {},
): ServiceContext {
  return {
    db,
    orgId,
    actor: { userId: options.userId ?? null, role: 'system' },
    requestId,
    now: options.now ?? new Date(),
    ip: options.ip ?? null,
  }
}
