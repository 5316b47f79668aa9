import { sql } from 'drizzle-orm'
import {
  bigint,
  foreignKey,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core'
import { users } from '../auth/auth.tables.ts'
import { newId, orgIsolationPolicy, tenantColumns, timestamps } from '../db/tenant-table.ts'

/** The tenant root. A platform table: read by the platform by slug and membership, so no RLS. */
export const orgs = pgTable('orgs', {
  id: uuid('id').primaryKey().$defaultFn(newId),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind', {
    enum: ['savings_credit', 'housing', 'food_service', 'incubator', 'community'],
  }).notNull(),
  timezone: text('timezone').notNull().default('America/Bogota'),
  currency: text('currency').notNull().default('COP'),
  locale: text('locale').notNull().default('es-CO'),
  enabledModules: text('enabled_modules').array().notNull().default(sql`'{}'::text[]`),
  status: text('status', { enum: ['active', 'suspended'] })
    .notNull()
    .default('active'),
  version: integer('version').notNull().default(1),
  /** The org's plan (`plans.key`, a platform table) and its subscription state. */
  planKey: text('plan_key').notNull().default('standard'),
  subscriptionStatus: text('subscription_status', {
    enum: ['trialing', 'active', 'past_due', 'cancelled'],
  })
    .notNull()
    .default('trialing'),
  /**
   * Bumped in the same transaction as any change to roles, role permissions, role assignments or
   * memberships: cached effective permissions are keyed by it, so a change applies on the next request.
   */
  permissionsVersion: integer('permissions_version').notNull().default(1),
  /** Role keys (platform roles owner/admin/member or the org's roles) whose holders must use 2FA. */
  twoFactorRequiredFor: text('two_factor_required_for').array().notNull().default(sql`'{}'::text[]`),
  /** When the org's built-in roles were created (null: created by the startup backfill). */
  accessSeededAt: timestamp('access_seeded_at', { withTimezone: true, mode: 'date' }),
  ...timestamps(),
})

/** Who belongs to which org. Platform table: "list my orgs" reads across orgs by user. */
export const memberships = pgTable(
  'memberships',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['owner', 'admin', 'member'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] })],
)

export const branches = pgTable(
  'branches',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
    code: text('code').notNull(),
    address: text('address'),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    unique('branches_org_code').on(t.orgId, t.code),
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    orgIsolationPolicy('branches', t.orgId),
  ],
).enableRLS()

/** Per-org sequences for human codes (membership numbers, loan codes, order numbers). */
export const orgCounters = pgTable(
  'org_counters',
  {
    orgId: uuid('org_id').notNull(),
    name: text('name').notNull(),
    value: bigint('value', { mode: 'bigint' }).notNull().default(sql`0`),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.name] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    orgIsolationPolicy('org_counters', t.orgId),
  ],
).enableRLS()
