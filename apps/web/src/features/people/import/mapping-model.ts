import { PERSON_IMPORT_FIELDS, type PersonImportField, type PersonImportMapping } from '@minga/contracts'

/** The fields the server always needs; names (or business name) are checked per row. */
export const REQUIRED_FIELDS: readonly PersonImportField[] = ['documentType', 'documentNumber']

export type MappingDraft = Record<PersonImportField, string | null>

/** The suggested (or last submitted) mapping, keeping only headers the file really has. */
export function draftFrom(mapping: PersonImportMapping, headers: readonly string[]): MappingDraft {
  const draft = {} as MappingDraft
  for (const field of PERSON_IMPORT_FIELDS) {
    const header = mapping[field]
    draft[field] = header !== undefined && headers.includes(header) ? header : null
  }
  return draft
}

export function mappingFrom(draft: MappingDraft): PersonImportMapping {
  const mapping: PersonImportMapping = {}
  for (const field of PERSON_IMPORT_FIELDS) {
    const header = draft[field]
    if (header !== null) mapping[field] = header
  }
  return mapping
}

/** Headers chosen for more than one field: the server refuses them, so flag them before sending. */
export function headersUsedTwice(draft: MappingDraft): Set<string> {
  const seen = new Set<string>()
  const twice = new Set<string>()
  for (const header of Object.values(draft)) {
    if (header === null) continue
    if (seen.has(header)) twice.add(header)
    seen.add(header)
  }
  return twice
}

/** Up to three non-empty sample values of a column, for the preview next to its select. */
export function sampleValues(sample: readonly Record<string, string>[], header: string | null): string[] {
  if (header === null) return []
  return sample
    .map((row) => row[header]?.trim() ?? '')
    .filter((value) => value !== '')
    .slice(0, 3)
}
