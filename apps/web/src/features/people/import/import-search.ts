// Search params of /o/$org/people/import: `?import=<id>` reopens an import at its step.
export interface PeopleImportSearch {
  import?: string
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function validateImportSearch(search: Record<string, unknown>): PeopleImportSearch {
  return typeof search.import === 'string' && UUID.test(search.import) ? { import: search.import } : {}
}
