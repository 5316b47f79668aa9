import type { PersonExportQuery } from '@minga/contracts'
import ExcelJS from 'exceljs'
import { can } from '../../../platform/access/effective-permissions.ts'
import { recordAudit } from '../../../platform/audit/audit.ts'
import { bogotaDate } from '../../../platform/calendar/index.ts'
import type { ServiceContext } from '../../../platform/service-context.ts'
import { decryptField } from '../data-keys.ts'
import { maskLast4 } from '../domain/documents.ts'
import * as peopleRepo from '../people.repository.ts'
import { nameSpellings } from '../people.search.repository.ts'
import { decryptPhones, decryptSalary, SENSITIVE_PERMISSION, searchFilter } from '../people.service.ts'
import { maskPhone } from '../people.validation.ts'
import { csvCell } from './csv-cell.ts'

/** Rows read per query while exporting. */
const EXPORT_PAGE = 1000

/**
 * The export's columns. Their Spanish headers are ones the import's mapping suggestion recognizes,
 * so an exported file imports back as is. `sensitive` columns are masked (or, salary, left out)
 * without people:read_sensitive.
 */
const COLUMNS: {
  header: string
  value: (p: peopleRepo.PersonRow, sensitive: boolean) => string
  salary?: true
}[] = [
  { header: 'Tipo de documento', value: (p) => p.documentType },
  {
    header: 'Número de documento',
    value: (p, sensitive) => {
      if (!sensitive || p.anonymizedAt) return maskLast4(p.documentLast4)
      const number = decryptField(p.documentNumberEnc)
      return p.nitCheckDigit ? `${number}-${p.nitCheckDigit}` : number
    },
  },
  { header: 'Nombres', value: (p) => p.firstNames ?? '' },
  { header: 'Apellidos', value: (p) => p.lastNames ?? '' },
  { header: 'Razón social', value: (p) => (p.kind === 'legal' ? (p.businessName ?? '') : '') },
  { header: 'Fecha de nacimiento', value: (p) => p.birthDate ?? '' },
  { header: 'Correo electrónico', value: (p) => p.emails.join('; ') },
  {
    header: 'Teléfonos',
    value: (p, sensitive) => {
      const phones = decryptPhones(p)
      return (sensitive ? phones : phones.map(maskPhone)).join('; ')
    },
  },
  { header: 'Dirección', value: (p) => p.address?.line ?? '' },
  { header: 'Departamento', value: (p) => p.address?.departmentCode ?? '' },
  { header: 'Municipio', value: (p) => p.address?.municipalityCode ?? '' },
  { header: 'Empresa', value: (p) => p.employerName ?? '' },
  { header: 'Cargo', value: (p) => p.position ?? '' },
  { header: 'Salario', value: (p) => String(decryptSalary(p) ?? ''), salary: true },
  { header: 'Fecha de ingreso', value: (p) => p.joinedOn ?? '' },
  { header: 'Etiquetas', value: (p) => p.tags.join(', ') },
  { header: 'Estado', value: (p) => p.status },
  {
    header: 'Número de asociado',
    value: (p) => (p.membershipNumber === null ? '' : String(p.membershipNumber)),
  },
]

export const EXPORT_HEADERS = COLUMNS.map((c) => c.header)

export type PeopleExport = { fileName: string; contentType: string; body: Buffer; rowCount: number }

/** Every person the list's filters match, as CSV (UTF-8 with BOM) or XLSX, read 1,000 at a time. */
export async function exportPeople(ctx: ServiceContext, query: PersonExportQuery): Promise<PeopleExport> {
  const sensitive = can(ctx, SENSITIVE_PERMISSION)
  const columns = COLUMNS.filter((c) => sensitive || !c.salary)
  const filter = searchFilter({ ...query, limit: EXPORT_PAGE })
  if (filter.name) filter.nameSpellings = await nameSpellings(ctx, filter.name)
  const rows: string[][] = []
  let after: string | undefined
  for (;;) {
    const page = await peopleRepo.searchPeople(ctx, filter, { limit: EXPORT_PAGE, after })
    const items = page.slice(0, EXPORT_PAGE)
    for (const p of items) rows.push(columns.map((c) => c.value(p, sensitive)))
    if (page.length <= EXPORT_PAGE) break
    after = items.at(-1)?.id
  }
  const headers = columns.map((c) => c.header)
  const date = bogotaDate(ctx.now)
  let file: Omit<PeopleExport, 'rowCount'>
  if (query.format === 'xlsx') {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Personas')
    sheet.addRow(headers).font = { bold: true }
    // Every cell is text: document numbers keep their leading zeros and never turn into numbers.
    for (const r of rows) sheet.addRow(r)
    file = {
      fileName: `personas-${date}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: Buffer.from(await workbook.xlsx.writeBuffer()),
    }
  } else {
    const lines = [headers, ...rows].map((r) => r.map(csvCell).join(','))
    file = {
      fileName: `personas-${date}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8'),
    }
  }
  const { format, ...filters } = query
  // A search for a document or phone number must not land in the audit log in clear.
  if (filters.q && /\d{5,}/.test(filters.q)) filters.q = '[número]'
  await recordAudit(ctx, {
    action: 'people.exported',
    entityType: 'person',
    entityId: null,
    after: { filters, format, rowCount: rows.length, sensitive },
  })
  return { ...file, rowCount: rows.length }
}
