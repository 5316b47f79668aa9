import { DANE_DEPARTMENTS, findMunicipality } from '@minga/contracts'

/**
 * DANE DIVIPOLA codes for a person's address. The data (33 departments, 1,122 municipalities and
 * áreas no municipalizadas) lives in @minga/contracts so the web's selects use the same list.
 */
export { DANE_DEPARTMENTS }

/** Null when valid, else a message for the offending field. */
export function checkDaneAddress(departmentCode?: string | null, municipalityCode?: string | null) {
  if (!departmentCode)
    return municipalityCode ? { path: 'departmentCode', message: 'Required with a municipality' } : null
  if (!DANE_DEPARTMENTS[departmentCode])
    return { path: 'departmentCode', message: `Unknown DANE department code ${departmentCode}` }
  if (!municipalityCode) return null
  if (!/^\d{5}$/.test(municipalityCode))
    return { path: 'municipalityCode', message: 'A municipality code has 5 digits' }
  const municipality = findMunicipality(municipalityCode)
  if (!municipality)
    return { path: 'municipalityCode', message: `Unknown DANE municipality code ${municipalityCode}` }
  if (municipality.departmentCode !== departmentCode) {
    const home = DANE_DEPARTMENTS[municipality.departmentCode]
    return {
      path: 'municipalityCode',
      message: `${municipalityCode} is ${municipality.name}, in ${home} (${municipality.departmentCode}), not in ${DANE_DEPARTMENTS[departmentCode]} (${departmentCode})`,
    }
  }
  return null
}
