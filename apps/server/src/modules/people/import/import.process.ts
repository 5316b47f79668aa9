import {
  PERSON_IMPORT_PROGRESS_EVENT,
  type PersonImportMapping,
  type PersonImportProgress,
  type PersonImportStatus,
} from '@minga/contracts'
import { type AuditEntry, recordAudit, recordAuditMany } from '../../../platform/audit/audit.ts'
import { bogotaDate } from '../../../platform/calendar/index.ts'
import { newId } from '../../../platform/db/tenant-table.ts'
import { withOrg } from '../../../platform/db/with-org.ts'
import { recordEvent } from '../../../platform/events/event-bus.ts'
import type { JobServices } from '../../../platform/module-manifest.ts'
import { type ServiceContext, systemContext } from '../../../platform/service-context.ts'
import { reserveCounterRange } from '../../../platform/tenancy/tenancy.repository.ts'
import * as peopleRepo from '../people.repository.ts'
import { refreshSearchStatistics } from '../people.search.repository.ts'
import {
  auditView,
  decryptPhones,
  decryptSalary,
  documentIndex,
  MEMBERSHIP_COUNTER,
  type PersonFields,
  personColumns,
} from '../people.service.ts'
import { checkAddress, FieldErrors } from '../people.validation.ts'
import * as repo from './import.repository.ts'
import { importFileBytes } from './import.service.ts'
import { failureMessages, type ImportLocale, type RowMessages, rowMessages } from './messages.ts'
import { parseSpreadsheet } from './parse-file.ts'
import { type RowError, type RowValues, type ValidRow, validateSheet } from './row-validation.ts'

export const VALIDATE_JOB = 'people.import.validate'
export const COMMIT_JOB = 'people.import.commit'
export const PEOPLE_IMPORTED = 'people.imported'

export type ImportJobData = { orgId: string; importId: string; userId: string }

/** Rows per write batch; progress is pushed after each. */
const WRITE_BATCH = 1000

type Update = { row: ValidRow; before: peopleRepo.PersonRow; touched: PersonFields }

