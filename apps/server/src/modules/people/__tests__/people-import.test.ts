import { randomBytes } from 'node:crypto'
import type { PersonImportMapping } from '@minga/contracts'
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { nitCheckDigit } from '../../finance/domain/index.ts'
import { useDataKeys } from '../data-keys.ts'
import { csvCell, unescapeFormula } from '../import/csv-cell.ts'
import { importLocaleOf, rowMessages, ruleToSpanish } from '../import/messages.ts'
import {
  cellText,
  decodeText,
  numberText,
  parseCsv,
  parseXlsx,
  UnreadableFileError,
} from '../import/parse-file.ts'
import {
  parseDateText,
  parseDepartment,
  parseDocumentType,
  parseMunicipality,
  parsePhone,
  parseSalary,
  validateCells,
  validateSheet,
} from '../import/row-validation.ts'
import { normalizeHeader, suggestMapping } from '../import/suggest-mapping.ts'

const NOW = new Date('2026-06-15T12:00:00Z')
const es = rowMessages('es')
const en = rowMessages('en')

beforeAll(() => {
  useDataKeys({ MINGA_DATA_KEYS: `v1:${randomBytes(32).toString('base64')}`, NODE_ENV: 'test' })
})

describe('mapping suggestion', () => {
  it('normalizes case, accents, separators and filler words', () => {
    expect(normalizeHeader('  Número_de-Documento ')).toBe('numero documento')
    expect(normalizeHeader('FECHA DE NACIMIENTO')).toBe('fecha nacimiento')
    expect(normalizeHeader('No. Cédula')).toBe('cedula')
  })

  it('recognizes Spanish and English aliases', () => {
    expect(
      suggestMapping([
        'Tipo de identificación',
        'Cédula',
        'NOMBRES',
        'Apellidos',
        'Razón social',
        'Fecha de nacimiento',
        'Correo electrónico',
        'Celular',
        'Dirección',
        'Cod. Departamento',
        'Ciudad',
        'Pagaduría',
        'Cargo',
        'Salario',
        'Fecha de vinculación',
        'Tags',
        'Observaciones',
      ]),
    ).toEqual({
      documentType: 'Tipo de identificación',
      documentNumber: 'Cédula',
      firstNames: 'NOMBRES',
      lastNames: 'Apellidos',
      businessName: 'Razón social',
      birthDate: 'Fecha de nacimiento',
      email: 'Correo electrónico',
      phone: 'Celular',
      addressLine: 'Dirección',
      departmentCode: 'Cod. Departamento',
      municipalityCode: 'Ciudad',
      employerName: 'Pagaduría',
      position: 'Cargo',
      salary: 'Salario',
      joinedOn: 'Fecha de vinculación',
      tags: 'Tags',
    })
    expect(
      suggestMapping([
        'Document type',
        'ID number',
        'First name',
        'Last name',
        'Email',
        'Mobile',
        'Join date',
      ]),
    ).toEqual({
      documentType: 'Document type',
      documentNumber: 'ID number',
      firstNames: 'First name',
      lastNames: 'Last name',
      email: 'Email',
      phone: 'Mobile',
      joinedOn: 'Join date',
    })
    expect(suggestMapping(['tipo_doc', 'nit', 'email', 'correo'])).toEqual({
      documentType: 'tipo_doc',
      documentNumber: 'nit',
      email: 'email',
    })
  })

  it('never maps a field or a header twice, and only to headers of the file', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom('Nombres', 'nombre', 'Cédula', 'documento', 'x'), fc.string()), {
          maxLength: 12,
        }),
        (headers) => {
          const mapping = suggestMapping(headers)
          const used = Object.values(mapping)
          expect(new Set(used).size).toBe(used.length)
          for (const header of used) expect(headers).toContain(header)
        },
      ),
    )
  })
})

