/**
 * DANE DIVIPOLA department codes: the 32 departments and Bogotá D.C. Municipalities are not shipped
 * yet: a municipality code is checked only for shape (5 digits starting with its department's code).
 */
export const DANE_DEPARTMENTS: Readonly<Record<string, string>> = {
  '05': 'Antioquia',
  '08': 'Atlántico',
  '11': 'Bogotá, D.C.',
  '13': 'Bolívar',
  '15': 'Boyacá',
  '17': 'Caldas',
  '18': 'Caquetá',
  '19': 'Cauca',
  '20': 'Cesar',
  '23': 'Córdoba',
  '25': 'Cundinamarca',
  '27': 'Chocó',
  '41': 'Huila',
  '44': 'La Guajira',
  '47': 'Magdalena',
  '50': 'Meta',
  '52': 'Nariño',
  '54': 'Norte de Santander',
  '63': 'Quindío',
  '66': 'Risaralda',
  '68': 'Santander',
  '70': 'Sucre',
  '73': 'Tolima',
  '76': 'Valle del Cauca',
  '81': 'Arauca',
  '85': 'Casanare',
  '86': 'Putumayo',
  '88': 'Archipiélago de San Andrés, Providencia y Santa Catalina',
  '91': 'Amazonas',
  '94': 'Guainía',
  '95': 'Guaviare',
  '97': 'Vaupés',
  '99': 'Vichada',
}

/** Null when valid, else a message. Bogotá's only municipality is 11001. */
export function checkDaneAddress(departmentCode?: string | null, municipalityCode?: string | null) {
  if (!departmentCode)
    return municipalityCode ? { path: 'departmentCode', message: 'Required with a municipality' } : null
  if (!DANE_DEPARTMENTS[departmentCode])
    return { path: 'departmentCode', message: `Unknown DANE department code ${departmentCode}` }
  if (municipalityCode) {
    if (!/^\d{5}$/.test(municipalityCode) || !municipalityCode.startsWith(departmentCode)) {
      return {
        path: 'municipalityCode',
        message: `A municipality code has 5 digits starting with ${departmentCode}`,
      }
    }
    if (departmentCode === '11' && municipalityCode !== '11001') {
      return { path: 'municipalityCode', message: 'Bogotá, D.C. is municipality 11001' }
    }
  }
  return null
}
