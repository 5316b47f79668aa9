import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { nitCheckDigit } from '../../finance/domain/index.ts'
import {
  blindIndex,
  DataKeyConfigError,
  decryptField,
  encryptField,
  parseDataKeys,
  useDataKeys,
} from '../data-keys.ts'
import { checkDaneAddress, DANE_DEPARTMENTS } from '../domain/dane.ts'
import { parseDocument } from '../domain/documents.ts'
import { normalizeName } from '../domain/names.ts'

const key = () => randomBytes(32).toString('base64')

afterEach(() => useDataKeys({ NODE_ENV: 'test' }))

describe('people domain', () => {
  it('normalizes NIT input with dots and dash and checks its DV', () => {
    const dv = String(nitCheckDigit('800197268'))
    expect(parseDocument('NIT', `800.197.268-${dv}`)).toEqual({
      number: '800197268',
      checkDigit: dv,
      last4: '7268',
    })
    expect(parseDocument('NIT', '800197268', dv)).toMatchObject({ number: '800197268' })
    expect(parseDocument('NIT', '800197268', String((Number(dv) + 1) % 10))).toHaveProperty('error')
    expect(parseDocument('NIT', '800197268')).toEqual({ error: 'The NIT check digit (DV) is required' })
    expect(parseDocument('NIT', '12345-1')).toHaveProperty('error')
  })

  it('ships the 32 departments plus Bogotá and checks municipality shape', () => {
    expect(Object.keys(DANE_DEPARTMENTS)).toHaveLength(33)
    expect(checkDaneAddress('05', '05001')).toBeNull()
    expect(checkDaneAddress('11', '11002')).toMatchObject({ path: 'municipalityCode' })
    expect(checkDaneAddress(null, '05001')).toMatchObject({ path: 'departmentCode' })
  })

  it('strips accents and punctuation for the search column', () => {
    expect(normalizeName('  José  GARCÍA-Núñez ')).toBe('jose garcia nunez')
  })

  it('validates MINGA_DATA_KEYS and decrypts old versions after rotation', () => {
    expect(() => parseDataKeys({ NODE_ENV: 'production' })).toThrow(DataKeyConfigError)
    expect(() => parseDataKeys({ MINGA_DATA_KEYS: 'v1:c2hvcnQ=' })).toThrow(/32 bytes/)
    expect(() => parseDataKeys({ MINGA_DATA_KEYS: 'nope' })).toThrow(DataKeyConfigError)
    const v1 = key()
    useDataKeys({ MINGA_DATA_KEYS: `v1:${v1}` })
    const old = encryptField('1020304050')
    const index = blindIndex('document', 'CC:1020304050')
    expect(old.startsWith('v1:')).toBe(true)
    expect(old).not.toContain('1020304050')
    useDataKeys({ MINGA_DATA_KEYS: `v2:${key()},v1:${v1}` })
    expect(encryptField('x').startsWith('v2:')).toBe(true)
    expect(decryptField(old)).toBe('1020304050')
    expect(blindIndex('document', 'CC:1020304050')).toBe(index)
    useDataKeys({ MINGA_DATA_KEYS: `v3:${key()}` })
    expect(() => decryptField(old)).toThrow(/v1/)
  })
})
