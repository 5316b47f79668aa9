import {
  boolean,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core'
import { orgIsolationPolicy, tenantColumns, timestamps } from '../db/tenant-table.ts'
import { branches, memberships, orgs } from '../tenancy/tenancy.tables.ts'

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })

/** Roles as data, per org: built-in ones from the org kind's templates, and custom ones. */
export const roles = pgTable(
  'roles',
  {
    ...tenantColumns(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    builtIn: boolean('built_in').notNull().default(false),
    /** Ids of roles whose permissions this role includes (checked acyclic by the service). */
    inherits: uuid('inherits').array().notNull().default([]),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    unique('roles_org_key').on(t.orgId, t.key),
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    orgIsolationPolicy('roles', t.orgId),
  ],
).enableRLS()

export const rolePermissions = pgTable(
  'role_permissions',
  {
    orgId: uuid('org_id').notNull(),
    roleId: uuid('role_id').notNull(),
    permission: text('permission').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.roleId, t.permission] }),
    foreignKey({ columns: [t.orgId, t.roleId], foreignColumns: [roles.orgId, roles.id] }).onDelete('cascade'),
    orgIsolationPolicy('role_permissions', t.orgId),
  ],
).enableRLS()

/** A member holds a role org-wide (branch_id null) or in one branch only. */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    ...tenantColumns(),
    userId: uuid('user_id').notNull(),
    roleId: uuid('role_id').notNull(),
    branchId: uuid('branch_id'),
    createdBy: uuid('created_by'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    unique('role_assignments_unique').on(t.orgId, t.userId, t.roleId, t.branchId).nullsNotDistinct(),
    // Removing a membership removes its assignments.
    foreignKey({
      columns: [t.orgId, t.userId],
      foreignColumns: [memberships.orgId, memberships.userId],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.roleId], foreignColumns: [roles.orgId, roles.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.branchId], foreignColumns: [branches.orgId, branches.id] }).onDelete(
      'cascade',
    ),
    orgIsolationPolicy('role_assignments', t.orgId),
  ],
).enableRLS()

export const invitations = pgTable(
  'invitations',
  {
    ...tenantColumns(),
    email: text('email').notNull(),
    /** Membership role given on acceptance. */
    role: text('role', { enum: ['admin', 'member'] }).notNull(),
    roleId: uuid('role_id'),
    branchId: uuid('branch_id'),
    /** SHA-256 of the token's secret part; the token itself is only ever sent, never stored. */
    tokenHash: text('token_hash').notNull(),
    status: text('status', { enum: ['pending', 'accepted', 'declined', 'revoked'] })
      .notNull()
      .default('pending'),
    expiresAt: tz('expires_at').notNull(),
    invitedBy: uuid('invited_by').notNull(),
    respondedBy: uuid('responded_by'),
    respondedAt: tz('responded_at'),
    sentCount: integer('sent_count').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    unique('invitations_token_hash').on(t.tokenHash),
    index('invitations_org_email').on(t.orgId, t.email),
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    // No cascade: deleting a role first clears it from pending invitations (service).
    foreignKey({ columns: [t.orgId, t.roleId], foreignColumns: [roles.orgId, roles.id] }),
    foreignKey({ columns: [t.orgId, t.branchId], foreignColumns: [branches.orgId, branches.id] }).onDelete(
      'cascade',
    ),
    orgIsolationPolicy('invitations', t.orgId),
  ],
).enableRLS()

/** Org-scoped API keys: a hash of the secret, the permissions chosen at creation, expiry, last use. */
export const apiKeys = pgTable(
  'api_keys',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
    /** What the UI shows to recognise the key (`mk_…abcd`). */
    hint: text('hint').notNull(),
    keyHash: text('key_hash').notNull(),
    permissions: text('permissions').array().notNull(),
    createdBy: uuid('created_by').notNull(),
    expiresAt: tz('expires_at'),
    lastUsedAt: tz('last_used_at'),
    revokedAt: tz('revoked_at'),
    createdAt: tz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    unique('api_keys_key_hash').on(t.keyHash),
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    orgIsolationPolicy('api_keys', t.orgId),
  ],
).enableRLS()
