import { sql } from 'drizzle-orm'
import {
  boolean,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'
import { orgIsolationPolicy, tenantColumns, timestamps } from '../../platform/db/tenant-table.ts'
import { orgs } from '../../platform/tenancy/tenancy.tables.ts'

export const documents = pgTable(
  'documents',
  {
    ...tenantColumns(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    documentType: text('document_type').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    visibility: text('visibility').notNull(),
    visibleToRoles: text('visible_to_roles').array().notNull().default(sql`'{}'::text[]`),
    uploadedBy: uuid('uploaded_by'),
    /**
     * Title, description and the latest version's extracted text, lowercased and without accents
     * (so "cooperativa" finds "Cooperatíva" and vice versa); indexed as a Spanish tsvector.
     */
    searchText: text('search_text').notNull().default(''),
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    index('documents_org_entity').on(t.orgId, t.entityType, t.entityId, t.id),
    index('documents_search').using('gin', sql`to_tsvector('spanish', ${t.searchText})`),
    orgIsolationPolicy('documents', t.orgId),
  ],
).enableRLS()

export const documentVersions = pgTable(
  'document_versions',
  {
    ...tenantColumns(),
    documentId: uuid('document_id').notNull(),
    versionNumber: integer('version_number').notNull(),
    isLatest: boolean('is_latest').notNull(),
    fileId: uuid('file_id').notNull(),
    extractedText: text('extracted_text').notNull().default(''),
    uploadedBy: uuid('uploaded_by'),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    foreignKey({
      columns: [t.orgId, t.documentId],
      foreignColumns: [documents.orgId, documents.id],
    }).onDelete('cascade'),
    index('document_versions_doc').on(t.orgId, t.documentId, t.versionNumber),
    orgIsolationPolicy('document_versions', t.orgId),
  ],
).enableRLS()