/** What a file would do to the registry now: rows to create, to update, unchanged, and every error. */
type Analysis = {
  total: number
  creates: ValidRow[]
  updates: Update[]
  unchanged: number
  errors: RowError[]
  errorRows: number
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000')

/**
 * The mapped, non-empty fields of a row that differ from the person's current values (so a
 * re-import of the same file changes nothing). Empty object: unchanged.
 */
export function changedFields(before: peopleRepo.PersonRow, kind: 'natural' | 'legal', v: RowValues) {
  const touched: PersonFields = {}
  const text = ['employerName', 'position', 'birthDate', 'joinedOn'] as const
  const names = kind === 'natural' ? (['firstNames', 'lastNames'] as const) : (['businessName'] as const)
  for (const field of [...names, ...text]) {
    const value = v[field]
    if (value !== undefined && value !== before[field]) touched[field] = value
  }
  if (v.emails && !sameList(v.emails, before.emails)) touched.emails = v.emails
  if (v.tags && !sameList(v.tags, before.tags)) touched.tags = v.tags
  if (v.phones && !sameList(v.phones, decryptPhones(before))) touched.phones = v.phones
  if (v.salary !== undefined && v.salary !== decryptSalary(before)) touched.salary = v.salary
  if (v.addressLine !== undefined || v.departmentCode !== undefined || v.municipalityCode !== undefined) {
    const current = before.address ?? {}
    const address = {
      line: v.addressLine ?? current.line ?? null,
      departmentCode: v.departmentCode ?? current.departmentCode ?? null,
      municipalityCode: v.municipalityCode ?? current.municipalityCode ?? null,
    }
    if (
      address.line !== (current.line ?? null) ||
      address.departmentCode !== (current.departmentCode ?? null) ||
      address.municipalityCode !== (current.municipalityCode ?? null)
    ) {
      touched.address = address
    }
  }
  return touched
}

/**
 * Rules that span the file and the record: a row that changes only the department, or only the
 * joining date, must still agree with what the person already has.
 */
function mergedProblems(
  before: peopleRepo.PersonRow,
  touched: PersonFields,
  mapping: PersonImportMapping,
  messages: RowMessages,
): { column: string | null; message: string }[] {
  const problems: { column: string | null; message: string }[] = []
  if (touched.address) {
    const errors = new FieldErrors()
    checkAddress(errors, touched.address)
    for (const e of errors.list) {
      const field = e.path.endsWith('municipalityCode') ? 'municipalityCode' : 'departmentCode'
      problems.push({
        column: mapping[field] ?? mapping.departmentCode ?? mapping.municipalityCode ?? null,
        message: messages.fromRule(e.message),
      })
    }
  }
  if (touched.birthDate !== undefined || touched.joinedOn !== undefined) {
    const birth = touched.birthDate ?? before.birthDate
    const joined = touched.joinedOn ?? before.joinedOn
    if (birth && joined && joined < birth) {
      const column = touched.joinedOn !== undefined ? mapping.joinedOn : mapping.birthDate
      problems.push({ column: column ?? null, message: messages.joinedBeforeBirth() })
    }
  }
  return problems
}

/** A new person's fields from a row. */
function newFields(v: RowValues): PersonFields {
  const fields: PersonFields = {}
  for (const key of [
    'birthDate',
    'emails',
    'phones',
    'employerName',
    'position',
    'salary',
    'joinedOn',
    'tags',
  ] as const) {
    if (v[key] !== undefined) (fields as Record<string, unknown>)[key] = v[key]
  }
  if (v.addressLine !== undefined || v.departmentCode !== undefined || v.municipalityCode !== undefined) {
    fields.address = {
      line: v.addressLine ?? null,
      departmentCode: v.departmentCode ?? null,
      municipalityCode: v.municipalityCode ?? null,
    }
  }
  return fields
}

/** Parses and validates the stored file and matches its rows to the registry (batched lookups). */
async function analyze(
  ctx: ServiceContext,
  row: repo.ImportRow,
  onProgress: (processed: number) => void,
): Promise<Analysis> {
  const locale = row.locale as ImportLocale
  const messages = rowMessages(locale)
  const sheet = await parseSpreadsheet(await importFileBytes(ctx, row.fileId), row.format)
  const checked = validateSheet(sheet, row.mapping as PersonImportMapping, {
    now: ctx.now,
    messages,
    onProgress,
  })
  const bidxs = checked.valid.map((v) => documentIndex(v.documentType, v.doc.number))
  const existing = await peopleRepo.peopleByDocumentIndexes(
    ctx,
    checked.valid.map((v, i) => ({ type: v.documentType, bidx: bidxs[i]! })),
  )
  const byBidx = new Map(existing.map((p) => [p.documentNumberBidx, p]))
  const analysis: Analysis = {
    total: sheet.rows.length,
    creates: [],
    updates: [],
    unchanged: 0,
    errors: checked.errors,
    errorRows: checked.errorRows,
  }
  const mapping = row.mapping as PersonImportMapping
  let lateErrors = false
  checked.valid.forEach((v, i) => {
    const before = byBidx.get(bidxs[i]!)
    if (!before) {
      analysis.creates.push(v)
      return
    }
    if (before.anonymizedAt) {
      analysis.errors.push({
        row: v.row,
        column: row.mapping.documentNumber ?? null,
        message: messages.anonymized(),
      })
      analysis.errorRows += 1
      lateErrors = true
      return
    }
    const touched = changedFields(before, v.kind, v.values)
    const problems = mergedProblems(before, touched, mapping, messages)
    if (problems.length) {
      analysis.errors.push(...problems.map((p) => ({ row: v.row, ...p })))
      analysis.errorRows += 1
      lateErrors = true
    } else if (Object.keys(touched).length === 0) analysis.unchanged += 1
    else analysis.updates.push({ row: v, before, touched })
  })
  if (lateErrors) analysis.errors.sort((a, b) => a.row - b.row)
  return analysis
}

/** Pushes progress to the importing user's sockets (all their tabs). */
function progress(
  services: JobServices,
  data: ImportJobData,
  status: PersonImportStatus,
  processed: number,
  total: number,
) {
  const payload: PersonImportProgress = { importId: data.importId, status, processed, total }
  services.realtime.emitToUser(data.userId, PERSON_IMPORT_PROGRESS_EVENT, payload)
}

const jobContext = (tx: ServiceContext['db'], job: string, data: ImportJobData) =>
  systemContext(tx, data.orgId, `job:${job}:${data.importId}`, { userId: data.userId })

/** All-or-nothing found errors inside the commit: everything is rolled back, the errors are kept. */
class CommitRejected extends Error {
  readonly analysis: Analysis
  constructor(analysis: Analysis) {
    super('all-or-nothing commit rejected')
    this.analysis = analysis
  }
}

/** Marks the import failed in a fresh transaction (the job's own was rolled back). */
async function markFailed(services: JobServices, data: ImportJobData, job: string, error: unknown) {
  const final = await withOrg(services.db, data.orgId, async (tx) => {
    const ctx = jobContext(tx, job, data)
    const row = await repo.findImport(ctx, data.importId)
    if (!row) return null
    const t = failureMessages(row.locale as ImportLocale)
    if (error instanceof CommitRejected) {
      const a = error.analysis
      await repo.replaceErrors(ctx, row.id, a.errors)
      return repo.updateImport(ctx, row.id, {
        status: 'failed',
        failureMessage: t.rowsHaveErrors(a.errorRows),
        errorRows: a.errorRows,
        validRows: a.total - a.errorRows,
      })
    }
    return repo.updateImport(ctx, row.id, { status: 'failed', failureMessage: t.unexpected() })
  })
  if (final) progress(services, data, 'failed', 0, final.totalRows)
}

/** The dry run: counts and errors stored on the import; nothing else changes. */
export async function runValidation(services: JobServices, data: ImportJobData) {
  try {
    const final = await withOrg(services.db, data.orgId, async (tx) => {
      const ctx = jobContext(tx, VALIDATE_JOB, data)
      const row = await repo.findImport(ctx, data.importId, { forUpdate: true })
      if (row?.status !== 'validating') return null
      const a = await analyze(ctx, row, (n) => progress(services, data, 'validating', n, row.totalRows))
      await repo.replaceErrors(ctx, row.id, a.errors)
      return repo.updateImport(ctx, row.id, {
        status: 'validated',
        validRows: a.total - a.errorRows,
        errorRows: a.errorRows,
        toCreate: a.creates.length,
        toUpdate: a.updates.length,
      })
    })
    if (final) progress(services, data, final.status, final.totalRows, final.totalRows)
  } catch (error) {
    await markFailed(services, data, VALIDATE_JOB, error)
    throw error
  }
}

/**
 * The commit, in one transaction: re-validates against the registry as it is now, then creates and
 * updates people with multi-row statements, bulk audit rows and one event.
 */
/** Imports writing at least this many people refresh the search statistics when they commit. */
const STATISTICS_AFTER_ROWS = 1000

export async function runCommit(services: JobServices, data: ImportJobData) {
  try {
    const final = await withOrg(services.db, data.orgId, async (tx) => {
      const ctx = jobContext(tx, COMMIT_JOB, data)
      const row = await repo.findImport(ctx, data.importId, { forUpdate: true })
      if (row?.status !== 'committing') return null
      const a = await analyze(ctx, row, (n) =>
        progress(services, data, 'committing', Math.floor(n / 2), row.totalRows),
      )
      if (row.mode === 'all_or_nothing' && a.errorRows > 0) throw new CommitRejected(a)
      await writeAnalysis(ctx, row, a, (n) =>
        progress(services, data, 'committing', Math.floor((row.totalRows + n) / 2), row.totalRows),
      )
      await repo.replaceErrors(ctx, row.id, a.errors)
      const counts = {
        created: a.creates.length,
        updated: a.updates.length,
        unchanged: a.unchanged,
        skipped: a.errorRows,
      }
      await recordAudit(ctx, {
        action: 'people.imported',
        entityType: 'person_import',
        entityId: row.id,
        after: { fileName: row.fileName, mode: row.mode, totalRows: a.total, ...counts },
      })
      await recordEvent(ctx, {
        type: PEOPLE_IMPORTED,
        entityId: row.id,
        payload: { importId: row.id, ...counts },
      })
      return repo.updateImport(ctx, row.id, {
        status: 'committed',
        ...counts,
        validRows: a.total - a.errorRows,
        errorRows: a.errorRows,
      })
    })
    if (final && (final.created ?? 0) + (final.updated ?? 0) >= STATISTICS_AFTER_ROWS)
      await refreshSearchStatistics(services.db)
    if (final) progress(services, data, final.status, final.totalRows, final.totalRows)
  } catch (error) {
    await markFailed(services, data, COMMIT_JOB, error)
    if (!(error instanceof CommitRejected)) throw error
  }
}

async function writeAnalysis(
  ctx: ServiceContext,
  importRow: repo.ImportRow,
  a: Analysis,
  onProgress: (written: number) => void,
) {
  const today = bogotaDate(ctx.now)
  let membership =
    importRow.assignMembershipNumbers && a.creates.length
      ? Number(await reserveCounterRange(ctx.db, ctx.orgId, MEMBERSHIP_COUNTER, a.creates.length))
      : null
  let written = 0
  for (let i = 0; i < a.creates.length; i += WRITE_BATCH) {
    const batch = a.creates.slice(i, i + WRITE_BATCH).map((v): peopleRepo.BulkPersonInsert => {
      const columns = personColumns(
        {
          kind: v.kind,
          documentType: v.documentType,
          firstNames: v.values.firstNames ?? null,
          lastNames: v.values.lastNames ?? null,
          businessName: v.values.businessName ?? null,
        },
        v.doc,
        newFields(v.values),
      )
      return {
        id: newId(),
        kind: v.kind,
        documentType: v.documentType,
        documentNumberEnc: columns.documentNumberEnc ?? '',
        documentNumberBidx: columns.documentNumberBidx,
        documentLast4: columns.documentLast4 ?? '',
        nitCheckDigit: columns.nitCheckDigit ?? null,
        firstNames: columns.firstNames ?? null,
        lastNames: columns.lastNames ?? null,
        businessName: columns.businessName ?? null,
        nameSearch: columns.nameSearch ?? '',
        birthDate: columns.birthDate ?? null,
        emails: columns.emails ?? [],
        primaryEmail: columns.primaryEmail ?? null,
        phonesEnc: columns.phonesEnc ?? null,
        phoneBidx: columns.phoneBidx ?? [],
        address: columns.address ?? null,
        employerName: columns.employerName ?? null,
        position: columns.position ?? null,
        salaryEnc: columns.salaryEnc ?? null,
        status: 'activo',
        statusChangedOn: v.values.joinedOn ?? today,
        membershipNumber: membership === null ? null : membership++,
        joinedOn: columns.joinedOn ?? null,
        tags: columns.tags ?? [],
      }
    })
    await peopleRepo.insertPeopleMany(ctx, batch)
    await peopleRepo.insertStatusChanges(
      ctx,
      batch.map((p) => ({
        personId: p.id,
        fromStatus: null,
        toStatus: 'activo',
        effectiveOn: p.statusChangedOn ?? today,
        reason: 'Importación',
        actorId: ctx.actor.userId,
      })),
    )
    await recordAuditMany(
      ctx,
      batch.map(
        (p): AuditEntry => ({
          action: 'person.imported',
          entityType: 'person',
          entityId: p.id,
          // The row as inserted (columns not written keep their defaults).
          after: auditView({ ...p, branchId: null, userId: null } as peopleRepo.PersonRow),
        }),
      ),
    )
    written += batch.length
    onProgress(written)
  }
  for (let i = 0; i < a.updates.length; i += WRITE_BATCH) {
    const batch = a.updates.slice(i, i + WRITE_BATCH)
    const rows = batch.map(({ row: v, before, touched }) => {
      const columns = personColumns(
        {
          kind: before.kind,
          documentType: v.documentType,
          firstNames: touched.firstNames ?? before.firstNames,
          lastNames: touched.lastNames ?? before.lastNames,
          businessName: touched.businessName ?? before.businessName,
        },
        v.doc,
        touched,
      )
      // The document's ciphertext stays as it was: same number, no need to re-encrypt it.
      const { documentNumberEnc: _enc, ...changes } = columns
      return { ...before, ...changes, version: before.version + 1 } as peopleRepo.PersonRow
    })
    await peopleRepo.updatePeopleMany(ctx, rows)
    await recordAuditMany(
      ctx,
      batch.map(
        ({ before, touched }, k): AuditEntry => ({
          action: 'person.imported',
          entityType: 'person',
          entityId: before.id,
          before: auditView(before),
          after: auditView(rows[k]!, 'salary' in touched ? '[protected, changed]' : '[protected]'),
        }),
      ),
    )
    written += batch.length
    onProgress(written)
  }
}
