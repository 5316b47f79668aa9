import {
  type CommitPersonImport,
  PERSON_IMPORT_FIELDS,
  type PersonImport,
  type PersonImportErrorPage,
  type PersonImportField,
  type PersonImportMapping,
  type PersonImportPage,
  SENSITIVE_IMPORT_FIELDS,
  type ValidatePersonImport,
} from '@minga/contracts'
import { can } from '../../../platform/access/effective-permissions.ts'
import { recordAudit } from '../../../platform/audit/audit.ts'
import type { UploadedFile } from '../../../platform/files/index.ts'
import { FileRejectedError, readFile, storeFile } from '../../../platform/files/index.ts'
import { AppError, notFound } from '../../../platform/http/app-error.ts'
import { decodeCursor, toPage } from '../../../platform/http/pagination.ts'
import type { ServiceContext } from '../../../platform/service-context.ts'
import { SENSITIVE_PERMISSION } from '../people.service.ts'
import { csvCell } from './csv-cell.ts'
import * as repo from './import.repository.ts'
import { type ImportLocale, mappingMessages, reportHeader } from './messages.ts'
import {
  type ImportFormat,
  MAX_IMPORT_ROWS,
  type ParsedSheet,
  parseSpreadsheet,
  UnreadableFileError,
} from './parse-file.ts'
import { suggestMapping } from './suggest-mapping.ts'

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const ALLOWED_MIME_TYPES = ['text/csv', 'text/plain', XLSX_MIME]
const SAMPLE_ROWS = 5
const INLINE_ERRORS = 50

export type { UploadedFile }

const unreadableMessages: Record<UnreadableFileError['reason'], { es: string; en: string }> = {
  empty: { es: 'El archivo está vacío', en: 'The file is empty' },
  no_header: {
    es: 'La primera fila debe tener el nombre de cada columna',
    en: 'The first row must name every column',
  },
  duplicate_headers: {
    es: 'Dos columnas tienen el mismo nombre',
    en: 'Two columns have the same name',
  },
  unreadable: {
    es: 'No se pudo leer el archivo como CSV o Excel (.xlsx)',
    en: 'The file could not be read as CSV or Excel (.xlsx)',
  },
  too_many_rows: {
    es: `El archivo tiene más de ${MAX_IMPORT_ROWS.toLocaleString('es-CO')} filas`,
    en: `The file has more than ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows`,
  },
}

/** A file that cannot be imported at all: 422 on `file`, in the importer's language. */
function unreadable(error: UnreadableFileError, locale: ImportLocale) {
  const base = unreadableMessages[error.reason][locale]
  const message = error.detail ? `${base}: ${error.detail}` : base
  return new AppError('unprocessable', message, [{ path: 'file', message }])
}

/** Masks the preview cells of columns that look sensitive (document, phone, salary). */
function maskedSample(sheet: ParsedSheet, mapping: PersonImportMapping) {
  const masked = new Map<string, (v: string) => string>()
  if (mapping.documentNumber) masked.set(mapping.documentNumber, (v) => (v ? `****${v.slice(-4)}` : ''))
  if (mapping.phone) masked.set(mapping.phone, (v) => (v ? `****${v.slice(-3)}` : ''))
  if (mapping.salary) masked.set(mapping.salary, (v) => (v ? '****' : ''))
  return sheet.rows.slice(0, SAMPLE_ROWS).map((r) =>
    Object.fromEntries(
      sheet.headers.map((h, i) => {
        const value = r.cells[i] ?? ''
        return [h, masked.get(h)?.(value) ?? value]
      }),
    ),
  )
}

