/** The language of an import's stored error messages and report (the importing user's). */
export type ImportLocale = 'es' | 'en'

/** Spanish unless the caller asks for English first: the product's default is es-CO. */
export function importLocaleOf(acceptLanguage: string | undefined): ImportLocale {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? ''
  return first.startsWith('en') ? 'en' : 'es'
}

type Text = { es: string; en: string }
const text = (locale: ImportLocale, t: Text) => t[locale]

/** Row error messages, per locale. */
export function rowMessages(locale: ImportLocale) {
  const t = (es: string, en: string) => text(locale, { es, en })
  return {
    required: () => t('Obligatorio', 'Required'),
    unknownDocumentType: (value: string) =>
      t(
        `Tipo de documento desconocido "${value}" (use CC, CE, TI, RC, NUIP, PA, PEP, PPT o NIT)`,
        `Unknown document type "${value}" (use CC, CE, TI, RC, NUIP, PA, PEP, PPT or NIT)`,
      ),
    needsFirstNames: () => t('Una persona natural necesita nombres', 'A natural person needs first names'),
    needsLastNames: () => t('Una persona natural necesita apellidos', 'A natural person needs last names'),
    needsBusinessName: () =>
      t('Una persona jurídica (NIT) necesita razón social', 'A legal entity (NIT) needs a business name'),
    badDate: (value: string) =>
      t(
        `"${value}" no es una fecha (use AAAA-MM-DD o DD/MM/AAAA)`,
        `"${value}" is not a date (use YYYY-MM-DD or DD/MM/YYYY)`,
      ),
    joinedBeforeBirth: () =>
      t('La fecha de ingreso es anterior a la de nacimiento', 'The joining date is before the birth date'),
    tooOld: () => t('Una persona no puede tener más de 120 años', 'A person cannot be older than 120 years'),
    badEmail: (value: string) =>
      t(`"${value}" no es un correo electrónico válido`, `"${value}" is not a valid email address`),
    tooMany: (max: number) => t(`Máximo ${max} valores`, `At most ${max} values`),
    badPhone: (value: string) =>
      t(
        `"${value}" no es un teléfono válido (7 a 15 dígitos, +57 opcional)`,
        `"${value}" is not a valid phone (7 to 15 digits, +57 optional)`,
      ),
    badSalary: (value: string) =>
      t(
        `"${value}" no es un salario válido (pesos enteros, no negativo, p. ej. 1.234.567)`,
        `"${value}" is not a valid salary (whole pesos, not negative, e.g. 1.234.567)`,
      ),
    tooLong: (max: number) => t(`Máximo ${max} caracteres`, `At most ${max} characters`),
    tagTooLong: (tag: string) =>
      t(`La etiqueta "${tag}" supera 40 caracteres`, `The tag "${tag}" is longer than 40 characters`),
    duplicateInFile: (firstRow: number) =>
      t(
        `El mismo documento ya aparece en la fila ${firstRow}`,
        `The same document already appears in row ${firstRow}`,
      ),
    anonymized: () =>
      t(
        'La persona con este documento fue anonimizada y no se puede modificar',
        'The person with this document was anonymized and cannot be changed',
      ),
    /** The people module's rules answer in English; Spanish imports translate them here. */
    fromRule: (message: string) => (locale === 'es' ? ruleToSpanish(message) : message),
  }
}
export type RowMessages = ReturnType<typeof rowMessages>

const describeEs = (describe: string) =>
  describe
    .replace(/(\d+) to (\d+)/, 'de $1 a $2')
    .replace(/(\d+) or (\d+)/, '$1 u $2')
    .replace('letters or digits', 'letras o dígitos')
    .replace('digits', 'dígitos')

