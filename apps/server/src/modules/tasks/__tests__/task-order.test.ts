import { describe, expect, it } from 'vitest'
import { compareKeys, keyForDrop } from '../task-order.ts'

describe('keyForDrop', () => {
  const column = [
    { id: 'a', orderKey: 'a0' },
    { id: 'c', orderKey: 'a2' },
    { id: 'b', orderKey: 'a1' },
  ]

  it('places a card between the real neighbours of the card it goes after or before', () => {
    const afterA = keyForDrop(column, { afterId: 'a' })
    expect(compareKeys('a0', afterA as string)).toBe(-1)
    expect(compareKeys(afterA as string, 'a1')).toBe(-1)
    const beforeA = keyForDrop(column, { beforeId: 'a' })
    expect(compareKeys(beforeA as string, 'a0')).toBe(-1)
    const end = keyForDrop(column, {})
    expect(compareKeys('a2', end as string)).toBe(-1)
    expect(keyForDrop([], {})).toBe('a0')
  })

  it('trusts afterId over a stale beforeId and reports unknown neighbours', () => {
    // The client thought c followed a; b is in between now: the key goes between a and b.
    const key = keyForDrop(column, { afterId: 'a', beforeId: 'c' }) as string
    expect(compareKeys('a0', key)).toBe(-1)
    expect(compareKeys(key, 'a1')).toBe(-1)
    expect(keyForDrop(column, { afterId: 'zz' })).toBe('unknown_neighbour')
  })

  it('compares keys byte-wise, not by locale (uppercase sorts before lowercase)', () => {
    expect(['a1', 'Zz', 'a0'].sort(compareKeys)).toEqual(['Zz', 'a0', 'a1'])
  })
})
