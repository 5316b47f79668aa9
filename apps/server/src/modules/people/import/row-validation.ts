import type { PersonImportField, PersonImportMapping, PersonImportRowError } from '@minga/contracts'
import { bogotaDate } from '../../../platform/calendar/index.ts'
import { DANE_DEPARTMENTS } from '../domain/dane.ts'
import type { DocumentType, ParsedDocument } from '../domain/documents.ts'
import { normalizeName } from '../domain/names.ts'
import {
  checkAddress,
  checkDocument,
  checkPastDate,
  FieldErrors,
  normalizePhone,
} from '../people.validation.ts'
import { unescapeFormula } from './csv-cell.ts'
import type { RowMessages } from './messages.ts'
import type { ParsedSheet } from './parse-file.ts'

/** The values of one row after normalization; a field is present only when mapped and non-empty. */
export type RowValues = {
  firstNames?: string
  lastNames?: string
  businessName?: string
  birthDate?: string
  emails?: string[]
  phones?: string[]
  addressLine?: string
  departmentCode?: string
  municipalityCode?: string
  employerName?: string
  position?: string
  salary?: number
  joinedOn?: string
  tags?: string[]
}

export type ValidRow = {
  row: number
  documentType: DocumentType
  kind: 'natural' | 'legal'
  doc: ParsedDocument
  values: RowValues
}

export type RowError = PersonImportRowError

// ---- Value parsers (pure, each returns null when the text is not acceptable) ----

const squash = (value: string) => unescapeFormula(value.replace(/\s+/g, ' ').trim())
const alnum = (value: string) =>
  value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')

const DOCUMENT_TYPE_ALIASES: Record<string, DocumentType> = {
  cc: 'CC',
  cedula: 'CC',
  ceduladeciudadania: 'CC',
  cedulaciudadania: 'CC',
  '13': 'CC',
  ce: 'CE',
  ceduladeextranjeria: 'CE',
  cedulaextranjeria: 'CE',
  '22': 'CE',
  ti: 'TI',
  tarjetadeidentidad: 'TI',
  tarjetaidentidad: 'TI',
  '12': 'TI',
  rc: 'RC',
  registrocivil: 'RC',
  registrocivildenacimiento: 'RC',
  '11': 'RC',
  nuip: 'NUIP',
  pa: 'PA',
  pasaporte: 'PA',
  passport: 'PA',
  '41': 'PA',
  pep: 'PEP',
  permisoespecialdepermanencia: 'PEP',
  '47': 'PEP',
  ppt: 'PPT',
  permisoporprotecciontemporal: 'PPT',
  '48': 'PPT',
  nit: 'NIT',
  '31': 'NIT',
}

/** "C.C.", "cédula de ciudadanía", "13" (DIAN code) → CC; null when unknown. */
export function parseDocumentType(value: string): DocumentType | null {
  return DOCUMENT_TYPE_ALIASES[alnum(value)] ?? null
}

const pad2 = (n: string) => n.padStart(2, '0')
const EXCEL_EPOCH = Date.UTC(1899, 11, 30)

/**
 * YYYY-MM-DD from YYYY-MM-DD, an ISO timestamp, DD/MM/YYYY (Colombian order; also - or .), YYYY/MM/DD
 * or an Excel serial day number. The result may still be impossible (2024-02-30): the date rules say so.
 */
export function parseDateText(value: string): string | null {
  const v = value.trim()
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(v)
  if (m) return `${m[1]}-${pad2(m[2]!)}-${pad2(m[3]!)}`
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v)
  if (m) return `${m[3]}-${pad2(m[2]!)}-${pad2(m[1]!)}`
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(v)
  if (m) return `${m[1]}-${pad2(m[2]!)}-${pad2(m[3]!)}`
  if (/^\d{1,5}(\.\d+)?$/.test(v)) {
    const serial = Math.floor(Number(v))
    if (serial < 1) return null
    return new Date(EXCEL_EPOCH + serial * 86_400_000).toISOString().slice(0, 10)
  }
  return null
}

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/

/** Whole non-negative pesos from "1.234.567", "1234567", "$ 1.234.567", "1,234,567" or "1234567,00". */
export function parseSalary(value: string): number | null {
  let t = value.replace(/\s|\$|cop/gi, '')
  t = t.replace(/[.,]00?$/, '')
  if (/^\d{1,3}([.,]\d{3})+$/.test(t)) t = t.replace(/[.,]/g, '')
  if (!/^\d+$/.test(t)) return null
  const n = Number(t)
  return Number.isSafeInteger(n) && n <= 10_000_000_000 ? n : null
}

