import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core'
import { orgIsolationPolicy, tenantColumns, timestamps } from '../../../platform/db/tenant-table.ts'
import { orgs } from '../../../platform/tenancy/tenancy.tables.ts'

/**
 * One bulk import of people from a CSV or XLSX file: the stored file, its header row and a preview,
 * the column mapping, and the counts of the last validation and of the commit.
 */
export const personImports = pgTable(
  'person_imports',
  {
    ...tenantColumns(),
    fileId: uuid('file_id').notNull(),
    fileName: text('file_name').notNull(),
    format: text('format', { enum: ['csv', 'xlsx'] }).notNull(),
    status: text('status', {
      enum: ['uploaded', 'validating', 'validated', 'committing', 'committed', 'failed'],
    }).notNull(),
    headers: jsonb('headers').$type<string[]>().notNull(),
    sample: jsonb('sample').$type<Record<string, string>[]>().notNull(),
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
    /** True while `mapping` is only the suggestion (no validation requested yet). */
    mappingSuggested: boolean('mapping_suggested').notNull().default(true),
    assignMembershipNumbers: boolean('assign_membership_numbers').notNull().default(false),
    mode: text('mode', { enum: ['all_or_nothing', 'valid_only'] }),
    /** Language of the stored error messages: 'es' or 'en'. */
    locale: text('locale').notNull().default('es'),
    totalRows: integer('total_rows').notNull(),
    validRows: integer('valid_rows'),
    errorRows: integer('error_rows'),
    toCreate: integer('to_create'),
    toUpdate: integer('to_update'),
    created: integer('created'),
    updated: integer('updated'),
    unchanged: integer('unchanged'),
    skipped: integer('skipped'),
    failureMessage: text('failure_message'),
    createdBy: uuid('created_by'),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] }).onDelete('cascade'),
    orgIsolationPolicy('person_imports', t.orgId),
  ],
).enableRLS()

/** Every problem the last validation (or a failed commit) found: (row, column, message). */
export const personImportErrors = pgTable(
  'person_import_errors',
  {
    ...tenantColumns(),
    importId: uuid('import_id').notNull(),
    row: integer('row').notNull(),
    column: text('column'),
    message: text('message').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.importId],
      foreignColumns: [personImports.orgId, personImports.id],
    }).onDelete('cascade'),
    index('person_import_errors_import_row').on(t.orgId, t.importId, t.row, t.id),
    orgIsolationPolicy('person_import_errors', t.orgId),
  ],
).enableRLS()
