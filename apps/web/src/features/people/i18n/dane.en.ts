import type { daneEsCO } from './dane.es-co.ts'

// English texts of the DANE address selects: the `dane` block of en.ts.
export const daneEn: typeof daneEsCO = {
  municipality: 'Municipality',
  chooseDepartmentFirst: 'Choose the department first',
  searchMunicipality: 'Type to search',
  nothingFound: 'No municipality matches',
  areaNoMunicipalizada: 'non-municipalized area',
}