/** A phone as stored (digits and an optional leading +): 7 to 15 digits; null otherwise. */
export function parsePhone(value: string): string | null {
  const v = value.trim()
  if (!/^\+?[\d\s().-]+$/.test(v)) return null
  const digits = v.replace(/\D/g, '').length
  return digits >= 7 && digits <= 15 ? normalizePhone(v) : null
}

const DEPARTMENT_BY_NAME: ReadonlyMap<string, string> = new Map([
  ...Object.entries(DANE_DEPARTMENTS).map(([code, name]) => [normalizeName(name), code] as const),
  ['bogota', '11'],
  ['bogota dc', '11'],
  ['san andres', '88'],
])

/** "5" or "05" → "05"; a department name ("Antioquia", "Bogotá D.C.") → its DANE code. */
export function parseDepartment(value: string): string {
  const v = value.trim()
  if (/^\d{1,2}$/.test(v)) return pad2(v)
  return DEPARTMENT_BY_NAME.get(normalizeName(v)) ?? v
}

/** "5001" (a leading zero lost by a spreadsheet) → "05001". Names are left for the rules to refuse. */
export function parseMunicipality(value: string): string {
  const v = value.trim()
  return /^\d{4}$/.test(v) ? `0${v}` : v
}

const splitList = (value: string) =>
  value
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean)

// ---- Rows ----

const TEXT_LIMITS: Partial<Record<PersonImportField, number>> = {
  firstNames: 120,
  lastNames: 120,
  businessName: 200,
  addressLine: 200,
  employerName: 200,
  position: 120,
}

type Cells = Partial<Record<PersonImportField, string>>

/**
 * Validates one row's cells (by field) with the people module's rules. Returns its normalized values,
 * or the problems found as (field, message) pairs.
 */
export function validateCells(
  cells: Cells,
  options: { now: Date; messages: RowMessages },
):
  | {
      ok: true
      documentType: DocumentType
      kind: 'natural' | 'legal'
      doc: ParsedDocument
      values: RowValues
    }
  | { ok: false; problems: [PersonImportField, string][] } {
  const { now, messages: m } = options
  const problems: [PersonImportField, string][] = []
  const add = (field: PersonImportField, message: string) => problems.push([field, message])
  const cell = (field: PersonImportField) => squash(cells[field] ?? '')
  const values: RowValues = {}

  const typeText = cell('documentType')
  const documentType = typeText ? parseDocumentType(typeText) : null
  if (!typeText) add('documentType', m.required())
  else if (!documentType) add('documentType', m.unknownDocumentType(typeText))

  let doc: ParsedDocument | null = null
  const numberText = cell('documentNumber')
  if (!numberText) add('documentNumber', m.required())
  else if (documentType) {
    const errors = new FieldErrors()
    doc = checkDocument(errors, 'documentNumber', documentType, numberText)
    for (const e of errors.list) add('documentNumber', m.fromRule(e.message))
  }
  const kind = documentType === 'NIT' ? 'legal' : 'natural'

  for (const field of [
    'firstNames',
    'lastNames',
    'businessName',
    'addressLine',
    'employerName',
    'position',
  ] as const) {
    const v = cell(field)
    if (!v) continue
    const max = TEXT_LIMITS[field] ?? 200
    if (v.length > max) add(field, m.tooLong(max))
    else values[field] = v
  }
  if (documentType) {
    if (kind === 'natural') {
      if (!cell('firstNames')) add('firstNames', m.needsFirstNames())
      if (!cell('lastNames')) add('lastNames', m.needsLastNames())
    } else if (!cell('businessName')) add('businessName', m.needsBusinessName())
  }

  for (const field of ['birthDate', 'joinedOn'] as const) {
    const v = cell(field)
    if (!v) continue
    const date = parseDateText(v)
    if (!date) {
      add(field, m.badDate(v))
      continue
    }
    const errors = new FieldErrors()
    checkPastDate(errors, field, date, now)
    if (errors.list.length) for (const e of errors.list) add(field, m.fromRule(e.message))
    else values[field] = date
  }
  if (values.birthDate && values.joinedOn && values.joinedOn < values.birthDate) {
    add('joinedOn', m.joinedBeforeBirth())
  }
  if (
    kind === 'natural' &&
    values.birthDate &&
    values.birthDate < `${Number(bogotaDate(now).slice(0, 4)) - 120}`
  ) {
    add('birthDate', m.tooOld())
  }

  const emailText = cell('email')
  if (emailText) {
    const emails = [
      ...new Set(
        emailText
          .split(/[,;\s]+/)
          .filter(Boolean)
          .map((e) => e.toLowerCase()),
      ),
    ]
    const bad = emails.find((e) => !EMAIL.test(e) || e.length > 200)
    if (bad) add('email', m.badEmail(bad))
    else if (emails.length > 5) add('email', m.tooMany(5))
    else values.emails = emails
  }

  const phoneText = cell('phone')
  if (phoneText) {
    const parts = phoneText
      .split(/[,;/]/)
      .map((p) => p.trim())
      .filter(Boolean)
    const phones = parts.map(parsePhone)
    const badAt = phones.indexOf(null)
    if (badAt >= 0) add('phone', m.badPhone(parts[badAt] ?? phoneText))
    else if (phones.length > 5) add('phone', m.tooMany(5))
    else values.phones = [...new Set(phones as string[])]
  }

  const salaryText = cell('salary')
  if (salaryText) {
    const salary = parseSalary(salaryText)
    if (salary === null) add('salary', m.badSalary(salaryText))
    else values.salary = salary
  }

  const department = cell('departmentCode')
  const municipality = cell('municipalityCode')
  if (department) values.departmentCode = parseDepartment(department)
  if (municipality) values.municipalityCode = parseMunicipality(municipality)
  if (department || municipality) {
    const errors = new FieldErrors()
    checkAddress(errors, { departmentCode: values.departmentCode, municipalityCode: values.municipalityCode })
    for (const e of errors.list) {
      add(e.path.endsWith('municipalityCode') ? 'municipalityCode' : 'departmentCode', m.fromRule(e.message))
    }
  }

  const tagText = cell('tags')
  if (tagText) {
    const tags = [...new Set(splitList(tagText))]
    const long = tags.find((tag) => tag.length > 40)
    if (long) add('tags', m.tagTooLong(long))
    else if (tags.length > 30) add('tags', m.tooMany(30))
    else values.tags = tags
  }

  if (problems.length || !documentType || !doc) return { ok: false, problems }
  return { ok: true, documentType, kind, doc, values }
}

