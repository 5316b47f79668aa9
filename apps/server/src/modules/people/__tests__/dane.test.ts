import { DANE_DEPARTMENTS, DANE_MUNICIPALITIES, findMunicipality, municipalitiesOf } from '@minga/contracts'
import { describe, expect, it } from 'vitest'
import { checkDaneAddress } from '../domain/dane.ts'

const all = Object.values(DANE_MUNICIPALITIES)
const countOf = (departmentCode: string) => municipalitiesOf(departmentCode).length

describe('DANE DIVIPOLA data', () => {
  it('has 1,122 entries: 1,102 municipalities, Bogotá and 19 áreas no municipalizadas', () => {
    expect(all).toHaveLength(1122)
    expect(all.filter((m) => m.kind === 'area_no_municipalizada')).toHaveLength(19)
    expect(Object.keys(DANE_DEPARTMENTS)).toHaveLength(33)
  })

  it('counts per department match DIVIPOLA', () => {
    const expected: Record<string, number> = {
      '05': 125,
      '08': 23,
      '11': 1,
      '13': 46,
      '15': 123,
      '25': 116,
      '27': 30,
      '52': 64,
      '54': 40,
      '68': 87,
      '73': 47,
      '76': 42,
      '88': 2,
      '91': 11,
      '94': 9,
      '97': 6,
    }
    for (const [code, count] of Object.entries(expected)) expect([code, countOf(code)]).toEqual([code, count])
    const sum = Object.keys(DANE_DEPARTMENTS).reduce((total, code) => total + countOf(code), 0)
    expect(sum).toBe(all.length)
  })

  it('flags the áreas no municipalizadas of Amazonas, Guainía and Vaupés only', () => {
    const byDepartment = (code: string) =>
      municipalitiesOf(code).filter((m) => m.kind === 'area_no_municipalizada').length
    expect([byDepartment('91'), byDepartment('94'), byDepartment('97')]).toEqual([9, 7, 3])
    expect(
      all.filter(
        (m) => m.kind === 'area_no_municipalizada' && !['91', '94', '97'].includes(m.departmentCode),
      ),
    ).toEqual([])
    expect(findMunicipality('94343')).toMatchObject({ name: 'Barrancominas', kind: 'municipio' })
    expect(findMunicipality('91540')).toMatchObject({ name: 'Puerto Nariño', kind: 'municipio' })
    expect(findMunicipality('91798')).toMatchObject({ kind: 'area_no_municipalizada' })
  })

  it('every code has 5 digits starting with a known department; names are set; no duplicates', () => {
    for (const m of all) {
      expect(m.code).toMatch(/^\d{5}$/)
      expect(m.code.startsWith(m.departmentCode)).toBe(true)
      expect(DANE_DEPARTMENTS[m.departmentCode]).toBeDefined()
      expect(m.name.trim()).not.toBe('')
      expect(m.name).toBe(m.name.trim())
    }
    expect(new Set(all.map((m) => m.code)).size).toBe(all.length)
    // Each department's capital is its XX001 (San Andrés 88001, Bogotá 11001).
    for (const code of Object.keys(DANE_DEPARTMENTS)) expect(findMunicipality(`${code}001`)).toBeDefined()
  })

  it('looks up well-known codes', () => {
    expect(findMunicipality('05001')).toMatchObject({ name: 'Medellín', departmentCode: '05' })
    expect(findMunicipality('11001')).toMatchObject({ name: 'Bogotá, D.C.', departmentCode: '11' })
    expect(findMunicipality('13212')?.name).toBe('Córdoba')
    expect(findMunicipality('13222')?.name).toBe('Clemencia')
    expect(findMunicipality('54128')?.name).toBe('Cáchira')
    expect(findMunicipality('15236')?.name).toBe('Chivor')
    expect(findMunicipality('25430')?.name).toBe('Madrid')
    expect(findMunicipality('68575')?.name).toBe('Puerto Wilches')
    expect(findMunicipality('05000')).toBeUndefined()
    expect(findMunicipality('toString')).toBeUndefined()
  })

  it('sorts a department by name, accents ignored', () => {
    const names = municipalitiesOf('05').map((m) => m.name)
    expect(names[0]).toBe('Abejorral')
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'es')))
    expect(municipalitiesOf('00')).toEqual([])
  })
})

describe('checkDaneAddress', () => {
  it('accepts a real municipality of the department, or a department alone', () => {
    expect(checkDaneAddress('05', '05001')).toBeNull()
    expect(checkDaneAddress('11', '11001')).toBeNull()
    expect(checkDaneAddress('91', '91263')).toBeNull()
    expect(checkDaneAddress('25', null)).toBeNull()
    expect(checkDaneAddress(null, null)).toBeNull()
  })

  it('refuses unknown codes, bad shapes and a municipality of another department', () => {
    expect(checkDaneAddress(null, '05001')).toEqual({
      path: 'departmentCode',
      message: 'Required with a municipality',
    })
    expect(checkDaneAddress('00', null)).toMatchObject({ path: 'departmentCode' })
    expect(checkDaneAddress('11', '11002')).toEqual({
      path: 'municipalityCode',
      message: 'Unknown DANE municipality code 11002',
    })
    expect(checkDaneAddress('05', '0500')).toMatchObject({ path: 'municipalityCode' })
    expect(checkDaneAddress('05', '05003')).toMatchObject({ path: 'municipalityCode' })
    expect(checkDaneAddress('25', '05001')).toEqual({
      path: 'municipalityCode',
      message: '05001 is Medellín, in Antioquia (05), not in Cundinamarca (25)',
    })
  })
})