describe('file parsing', () => {
  it('decodes UTF-8 (BOM stripped) and falls back to Windows-1252', () => {
    expect(decodeText(Buffer.from('\uFEFFañó', 'utf8'))).toBe('añó')
    expect(decodeText(Buffer.from([0x50, 0x65, 0xf1, 0x61]))).toBe('Peña')
    expect(decodeText(Buffer.from([0x93, 0x41, 0x94]))).toBe('“A”')
  })

  it('detects the separator, numbers rows as a spreadsheet does and skips blank rows', () => {
    for (const sep of [',', ';', '\t']) {
      const sheet = parseCsv(
        `${['a', 'b', 'c'].join(sep)}\r\n1${sep}2${sep}3\r\n${sep}${sep}\r\n4${sep}5\r\n`,
      )
      expect(sheet.headers).toEqual(['a', 'b', 'c'])
      expect(sheet.rows).toEqual([
        { row: 2, cells: ['1', '2', '3'] },
        { row: 4, cells: ['4', '5', ''] },
      ])
    }
  })

  it('refuses files without a usable header row', () => {
    const reason = (text: string) => {
      try {
        parseCsv(text)
        return null
      } catch (err) {
        return (err as UnreadableFileError).reason
      }
    }
    expect(reason('')).toBe('empty')
    expect(reason(',,\r\n1,2,3')).toBe('no_header')
    expect(reason('a,,b\r\n1,2,3')).toBe('no_header')
    expect(reason('Nombre,NOMBRE\r\n1,2')).toBe('duplicate_headers')
    expect(reason('a,b,\r\n1,2')).toBeNull()
  })

  it('writes cell values as text: plain digits, ISO dates, rich text and formula results', () => {
    expect(numberText(1020304050)).toBe('1020304050')
    expect(numberText(1e21)).toBe('1000000000000000000000')
    expect(numberText(1500000.0)).toBe('1500000')
    expect(numberText(0.1)).toBe('0.1')
    expect(cellText(new Date(Date.UTC(1985, 2, 9)))).toBe('1985-03-09')
    expect(cellText({ richText: [{ text: 'Lu' }, { text: 'cía' }] })).toBe('Lucía')
    expect(cellText({ formula: 'A1*2', result: 42 } as ExcelJS.CellValue)).toBe('42')
    expect(cellText(null)).toBe('')
  })

  it('reads the first worksheet of an XLSX', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Uno')
    workbook.addWorksheet('Dos').addRow(['ignorada'])
    sheet.addRow(['Documento', 'Fecha'])
    sheet.addRow([79000111, new Date(Date.UTC(2001, 0, 31))])
    const parsed = await parseXlsx(Buffer.from(await workbook.xlsx.writeBuffer()))
    expect(parsed).toEqual({
      headers: ['Documento', 'Fecha'],
      rows: [{ row: 2, cells: ['79000111', '2001-01-31'] }],
    })
    await expect(parseXlsx(Buffer.from('not a zip'))).rejects.toBeInstanceOf(UnreadableFileError)
  })
})

describe('value parsers', () => {
  it('knows the document type aliases', () => {
    const cases: [string, string][] = [
      ['C.C.', 'CC'],
      ['cc', 'CC'],
      ['Cédula', 'CC'],
      ['cedula de ciudadania', 'CC'],
      ['CE', 'CE'],
      ['Cédula de extranjería', 'CE'],
      ['T.I.', 'TI'],
      ['tarjeta de identidad', 'TI'],
      ['RC', 'RC'],
      ['NUIP', 'NUIP'],
      ['PA', 'PA'],
      ['pasaporte', 'PA'],
      ['PEP', 'PEP'],
      ['PPT', 'PPT'],
      ['N.I.T.', 'NIT'],
      ['13', 'CC'],
      ['31', 'NIT'],
    ]
    for (const [text, type] of cases) expect(parseDocumentType(text), text).toBe(type)
    expect(parseDocumentType('licencia')).toBeNull()
  })

  it('reads ISO, Colombian and Excel-serial dates', () => {
    expect(parseDateText('2024-02-30')).toBe('2024-02-30')
    expect(parseDateText('2020-1-5')).toBe('2020-01-05')
    expect(parseDateText('15/01/2020')).toBe('2020-01-15')
    expect(parseDateText('5-1-2020')).toBe('2020-01-05')
    expect(parseDateText('2020/01/15')).toBe('2020-01-15')
    expect(parseDateText('2020-01-15T00:00:00.000Z')).toBe('2020-01-15')
    expect(parseDateText('43845')).toBe('2020-01-15')
    expect(parseDateText('enero 15')).toBeNull()
  })

  it('reads salaries as whole pesos', () => {
    expect(parseSalary('1.234.567')).toBe(1_234_567)
    expect(parseSalary('1234567')).toBe(1_234_567)
    expect(parseSalary('$ 1.234.567')).toBe(1_234_567)
    expect(parseSalary('1,234,567')).toBe(1_234_567)
    expect(parseSalary('1234567,00')).toBe(1_234_567)
    expect(parseSalary('0')).toBe(0)
    expect(parseSalary('-5')).toBeNull()
    expect(parseSalary('1.5')).toBeNull()
    expect(parseSalary('mucho')).toBeNull()
  })

  it('salary: any whole number written with thousands dots reads back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (n) => {
        expect(parseSalary(n.toLocaleString('es-CO'))).toBe(n)
        expect(parseSalary(`$ ${n.toLocaleString('es-CO')}`)).toBe(n)
        expect(parseSalary(String(n))).toBe(n)
      }),
    )
  })

  it('reads phones of 7 to 15 digits, +57 allowed', () => {
    expect(parsePhone('+57 310 123 4567')).toBe('+573101234567')
    expect(parsePhone('(604) 444-1234')).toBe('6044441234')
    expect(parsePhone('123')).toBeNull()
    expect(parsePhone('310-ABC-4567')).toBeNull()
    expect(parsePhone('1234567890123456')).toBeNull()
  })

  it('pads DANE codes a spreadsheet shortened and reads department names', () => {
    expect(parseDepartment('5')).toBe('05')
    expect(parseDepartment('Antioquia')).toBe('05')
    expect(parseDepartment('Bogotá D.C.')).toBe('11')
    expect(parseMunicipality('5001')).toBe('05001')
    expect(parseMunicipality('11001')).toBe('11001')
  })
})

