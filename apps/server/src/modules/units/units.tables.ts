import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { orgIsolationPolicy, tenantColumns, timestamps } from '../../platform/db/tenant-table.ts'
import { orgs } from '../../platform/tenancy/tenancy.tables.ts'

export const UNIT_TYPES = ['apartment', 'house', 'commercial', 'parking', 'storage'] as const
export const HOLDER_ROLES = ['owner', 'tenant', 'representative'] as const

/** A private unit of a horizontal-property building (Ley 675): its code and coeficiente de copropiedad. */
export const units = pgTable(
  'units',
  {
    ...tenantColumns(),
    code: text('code').notNull(),
    type: text('type', { enum: UNIT_TYPES }).notNull(),
    building: text('building'),
    /** m², 2 decimals. */
    privateArea: numeric('private_area', { precision: 10, scale: 2 }),
    /** Millionths of a percent (100 % = 100_000_000); null: not part of the electorate yet. */
    coefficient: integer('coefficient'),
    notes: text('notes'),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    uniqueIndex('units_org_code').on(t.orgId, t.code),
    index('units_org_building').on(t.orgId, t.building, t.code),
    check(
      'units_coefficient_range',
      sql`${t.coefficient} is null or ${t.coefficient} between 1 and 100000000`,
    ),
    orgIsolationPolicy('units', t.orgId),
  ],
).enableRLS()

/** Who holds a unit (owner, tenant, representative) and over which dates; at most one voter in force. */
export const unitHolders = pgTable(
  'unit_holders',
  {
    ...tenantColumns(),
    unitId: uuid('unit_id').notNull(),
    name: text('name').notNull(),
    /** An org member's user id, so that person can vote from the phone. */
    userId: uuid('user_id'),
    email: text('email'),
    phone: text('phone'),
    role: text('role', { enum: HOLDER_ROLES }).notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    isVoter: boolean('is_voter').notNull().default(false),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // Restrict: a unit with holders cannot be deleted (the service answers 409 first).
    foreignKey({ columns: [t.orgId, t.unitId], foreignColumns: [units.orgId, units.id] }).onDelete(
      'restrict',
    ),
    index('unit_holders_org_unit').on(t.orgId, t.unitId),
    index('unit_holders_org_user').on(t.orgId, t.userId),
    check('unit_holders_valid_range', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
    // Backstop for concurrent writers; overlapping dated voters are checked by the service.
    uniqueIndex('unit_holders_one_open_voter')
      .on(t.orgId, t.unitId)
      .where(sql`${t.isVoter} and ${t.validTo} is null`),
    orgIsolationPolicy('unit_holders', t.orgId),
  ],
).enableRLS()