export function toImportDto(row: repo.ImportRow, errors: repo.ImportErrorRow[] = []): PersonImport {
  return {
    id: row.id,
    fileName: row.fileName,
    format: row.format,
    status: row.status,
    headers: row.headers,
    sample: row.sample,
    mapping: row.mapping as PersonImportMapping,
    assignMembershipNumbers: row.assignMembershipNumbers,
    mode: row.mode,
    totalRows: row.totalRows,
    validRows: row.validRows,
    errorRows: row.errorRows,
    toCreate: row.toCreate,
    toUpdate: row.toUpdate,
    created: row.created,
    updated: row.updated,
    unchanged: row.unchanged,
    skipped: row.skipped,
    failureMessage: row.failureMessage,
    errors: errors.map((e) => ({ row: e.row, column: e.column, message: e.message })),
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

function formatOf(mimeType: string): ImportFormat {
  return mimeType === XLSX_MIME ? 'xlsx' : 'csv'
}

/**
 * Stores the file, reads its header row and a preview, and suggests a mapping. Nothing is validated
 * yet: that is a job started with a mapping.
 */
export async function uploadImport(
  ctx: ServiceContext,
  upload: UploadedFile,
  locale: ImportLocale,
): Promise<PersonImport> {
  if (upload.bytes.length > MAX_IMPORT_BYTES) throw new FileRejectedError('too_large').localized(locale)
  if (upload.bytes.length === 0) throw unreadable(new UnreadableFileError('empty'), locale)
  let file: Awaited<ReturnType<typeof storeFile>>
  try {
    file = await storeFile(ctx, {
      bytes: upload.bytes,
      originalName: upload.originalName,
      ...(upload.declaredMimeType ? { declaredMimeType: upload.declaredMimeType } : {}),
      allowed: ALLOWED_MIME_TYPES,
    })
  } catch (err) {
    if (err instanceof FileRejectedError) throw err.localized(locale)
    throw err
  }
  const format = formatOf(file.mimeType)
  let sheet: ParsedSheet
  try {
    sheet = await parseSpreadsheet(upload.bytes, format)
  } catch (err) {
    if (err instanceof UnreadableFileError) throw unreadable(err, locale)
    throw err
  }
  if (sheet.rows.length === 0) throw unreadable(new UnreadableFileError('empty'), locale)
  const mapping = suggestMapping(sheet.headers)
  const row = await repo.insertImport(ctx, {
    fileId: file.id,
    fileName: file.originalName,
    format,
    status: 'uploaded',
    headers: sheet.headers,
    sample: maskedSample(sheet, mapping),
    mapping,
    locale,
    totalRows: sheet.rows.length,
    createdBy: ctx.actor.userId,
  })
  await recordAudit(ctx, {
    action: 'people.import_uploaded',
    entityType: 'person_import',
    entityId: row.id,
    after: { fileName: row.fileName, format, totalRows: row.totalRows },
  })
  return toImportDto(row)
}

export async function loadImport(ctx: ServiceContext, id: string, options: { forUpdate?: boolean } = {}) {
  const row = await repo.findImport(ctx, id, options)
  if (!row) throw notFound('Import')
  return row
}

export async function listImports(
  ctx: ServiceContext,
  query: { limit: number; cursor?: string | undefined },
): Promise<PersonImportPage> {
  const rows = await repo.listImports(ctx, { limit: query.limit, after: decodeCursor(query.cursor) })
  const page = toPage(rows, query.limit, (r) => r.id)
  return {
    items: page.items.map((r) => {
      const dto = toImportDto(r)
      return {
        id: dto.id,
        fileName: dto.fileName,
        format: dto.format,
        status: dto.status,
        totalRows: dto.totalRows,
        errorRows: dto.errorRows,
        created: dto.created,
        updated: dto.updated,
        createdBy: dto.createdBy,
        createdAt: dto.createdAt,
      }
    }),
    nextCursor: page.nextCursor,
  }
}

export async function getImport(ctx: ServiceContext, id: string): Promise<PersonImport> {
  const row = await loadImport(ctx, id)
  return toImportDto(row, await repo.listErrors(ctx, id, { limit: INLINE_ERRORS - 1 }))
}

// The errors cursor is the (row, id) of the last error of a page.
const encodeErrorCursor = (e: { row: number; id: string }) =>
  Buffer.from(`${e.row}.${e.id}`, 'utf8').toString('base64url')

function decodeErrorCursor(cursor: string | undefined) {
  if (cursor === undefined) return undefined
  const m = /^(\d+)\.([0-9a-f-]{36})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
  if (!m) {
    throw new AppError('validation_failed', 'Invalid cursor', [
      { path: 'querystring.cursor', message: 'Invalid cursor' },
    ])
  }
  return { row: Number(m[1]), id: m[2]! }
}

export async function listImportErrors(
  ctx: ServiceContext,
  id: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<PersonImportErrorPage> {
  await loadImport(ctx, id)
  const rows = await repo.listErrors(ctx, id, { limit: query.limit, after: decodeErrorCursor(query.cursor) })
  const items = rows.slice(0, query.limit)
  const last = items.at(-1)
  return {
    items: items.map((e) => ({ row: e.row, column: e.column, message: e.message })),
    nextCursor: rows.length > query.limit && last ? encodeErrorCursor(last) : null,
  }
}

/** Every error as a CSV (UTF-8 with BOM so Excel shows accents), headed in the import's language. */
export async function importReportCsv(ctx: ServiceContext, id: string) {
  const row = await loadImport(ctx, id)
  const lines = [reportHeader(row.locale as ImportLocale).join(',')]
  let after: { row: number; id: string } | undefined
  for (;;) {
    const page = await repo.listErrors(ctx, id, { limit: 5000, after })
    const items = page.slice(0, 5000)
    for (const e of items) lines.push([String(e.row), csvCell(e.column ?? ''), csvCell(e.message)].join(','))
    const last = items.at(-1)
    if (page.length <= 5000 || !last) break
    after = { row: last.row, id: last.id }
  }
  return { fileName: row.fileName, csv: `\uFEFF${lines.join('\r\n')}\r\n` }
}

/** Mapping problems a request can see at once: 422 on `body.mapping.<field>`, in the import's language. */
function checkMapping(
  ctx: ServiceContext,
  headers: string[],
  mapping: PersonImportMapping,
  locale: ImportLocale,
) {
  const m = mappingMessages(locale)
  const problems: { path: string; message: string }[] = []
  const add = (field: string, message: string) => problems.push({ path: `body.mapping.${field}`, message })
  const known = new Set(headers)
  const usedBy = new Map<string, PersonImportField>()
  for (const field of PERSON_IMPORT_FIELDS) {
    const header = mapping[field]
    if (header === undefined) continue
    if (!known.has(header)) add(field, m.unknownColumn(header))
    if (usedBy.has(header)) add(field, m.usedTwice(header))
    else usedBy.set(header, field)
  }
  if (!mapping.documentType) add('documentType', m.documentType())
  if (!mapping.documentNumber) add('documentNumber', m.documentNumber())
  if (!(mapping.firstNames && mapping.lastNames) && !mapping.businessName) add('firstNames', m.names())
  if (problems.length) throw new AppError('unprocessable', m.invalid(), problems)
  const sensitive = SENSITIVE_IMPORT_FIELDS.filter((f) => mapping[f] !== undefined)
  if (sensitive.length && !can(ctx, SENSITIVE_PERMISSION)) {
    throw new AppError(
      'forbidden',
      m.sensitive(),
      sensitive.map((f) => ({ path: `body.mapping.${f}`, message: m.needsSensitive() })),
    )
  }
}

const RUNNING = new Set(['validating', 'committing'])
/**
 * A job still "running" after this long died (a worker crash): validating again is allowed. A commit
 * that really is running holds the import's row lock, so the request waits for it and sees the end.
 */
const STALE_JOB_MS = 30 * 60_000

/** Starts validation with a mapping (202): the job then fills the counts and errors. */
export async function requestValidation(
  ctx: ServiceContext,
  id: string,
  input: ValidatePersonImport,
): Promise<PersonImport> {
  const row = await loadImport(ctx, id, { forUpdate: true })
  const stale = ctx.now.getTime() - row.updatedAt.getTime() > STALE_JOB_MS
  if (RUNNING.has(row.status) && !stale) {
    throw new AppError('conflict', 'A job is already running for this import')
  }
  if (row.status === 'committed') throw new AppError('conflict', 'This import was already committed')
  checkMapping(ctx, row.headers, input.mapping, row.locale as ImportLocale)
  const updated = await repo.updateImport(ctx, id, {
    status: 'validating',
    mapping: input.mapping,
    mappingSuggested: false,
    assignMembershipNumbers: input.assignMembershipNumbers,
    validRows: null,
    errorRows: null,
    toCreate: null,
    toUpdate: null,
    failureMessage: null,
  })
  await repo.replaceErrors(ctx, id, [])
  await recordAudit(ctx, {
    action: 'people.import_validation_requested',
    entityType: 'person_import',
    entityId: id,
    before: { mapping: row.mapping },
    after: { mapping: input.mapping, assignMembershipNumbers: input.assignMembershipNumbers },
  })
  return toImportDto(updated ?? row)
}

/** Starts the commit (202) after a validation; all-or-nothing with known errors is refused at once. */
export async function requestCommit(
  ctx: ServiceContext,
  id: string,
  input: CommitPersonImport,
): Promise<PersonImport> {
  const row = await loadImport(ctx, id, { forUpdate: true })
  if (row.status !== 'validated') {
    throw new AppError('conflict', `Only a validated import can be committed (this one is ${row.status})`)
  }
  if (input.mode === 'all_or_nothing' && (row.errorRows ?? 0) > 0) {
    throw new AppError(
      'unprocessable',
      `${row.errorRows} row(s) have errors: fix the file or commit only the valid rows`,
      [{ path: 'body.mode', message: 'All or nothing needs a file without errors' }],
    )
  }
  const updated = await repo.updateImport(ctx, id, {
    status: 'committing',
    mode: input.mode,
    failureMessage: null,
  })
  return toImportDto(updated ?? row)
}

/** The stored file's bytes (read by the jobs). */
export async function importFileBytes(ctx: ServiceContext, fileId: string): Promise<Buffer> {
  const { stream } = await readFile(ctx, fileId)
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk))
  return Buffer.concat(chunks)
}
