import { sql } from 'drizzle-orm'
import { foreignKey, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { orgIsolationPolicy, tenantColumns, timestamps } from '../../platform/db/tenant-table.ts'
import { orgs } from '../../platform/tenancy/tenancy.tables.ts'

/** One profile per member per org: what they tell the org about themselves. */
export const profiles = pgTable(
  'profiles',
  {
    ...tenantColumns(),
    userId: uuid('user_id').notNull(),
    headline: text('headline').notNull().default(''),
    bio: text('bio').notNull().default(''),
    /** As typed (trimmed), deduplicated case-insensitively. */
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    experienceLevel: text('experience_level'),
    location: text('location').notNull().default(''),
    /** A DANE DIVIPOLA municipality code, when the member picked one. */
    municipalityCode: text('municipality_code'),
    timezone: text('timezone').notNull(),
    github: text('github'),
    linkedin: text('linkedin'),
    website: text('website'),
    /** A platform/files id (PNG, JPEG or WebP). */
    avatarFileId: uuid('avatar_file_id'),
    visibility: text('visibility').notNull().default('members'),
    /** The owner or admin who hid the profile; while set, its member cannot show it again. */
    hiddenBy: uuid('hidden_by'),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    uniqueIndex('profiles_org_user').on(t.orgId, t.userId),
    orgIsolationPolicy('profiles', t.orgId),
  ],
).enableRLS()
