import ExcelJS from 'exceljs'
import Papa from 'papaparse'

/** At most this many data rows per import (the header row not counted). */
export const MAX_IMPORT_ROWS = 100_000

/** One data row: its spreadsheet row number (header = 1) and its cells, in header order. */
export type SheetRow = { row: number; cells: string[] }
export type ParsedSheet = { headers: string[]; rows: SheetRow[] }

export type UnreadableReason = 'empty' | 'no_header' | 'duplicate_headers' | 'unreadable' | 'too_many_rows'

/** The file cannot be imported at all (as opposed to rows with errors). */
export class UnreadableFileError extends Error {
  readonly reason: UnreadableReason
  readonly detail: string | undefined
  constructor(reason: UnreadableReason, detail?: string) {
    super(detail ? `${reason}: ${detail}` : reason)
    this.reason = reason
    this.detail = detail
  }
}

/**
 * Text of a CSV: UTF-8 (BOM stripped), or Windows-1252 when the bytes are not valid UTF-8 — what
 * Excel in Colombia writes when it saves "CSV (delimitado por comas)".
 */
export function decodeText(bytes: Uint8Array): string {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes)
  }
  return text.replace(/^\uFEFF/, '')
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '')

/** Checks the header row and keeps the non-blank data rows, cut or padded to the header's width. */
function toSheet(headerCells: string[] | undefined, body: SheetRow[]): ParsedSheet {
  if (!headerCells || isBlank(headerCells)) throw new UnreadableFileError('no_header')
  const headers = headerCells.map((h) => h.trim())
  while (headers.length && headers.at(-1) === '') headers.pop()
  const blankAt = headers.indexOf('')
  if (blankAt >= 0) throw new UnreadableFileError('no_header', `column ${blankAt + 1}`)
  const seen = new Map<string, string>()
  for (const h of headers) {
    const key = h.toLowerCase()
    if (seen.has(key)) throw new UnreadableFileError('duplicate_headers', h)
    seen.set(key, h)
  }
  const rows = body
    .filter((r) => !isBlank(r.cells))
    .map((r) => ({
      row: r.row,
      cells: headers.map((_, i) => (r.cells[i] ?? '').trim()),
    }))
  if (rows.length > MAX_IMPORT_ROWS) throw new UnreadableFileError('too_many_rows', String(rows.length))
  return { headers, rows }
}

/** A CSV with `,`, `;` or tab as separator (detected); row numbers count records, header = 1. */
export function parseCsv(text: string): ParsedSheet {
  if (text.trim() === '') throw new UnreadableFileError('empty')
  const parsed = Papa.parse<string[]>(text, {
    header: false,
    delimiter: '',
    delimitersToGuess: [',', ';', '\t'],
    skipEmptyLines: false,
  })
  const fatal = parsed.errors.find((e) => e.type === 'Quotes')
  if (fatal) {
    throw new UnreadableFileError('unreadable', `row ${(fatal.row ?? 0) + 1}: ${fatal.message}`)
  }
  const [header, ...data] = parsed.data
  return toSheet(
    header,
    data.map((cells, i) => ({ row: i + 2, cells })),
  )
}

/** Plain digits for whole numbers (no exponent, no ".0"), the shortest exact form otherwise. */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  if (Number.isInteger(value)) return BigInt(value).toString()
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 })
}

/** What a cell shows as text: dates as YYYY-MM-DD, rich text and formula results as their text. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10)
  if (typeof value === 'number') return numberText(value)
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
    if ('text' in value) return cellText(value.text as ExcelJS.CellValue)
    if ('error' in value) return ''
  }
  return String(value)
}

/** The first worksheet of an .xlsx; row numbers are the sheet's own. */
export async function parseXlsx(bytes: Buffer): Promise<ParsedSheet> {
  if (bytes.length === 0) throw new UnreadableFileError('empty')
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch (err) {
    throw new UnreadableFileError('unreadable', err instanceof Error ? err.message : String(err))
  }
  const sheet = workbook.worksheets[0]
  if (!sheet || sheet.actualRowCount === 0) throw new UnreadableFileError('empty')
  let header: string[] | undefined
  const body: SheetRow[] = []
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // row.values is 1-based (index 0 unused).
    const values = (row.values as ExcelJS.CellValue[]).slice(1)
    const cells = Array.from({ length: values.length }, (_, i) => cellText(values[i] ?? null))
    if (header === undefined) header = cells
    else body.push({ row: rowNumber, cells })
  })
  return toSheet(header, body)
}

export type ImportFormat = 'csv' | 'xlsx'

export function parseSpreadsheet(bytes: Buffer, format: ImportFormat): Promise<ParsedSheet> {
  return format === 'xlsx' ? parseXlsx(bytes) : Promise.resolve(parseCsv(decodeText(bytes)))
}
