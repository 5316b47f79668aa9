import { DANE_DEPARTMENTS, findMunicipality } from '@minga/contracts'

/** A DANE DIVIPOLA municipality code (or área no municipalizada) the shared list knows. */
export const isMunicipalityCode = (code: string) => findMunicipality(code) !== undefined

/** What a profile shows for its municipality code: names, not only digits. */
export function municipalityOf(code: string) {
  const found = findMunicipality(code)
  if (!found) return null
  return {
    code: found.code,
    name: found.name,
    departmentCode: found.departmentCode,
    departmentName: DANE_DEPARTMENTS[found.departmentCode] ?? '',
  }
}