/**
 * Validates every row of a sheet under a mapping: (row, header, message) for each problem, the same
 * document twice in the file refused on the later row. `onProgress` is called every 1,000 rows.
 */
export function validateSheet(
  sheet: ParsedSheet,
  mapping: PersonImportMapping,
  options: { now: Date; messages: RowMessages; onProgress?: (processed: number) => void },
): { valid: ValidRow[]; errors: RowError[]; errorRows: number } {
  const index = new Map(sheet.headers.map((h, i) => [h, i]))
  const columns = (Object.entries(mapping) as [PersonImportField, string][]).flatMap(([field, header]) => {
    const at = index.get(header)
    return at === undefined ? [] : [[field, at] as const]
  })
  const valid: ValidRow[] = []
  const errors: RowError[] = []
  const firstRowOf = new Map<string, number>()
  let errorRows = 0
  let processed = 0
  for (const { row, cells } of sheet.rows) {
    processed += 1
    if (processed % 1000 === 0) options.onProgress?.(processed)
    const byField: Cells = {}
    for (const [field, at] of columns) byField[field] = cells[at] ?? ''
    const result = validateCells(byField, options)
    const rowErrors: RowError[] = result.ok
      ? []
      : result.problems.map(([field, message]) => ({
          row,
          // A field the mapping leaves out (a NIT row when only names are mapped) is the type's problem.
          column: mapping[field] ?? mapping.documentType ?? null,
          message,
        }))
    if (result.ok) {
      const key = `${result.documentType}:${result.doc.number}`
      const first = firstRowOf.get(key)
      if (first !== undefined) {
        rowErrors.push({
          row,
          column: mapping.documentNumber ?? null,
          message: options.messages.duplicateInFile(first),
        })
      } else {
        firstRowOf.set(key, row)
        valid.push({
          row,
          documentType: result.documentType,
          kind: result.kind,
          doc: result.doc,
          values: result.values,
        })
      }
    }
    if (rowErrors.length) {
      errorRows += 1
      errors.push(...rowErrors)
    }
  }
  return { valid, errors, errorRows }
}
