import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { nameQueryWords, normalizeName } from '../domain/names.ts'

describe('nameQueryWords', () => {
  it('normalizes, drops short words and repeats, longest first', () => {
    expect(nameQueryWords('María de la Cruz GARCÍA')).toEqual(['garcia', 'maria', 'cruz'])
    expect(nameQueryWords('  José  josé ')).toEqual(['jose'])
  })

  it('keeps short words when nothing else was typed', () => {
    expect(nameQueryWords('Lu')).toEqual(['lu'])
    expect(nameQueryWords('')).toEqual([])
  })

  it('caps the words at five', () => {
    expect(nameQueryWords('ana beatriz camila daniela elena fabiola gloria')).toHaveLength(5)
  })

  it('only returns words of the normalized query, without repeats', () => {
    fc.assert(
      fc.property(fc.string(), (query) => {
        const words = nameQueryWords(query)
        const normalized = normalizeName(query).split(' ')
        expect(new Set(words).size).toBe(words.length)
        expect(words.length).toBeLessThanOrEqual(5)
        for (const w of words) expect(normalized).toContain(w)
      }),
    )
  })
})
