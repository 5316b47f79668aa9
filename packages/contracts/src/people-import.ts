import { z } from 'zod'
import { PageQuery } from './pagination.ts'
import { PersonQuery } from './people.ts'

/**
 * Bulk import of people from CSV or XLSX (issue 4 item 7). Flow: upload → map columns → validate (dry
 * run, a job) → commit (a job), all-or-nothing or valid rows only. Idempotent: a row whose document type
 * + number already exists updates that person instead of creating one.
 */

/** The person fields a file column can be mapped to. `documentType` + `documentNumber` are required. */
export const PERSON_IMPORT_FIELDS = [
  'documentType',
  'documentNumber',
  'firstNames',
  'lastNames',
  'businessName',
  'birthDate',
  'email',
  'phone',
  'addressLine',
  'departmentCode',
  'municipalityCode',
  'employerName',
  'position',
  'salary',
  'joinedOn',
  'tags',
] as const
export const PersonImportField = z.enum(PERSON_IMPORT_FIELDS)
export type PersonImportField = z.infer<typeof PersonImportField>

/** Fields whose values are sensitive: mapping them needs `people:read_sensitive`. */
export const SENSITIVE_IMPORT_FIELDS: readonly PersonImportField[] = ['phone', 'salary']

/** Target field → the file's header name (exactly as the file has it), or absent when not imported. */
export const PersonImportMapping = z.partialRecord(PersonImportField, z.string().min(1).max(200))
export type PersonImportMapping = z.infer<typeof PersonImportMapping>

export const PERSON_IMPORT_STATUSES = [
  'uploaded',
  'validating',
  'validated',
  'committing',
  'committed',
  'failed',
] as const
export const PersonImportStatus = z.enum(PERSON_IMPORT_STATUSES)
export type PersonImportStatus = z.infer<typeof PersonImportStatus>

export const PersonImportMode = z.enum(['all_or_nothing', 'valid_only'])
export type PersonImportMode = z.infer<typeof PersonImportMode>

export const PersonImportRowError = z.object({
  /** 1-based data row as a spreadsheet shows it (the header is row 1, so data starts at 2). */
  row: z.number().int(),
  /** The file's header name, or null for a whole-row problem. */
  column: z.string().nullable(),
  message: z.string(),
})
export type PersonImportRowError = z.infer<typeof PersonImportRowError>

export const PersonImport = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    format: z.enum(['csv', 'xlsx']),
    status: PersonImportStatus,
    /** The file's header row, in order. */
    headers: z.array(z.string()),
    /** Up to 5 data rows keyed by header, for the mapping preview (sensitive columns masked). */
    sample: z.array(z.record(z.string(), z.string())),
    /** The mapping suggested from the headers until one is submitted, then the submitted one. */
    mapping: PersonImportMapping,
    /** Assign membership numbers from the org counter to created people. */
    assignMembershipNumbers: z.boolean(),
    mode: PersonImportMode.nullable(),
    totalRows: z.number().int(),
    /** Filled by validation (dry run). */
    validRows: z.number().int().nullable(),
    errorRows: z.number().int().nullable(),
    toCreate: z.number().int().nullable(),
    toUpdate: z.number().int().nullable(),
    /** Filled by the commit. */
    created: z.number().int().nullable(),
    updated: z.number().int().nullable(),
    unchanged: z.number().int().nullable(),
    skipped: z.number().int().nullable(),
    /** Why the last job failed (e.g. all-or-nothing with errors found at commit time). */
    failureMessage: z.string().nullable(),
    /** The first errors (up to 50); the rest through the errors route or the report. */
    errors: z.array(PersonImportRowError),
    createdBy: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'PersonImport' })
export type PersonImport = z.infer<typeof PersonImport>

export const PersonImportListItem = PersonImport.pick({
  id: true,
  fileName: true,
  format: true,
  status: true,
  totalRows: true,
  errorRows: true,
  created: true,
  updated: true,
  createdBy: true,
  createdAt: true,
})
export const PersonImportPage = z
  .object({ items: z.array(PersonImportListItem), nextCursor: z.string().nullable() })
  .meta({ id: 'PersonImportPage' })
export type PersonImportPage = z.infer<typeof PersonImportPage>

export const PersonImportErrorPage = z
  .object({ items: z.array(PersonImportRowError), nextCursor: z.string().nullable() })
  .meta({ id: 'PersonImportErrorPage' })
export type PersonImportErrorPage = z.infer<typeof PersonImportErrorPage>

export const PersonImportParams = z.object({ id: z.uuid() })
export const PersonImportListQuery = PageQuery
export const PersonImportErrorQuery = PageQuery

/** POST /people/imports/{id}/validate: starts the dry run (202). */
export const ValidatePersonImport = z.strictObject({
  mapping: PersonImportMapping,
  assignMembershipNumbers: z.boolean().default(false),
})
export type ValidatePersonImport = z.infer<typeof ValidatePersonImport>

/** POST /people/imports/{id}/commit: starts the commit (202); only after a validation. */
export const CommitPersonImport = z.strictObject({ mode: PersonImportMode })
export type CommitPersonImport = z.infer<typeof CommitPersonImport>

/**
 * Realtime event `people.import.progress`, sent to the room of the user who started the job: every
 * ~1,000 rows and once at the end (then `status` is the final one; refetch the import).
 */
export const PERSON_IMPORT_PROGRESS_EVENT = 'people.import.progress'
export const PersonImportProgress = z.object({
  importId: z.uuid(),
  status: PersonImportStatus,
  processed: z.number().int(),
  total: z.number().int(),
})
export type PersonImportProgress = z.infer<typeof PersonImportProgress>

/** GET /people/export?format=csv|xlsx&q&status&tags&branchId: the filtered list as a file. */
export const PersonExportQuery = PersonQuery.omit({ limit: true, cursor: true }).extend({
  format: z.enum(['csv', 'xlsx']).default('csv'),
})
export type PersonExportQuery = z.infer<typeof PersonExportQuery>