describe('row validation', () => {
  const nit = '900123456'
  const dv = String(nitCheckDigit(nit))

  it('accepts a complete natural person and a legal entity with "NIT-DV"', () => {
    const natural = validateCells(
      {
        documentType: 'C.C.',
        documentNumber: '1.020.304.050',
        firstNames: ' Ana   María ',
        lastNames: 'Gómez',
        birthDate: '01/05/1990',
        email: 'Ana@Example.test; otra@example.test',
        phone: '310 123 4567, +57 300 000 0000',
        departmentCode: '5',
        municipalityCode: '5001',
        salary: '$ 1.500.000',
        joinedOn: '2020-01-15',
        tags: 'ahorro; crédito, ahorro',
      },
      { now: NOW, messages: es },
    )
    expect(natural).toMatchObject({
      ok: true,
      documentType: 'CC',
      kind: 'natural',
      doc: { number: '1020304050' },
      values: {
        firstNames: 'Ana María',
        birthDate: '1990-05-01',
        emails: ['ana@example.test', 'otra@example.test'],
        phones: ['3101234567', '+573000000000'],
        departmentCode: '05',
        municipalityCode: '05001',
        salary: 1_500_000,
        tags: ['ahorro', 'crédito'],
      },
    })
    const legal = validateCells(
      { documentType: 'NIT', documentNumber: `${nit}-${dv}`, businessName: 'Cooperativa' },
      { now: NOW, messages: es },
    )
    expect(legal).toMatchObject({ ok: true, kind: 'legal', doc: { number: nit, checkDigit: dv } })
  })

  it('reports every problem of a row, in Spanish or English', () => {
    const result = validateCells(
      {
        documentType: 'CC',
        documentNumber: '12',
        firstNames: '',
        lastNames: 'Ruiz',
        birthDate: '1890-01-01',
        joinedOn: '2030-01-01',
        email: 'no-es-correo',
        phone: '12',
        salary: '-1',
        departmentCode: '77',
      },
      { now: NOW, messages: es },
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(Object.fromEntries(result.problems)).toEqual({
      documentNumber: 'Un número de CC tiene de 3 a 10 dígitos',
      firstNames: 'Una persona natural necesita nombres',
      birthDate: 'No se aceptan fechas anteriores a 1900',
      joinedOn: 'La fecha no puede estar en el futuro',
      email: '"no-es-correo" no es un correo electrónico válido',
      phone: '"12" no es un teléfono válido (7 a 15 dígitos, +57 opcional)',
      salary: '"-1" no es un salario válido (pesos enteros, no negativo, p. ej. 1.234.567)',
      departmentCode: 'Código de departamento DANE desconocido: 77',
    })
    const english = validateCells(
      { documentType: 'NIT', documentNumber: `${nit}-${(Number(dv) + 1) % 10}` },
      { now: NOW, messages: en },
    )
    expect(english.ok ? [] : english.problems).toEqual([
      ['documentNumber', `Invalid NIT check digit ${(Number(dv) + 1) % 10} for ${nit}`],
      ['businessName', 'A legal entity (NIT) needs a business name'],
    ])
  })

  it('checks birth before joining and an age of at most 120', () => {
    const problems = (cells: Record<string, string>) => {
      const r = validateCells(
        { documentType: 'CC', documentNumber: '79000111', firstNames: 'A', lastNames: 'B', ...cells },
        { now: NOW, messages: en },
      )
      return r.ok ? [] : r.problems
    }
    expect(problems({ birthDate: '2000-01-01', joinedOn: '1999-12-31' })).toEqual([
      ['joinedOn', 'The joining date is before the birth date'],
    ])
    expect(problems({ birthDate: '1901-01-01' })).toEqual([
      ['birthDate', 'A person cannot be older than 120 years'],
    ])
    expect(problems({ birthDate: '2024-02-30' })).toEqual([
      ['birthDate', '2024-02-30 is not a real calendar date'],
    ])
  })

  it('names the header, refuses the same document twice and skips nothing silently', () => {
    const mapping: PersonImportMapping = {
      documentType: 'Tipo',
      documentNumber: 'Doc',
      firstNames: 'Nombres',
      lastNames: 'Apellidos',
    }
    const sheet = {
      headers: ['Tipo', 'Doc', 'Nombres', 'Apellidos'],
      rows: [
        { row: 2, cells: ['CC', '79000111', 'A', 'B'] },
        { row: 3, cells: ['XX', '1', 'A', 'B'] },
        { row: 5, cells: ['cédula', '79.000.111', 'C', 'D'] },
      ],
    }
    const result = validateSheet(sheet, mapping, { now: NOW, messages: es })
    expect(result.valid.map((v) => v.row)).toEqual([2])
    expect(result.errorRows).toBe(2)
    expect(result.errors).toEqual([
      { row: 3, column: 'Tipo', message: expect.stringContaining('Tipo de documento desconocido "XX"') },
      { row: 5, column: 'Doc', message: 'El mismo documento ya aparece en la fila 2' },
    ])
  })

  it('property: every row is either valid or has at least one error, never both', () => {
    const cell = fc.oneof(
      fc.constantFrom(
        '',
        'CC',
        'NIT',
        'x',
        '79000111',
        '1990-01-01',
        '31/02/2020',
        'a@b.co',
        '3101234567',
        '05',
        '1.000',
      ),
      fc.string({ maxLength: 12 }),
    )
    const headers = ['t', 'n', 'f', 'l', 'b', 'e', 'p', 's', 'd']
    const mapping: PersonImportMapping = {
      documentType: 't',
      documentNumber: 'n',
      firstNames: 'f',
      lastNames: 'l',
      birthDate: 'b',
      email: 'e',
      phone: 'p',
      salary: 's',
      departmentCode: 'd',
    }
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 9, maxLength: 9 }), { maxLength: 20 }), (cells) => {
        const rows = cells.map((c, i) => ({ row: i + 2, cells: c }))
        const result = validateSheet({ headers, rows }, mapping, { now: NOW, messages: en })
        const errorRows = new Set(result.errors.map((e) => e.row))
        expect(errorRows.size).toBe(result.errorRows)
        expect(result.valid.length + result.errorRows).toBe(rows.length)
        for (const v of result.valid) expect(errorRows.has(v.row)).toBe(false)
        for (const e of result.errors) expect(headers).toContain(e.column)
      }),
    )
  })
})

