// Spanish (Colombia) texts of the DANE address selects: the `dane` block of es-co.ts.
export const daneEsCO = {
  municipality: 'Municipio',
  chooseDepartmentFirst: 'Elige primero el departamento',
  searchMunicipality: 'Escribe para buscar',
  nothingFound: 'Ningún municipio coincide',
  areaNoMunicipalizada: 'área no municipalizada',
}
