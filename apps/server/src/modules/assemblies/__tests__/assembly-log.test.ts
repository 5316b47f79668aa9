import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { canonicalJson, entryHash, GENESIS_HASH } from '../assembly-log.ts'
import { qrToken } from '../attendance.service.ts'
import { dateInZone, zonedInstant } from '../zoned-time.ts'

describe('canonical JSON', () => {
  it('sorts keys at every level and drops undefined, so equal values hash equal', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: null }], c: 'é' }, u: undefined })).toBe(
      '{"a":{"c":"é","d":[2,{"x":null,"y":1}]},"b":1}',
    )
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }))
  })
})

describe('log entry hash', () => {
  const entry = {
    seq: 1,
    type: 'assembly.convened',
    payload: { title: 'A' },
    createdAt: '2026-01-01T00:00:00.000Z',
  }

  it('is sha256(prev_hash || canonical JSON of the entry)', () => {
    const expected = createHash('sha256')
      .update(GENESIS_HASH + canonicalJson(entry))
      .digest('hex')
    expect(entryHash(GENESIS_HASH, entry)).toBe(expected)
  })

  it('changes with the previous hash and with any field', () => {
    const base = entryHash(GENESIS_HASH, entry)
    expect(entryHash('1'.repeat(64), entry)).not.toBe(base)
    expect(entryHash(GENESIS_HASH, { ...entry, seq: 2 })).not.toBe(base)
    expect(entryHash(GENESIS_HASH, { ...entry, payload: { title: 'B' } })).not.toBe(base)
  })
})

describe('zoned time', () => {
  it('dates instants in the org time zone', () => {
    // 03:00 UTC is still the previous evening in Bogotá (UTC−5).
    expect(dateInZone(new Date('2026-03-20T03:00:00Z'), 'America/Bogota')).toBe('2026-03-19')
  })

  it('turns a wall-clock time in Bogotá into the instant (art. 41 second call at 20:00)', () => {
    expect(zonedInstant('2026-03-24', '20:00', 'America/Bogota').toISOString()).toBe(
      '2026-03-25T01:00:00.000Z',
    )
    expect(zonedInstant('2026-07-01', '09:30', 'Europe/Madrid').toISOString()).toBe(
      '2026-07-01T07:30:00.000Z',
    )
  })
})

describe('QR token', () => {
  it('is bound to the secret, the org, the assembly and the unit', () => {
    const token = qrToken('s', 'org', 'asm', 'unit')
    expect(token.startsWith('v1.asm.unit.')).toBe(true)
    expect(qrToken('s', 'org', 'asm', 'unit')).toBe(token)
    expect(qrToken('t', 'org', 'asm', 'unit')).not.toBe(token)
    expect(qrToken('s', 'org2', 'asm', 'unit')).not.toBe(token)
  })
})
