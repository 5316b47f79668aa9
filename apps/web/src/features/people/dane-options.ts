import { isOptionsGroup, type OptionsFilter } from '@mantine/core'
import { DANE_DEPARTMENTS, findMunicipality, municipalitiesOf } from '@minga/contracts'

const byName = new Intl.Collator('es', { sensitivity: 'base' })

/** Departments for the address select, by name, with their DANE code: "Antioquia (05)". */
export const DANE_DEPARTMENT_OPTIONS: { value: string; label: string }[] = Object.entries(DANE_DEPARTMENTS)
  .map(([value, name]) => ({ value, label: `${name} (${value})` }))
  .sort((a, b) => byName.compare(a.label, b.label))

/**
 * The municipalities of a department, by name, as "Medellín (05001)"; an área no municipalizada
 * carries the given suffix so it is not mistaken for a municipality. Empty without a department.
 */
export function municipalityOptions(departmentCode: string | null, areaSuffix: string) {
  if (!departmentCode) return []
  return municipalitiesOf(departmentCode).map((m) => ({
    value: m.code,
    label: `${m.name}${m.kind === 'area_no_municipalizada' ? ` · ${areaSuffix}` : ''} (${m.code})`,
  }))
}

/** Names for display; an unknown code (older data) is shown as it is. */
export function daneNames(
  address: { departmentCode?: string | null; municipalityCode?: string | null } | null,
) {
  const departmentCode = address?.departmentCode ?? null
  const municipalityCode = address?.municipalityCode ?? null
  return {
    department: departmentCode ? (DANE_DEPARTMENTS[departmentCode] ?? departmentCode) : null,
    municipality: municipalityCode ? (findMunicipality(municipalityCode)?.name ?? municipalityCode) : null,
  }
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

/** Select search that ignores accents and case: "bogota" finds "Bogotá, D.C.", "11001" finds it too. */
export const accentInsensitiveFilter: OptionsFilter = ({ options, search }) => {
  const query = fold(search.trim())
  if (!query) return options
  return options.filter((option) => !isOptionsGroup(option) && fold(option.label).includes(query))
}