const RULES_ES: [RegExp, (m: RegExpExecArray) => string][] = [
  [
    /^A NIT has 9 digits plus its check digit \(DV\)$/,
    () => 'Un NIT tiene 9 dígitos más su dígito de verificación (DV)',
  ],
  [
    /^The NIT check digit \(DV\) is required$/,
    () => 'Falta el dígito de verificación (DV) del NIT (p. ej. 900123456-7)',
  ],
  [
    /^Invalid NIT check digit (\d) for (\d+)$/,
    (m) => `El dígito de verificación ${m[1]} no corresponde al NIT ${m[2]}`,
  ],
  [/^The check digit given twice does not match$/, () => 'El dígito de verificación no coincide'],
  [/^A (\w+) number has (.+)$/, (m) => `Un número de ${m[1]} tiene ${describeEs(m[2] ?? '')}`],
  [/^(.+) is not a real calendar date$/, (m) => `${m[1]} no es una fecha real del calendario`],
  [/^Dates before 1900 are not accepted$/, () => 'No se aceptan fechas anteriores a 1900'],
  [/^The date cannot be in the future$/, () => 'La fecha no puede estar en el futuro'],
  [/^Required with a municipality$/, () => 'Obligatorio cuando hay municipio'],
  [/^Unknown DANE department code (.+)$/, (m) => `Código de departamento DANE desconocido: ${m[1]}`],
  [/^Unknown DANE municipality code (.+)$/, (m) => `Código de municipio DANE desconocido: ${m[1]}`],
  [
    /^A municipality code has 5 digits starting with (\d+)$/,
    (m) => `Un código de municipio tiene 5 dígitos y empieza por ${m[1]}`,
  ],
  [/^Bogotá, D\.C\. is municipality 11001$/, () => 'Bogotá, D.C. es el municipio 11001'],
  [/^A municipality code has 5 digits$/, () => 'Un código de municipio tiene 5 dígitos'],
  [
    /^(\d+) is (.+), in (.+) \((\d+)\), not in (.+) \((\d+)\)$/,
    (m) => `${m[1]} es ${m[2]}, en ${m[3]} (${m[4]}), no en ${m[5]} (${m[6]})`,
  ],
]

/** Spanish for a rule message of the people module; unknown ones stay as they are. */
export function ruleToSpanish(message: string): string {
  for (const [pattern, render] of RULES_ES) {
    const match = pattern.exec(message)
    if (match) return render(match)
  }
  return message
}

/** The report's column names and the failure messages of jobs. */
export function reportHeader(locale: ImportLocale): [string, string, string] {
  return locale === 'es' ? ['fila', 'columna', 'mensaje'] : ['row', 'column', 'message']
}

export function failureMessages(locale: ImportLocale) {
  const t = (es: string, en: string) => text(locale, { es, en })
  return {
    rowsHaveErrors: (n: number) =>
      t(
        `${n} fila(s) tienen errores; no se importó nada (todo o nada)`,
        `${n} row(s) have errors; nothing was imported (all or nothing)`,
      ),
    fileChanged: () => t('No se pudo leer el archivo almacenado', 'The stored file could not be read'),
    unexpected: () =>
      t(
        'El proceso falló por un error inesperado; inténtelo de nuevo',
        'The job failed unexpectedly; try again',
      ),
  }
}

/** Column-mapping problems (`POST …/validate`), per locale. */
export function mappingMessages(locale: ImportLocale) {
  const t = (es: string, en: string) => text(locale, { es, en })
  return {
    invalid: () => t('El mapeo de columnas no es válido', 'The column mapping is not valid'),
    unknownColumn: (header: string) =>
      t(`El archivo no tiene la columna «${header}»`, `The file has no column "${header}"`),
    usedTwice: (header: string) =>
      t(`La columna «${header}» ya está asignada a otro campo`, `Column "${header}" is already mapped`),
    documentType: () => t('Elija la columna del tipo de documento', 'Map the document type column'),
    documentNumber: () => t('Elija la columna del número de documento', 'Map the document number column'),
    names: () =>
      t(
        'Elija las columnas de nombres y apellidos (personas) o la razón social (NIT)',
        'Map first and last names (people) or the business name (NIT)',
      ),
    sensitive: () =>
      t(
        'Importar teléfonos o salarios requiere el permiso de datos sensibles',
        'Importing phones or salaries needs people:read_sensitive',
      ),
    needsSensitive: () => t('Requiere el permiso de datos sensibles', 'Needs people:read_sensitive'),
  }
}
