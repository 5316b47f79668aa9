/**
 * A value as one CSV cell: quoted when it holds a separator, quote or line break, and prefixed with
 * `'` when a spreadsheet would run it as a formula (`=`, `@`, or `+`/`-` not starting a number), so
 * opening an export or an error report never executes what someone typed into a name. The import
 * strips that prefix again (`unescapeFormula`), so exports round-trip.
 */
const FORMULA_START = /^(?:[=@\t\r]|[+-](?![\d\s]))/

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** Undoes `csvCell`'s formula guard. */
export function unescapeFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value
}
