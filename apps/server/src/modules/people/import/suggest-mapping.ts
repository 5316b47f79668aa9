import type { PersonImportField, PersonImportMapping } from '@minga/contracts'

const STOPWORDS = new Set(['de', 'del', 'la', 'el', 'los', 'las', 'y', 'of', 'the', 'n', 'no', 'nro', 'num'])

/** Lower case, no accents, no punctuation, spaces/_/- collapsed, filler words ("de", "del") dropped. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word && !STOPWORDS.has(word))
    .join(' ')
}

/** Header names (Spanish and English) each field is recognized by; compared after `normalizeHeader`. */
export const FIELD_ALIASES: Record<PersonImportField, readonly string[]> = {
  documentType: [
    'tipo documento',
    'tipo de identificacion',
    'tipo identificacion',
    'tipo doc',
    'tipo_doc',
    'tipo id',
    'document type',
    'doc type',
    'id type',
  ],
  documentNumber: [
    'numero documento',
    'numero de documento',
    'numero identificacion',
    'documento',
    'cedula',
    'identificacion',
    'nit',
    'document number',
    'document',
    'id number',
  ],
  firstNames: ['nombres', 'nombre', 'primer nombre', 'first names', 'first name', 'given names'],
  lastNames: ['apellidos', 'apellido', 'last names', 'last name', 'surname', 'surnames'],
  businessName: ['razon social', 'business name', 'legal name', 'company name'],
  birthDate: ['fecha nacimiento', 'fecha de nacimiento', 'birth date', 'date of birth', 'birthdate', 'dob'],
  email: ['correo', 'email', 'correo electronico', 'e mail', 'mail', 'email address'],
  phone: [
    'telefono',
    'celular',
    'movil',
    'telefonos',
    'phone',
    'phones',
    'mobile',
    'phone number',
    'cell phone',
  ],
  addressLine: ['direccion', 'direccion residencia', 'address', 'address line', 'street address'],
  departmentCode: [
    'departamento',
    'cod departamento',
    'codigo departamento',
    'department',
    'department code',
  ],
  municipalityCode: [
    'municipio',
    'ciudad',
    'cod municipio',
    'codigo municipio',
    'municipality',
    'municipality code',
    'city',
  ],
  employerName: ['empresa', 'empleador', 'pagaduria', 'employer', 'employer name', 'company'],
  position: ['cargo', 'position', 'job title'],
  salary: ['salario', 'sueldo', 'salary'],
  joinedOn: [
    'fecha ingreso',
    'fecha de ingreso',
    'fecha afiliacion',
    'fecha de afiliacion',
    'fecha de vinculacion',
    'fecha vinculacion',
    'joined on',
    'join date',
    'joining date',
    'date joined',
  ],
  tags: ['etiquetas', 'etiqueta', 'tags', 'tag'],
}

const ALIAS_TO_FIELD: ReadonlyMap<string, PersonImportField> = new Map(
  (Object.entries(FIELD_ALIASES) as [PersonImportField, readonly string[]][]).flatMap(([field, aliases]) =>
    aliases.map((alias) => [normalizeHeader(alias), field] as const),
  ),
)

/**
 * Suggests field → header from the file's header names. Each field and each header is used at most
 * once (the leftmost header wins); unknown headers stay unmapped.
 */
export function suggestMapping(headers: readonly string[]): PersonImportMapping {
  const mapping: PersonImportMapping = {}
  for (const header of headers) {
    const field = ALIAS_TO_FIELD.get(normalizeHeader(header))
    if (field && mapping[field] === undefined) mapping[field] = header
  }
  return mapping
}
