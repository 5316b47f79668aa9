/**
 * DANE municipality codes for a profile's location. The shared list (`findMunicipality` in
 * @minga/contracts) is not shipped yet, so no code is accepted and none is shown.
 */
export const isMunicipalityCode: ((code: string) => boolean) | null = null

export function municipalityOf(_code: string): { code: string; name: string; departmentCode: string } | null {
  return null
}
