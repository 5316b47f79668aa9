// Every table Drizzle knows, platform and modules: drizzle-kit generates migrations from this file.
export * from '../../modules/announcements/announcements.tables.ts'
export * from '../audit/audit.tables.ts'
export * from '../auth/auth.tables.ts'
export * from '../events/events.tables.ts'
export * from '../http/idempotency.tables.ts'
export * from '../tenancy/tenancy.tables.ts'

import * as announcements from '../../modules/announcements/announcements.tables.ts'
import * as audit from '../audit/audit.tables.ts'
import * as auth from '../auth/auth.tables.ts'
import * as events from '../events/events.tables.ts'
import * as idempotency from '../http/idempotency.tables.ts'
import * as tenancy from '../tenancy/tenancy.tables.ts'

export const schema = { ...announcements, ...audit, ...auth, ...events, ...idempotency, ...tenancy }
