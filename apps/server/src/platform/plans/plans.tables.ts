import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from '../auth/auth.tables.ts'
import { timestamps } from '../db/tenant-table.ts'

/**
 * Subscription plans. A platform table (no org_id, no RLS): every org points at one by `orgs.plan_key`;
 * only platform admins change it. `modules` null means every module; null limits mean unlimited.
 */
export const plans = pgTable('plans', {
  key: text('key').primaryKey(),
  name: text('name').notNull(),
  modules: text('modules').array(),
  maxUsers: integer('max_users'),
  maxBranches: integer('max_branches'),
  ...timestamps(),
})

/** Users who manage orgs and plans across the platform (besides MINGA_PLATFORM_ADMINS emails). */
export const platformAdmins = pgTable('platform_admins', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
})
