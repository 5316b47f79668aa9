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
