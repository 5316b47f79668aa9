import { bigint, foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { orgIsolationPolicy, tenantColumns } from '../db/tenant-table.ts'
import { orgs } from '../tenancy/tenancy.tables.ts'

/**
 * One row per upload. Identical bytes in one org share one blob (addressed by `sha256`), but each
 * upload keeps its own row: its own name, uploader and time, so modules can link and audit it.
 */
export const files = pgTable(
  'files',
  {
    ...tenantColumns(),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    mimeType: text('mime_type').notNull(),
    originalName: text('original_name').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    index('files_org_sha256').on(t.orgId, t.sha256),
    orgIsolationPolicy('files', t.orgId),
  ],
).enableRLS()

/**
 * Storage used by each org (bytes of its distinct blobs) and its optional quota override. The row is
 * locked while an upload checks the quota, so two concurrent uploads cannot both squeeze under it.
 */
export const fileQuotas = pgTable(
  'file_quotas',
  {
    orgId: uuid('org_id').notNull(),
    usedBytes: bigint('used_bytes', { mode: 'number' }).notNull().default(0),
    /** Null: the configured default (MINGA_FILES_ORG_QUOTA_BYTES). */
    quotaBytes: bigint('quota_bytes', { mode: 'number' }),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    orgIsolationPolicy('file_quotas', t.orgId),
  ],
).enableRLS()