describe('messages', () => {
  it('defaults to Spanish unless English comes first', () => {
    expect(importLocaleOf(undefined)).toBe('es')
    expect(importLocaleOf('es-CO,es;q=0.9')).toBe('es')
    expect(importLocaleOf('en-US,en;q=0.9')).toBe('en')
    expect(importLocaleOf('fr')).toBe('es')
  })

  it('translates the people rules and leaves unknown messages as they are', () => {
    expect(ruleToSpanish('A NIT has 9 digits plus its check digit (DV)')).toContain('9 dígitos')
    expect(ruleToSpanish('A PA number has 5 to 12 letters or digits')).toBe(
      'Un número de PA tiene de 5 a 12 letras o dígitos',
    )
    expect(ruleToSpanish('A TI number has 10 or 11 digits')).toBe('Un número de TI tiene 10 u 11 dígitos')
    expect(ruleToSpanish('05001 is Medellín, in Antioquia (05), not in Cundinamarca (25)')).toBe(
      '05001 es Medellín, en Antioquia (05), no en Cundinamarca (25)',
    )
    expect(ruleToSpanish('Unknown DANE municipality code 05003')).toBe(
      'Código de municipio DANE desconocido: 05003',
    )
    expect(ruleToSpanish('Something new')).toBe('Something new')
  })
})

describe('CSV cells', () => {
  it('quotes separators and guards formulas, keeping phone numbers and negatives as they are', () => {
    expect(csvCell('Empresa, S.A.S.')).toBe('"Empresa, S.A.S."')
    expect(csvCell('Pedro "Pepe"')).toBe('"Pedro ""Pepe"""')
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"')
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('-x')).toBe("'-x")
    expect(csvCell('+573101234567')).toBe('+573101234567')
    expect(csvCell('-5')).toBe('-5')
  })

  it('property: the import undoes the formula guard', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        fc.pre(!value.startsWith("'"))
        const cell = csvCell(value)
        const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell
        expect(unescapeFormula(unquoted)).toBe(value)
      }),
    )
  })
})
