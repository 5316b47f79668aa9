import { describe, expect, it } from 'vitest'
import {
  countSkills,
  type DirectoryEntry,
  decodeDirectoryCursor,
  fold,
  hasSkills,
  matchesQuery,
  pageAfter,
  parseSkillFilter,
  sortEntries,
} from '../domain/directory.ts'

const id = (n: number) => `01900000-0000-7000-8000-00000000000${n}`
const entry = (n: number, name: string, skills: string[], headline = ''): DirectoryEntry => ({
  userId: id(n),
  name,
  headline,
  skills,
})

describe('directory search', () => {
  it('folds accents and case', () => {
    expect(fold('José Núñez ÁÉÍÓÚ')).toBe('jose nunez aeiou')
  })

  it('matches every word in the name, headline or skills', () => {
    const e = entry(1, 'María Ríos', ['Diseño UX'], 'Diseñadora de producto')
    expect(matchesQuery(e, 'maria')).toBe(true)
    expect(matchesQuery(e, 'rios diseno')).toBe(true)
    expect(matchesQuery(e, 'ux')).toBe(true)
    expect(matchesQuery(e, 'maria backend')).toBe(false)
    expect(matchesQuery(e, undefined)).toBe(true)
  })

  it('filters by every listed skill, case-insensitively', () => {
    const e = entry(1, 'A', ['TypeScript', 'PostgreSQL'])
    expect(hasSkills(e, parseSkillFilter('typescript, POSTGRESQL'))).toBe(true)
    expect(hasSkills(e, parseSkillFilter('typescript,go'))).toBe(false)
    expect(parseSkillFilter(' , ')).toEqual([])
  })
})

describe('skill counts', () => {
  it('groups spellings, labels with the most common one, most common first then by name', () => {
    const counts = countSkills([
      entry(1, 'A', ['react', 'Go']),
      entry(2, 'B', ['React', 'Ágil']),
      entry(3, 'C', ['React']),
    ])
    expect(counts).toEqual([
      { skill: 'React', count: 3 },
      { skill: 'Ágil', count: 1 },
      { skill: 'Go', count: 1 },
    ])
    expect(countSkills([entry(1, 'A', ['a', 'b', 'c'])], 2)).toHaveLength(2)
  })
})

describe('pagination', () => {
  it('orders by folded name then id and resumes after the cursor even if names repeat', () => {
    const sorted = sortEntries([
      entry(3, 'Ana', []),
      entry(1, 'Ána', []),
      entry(2, 'Beto', []),
      entry(4, 'ana', []),
    ])
    expect(sorted.map((e) => e.userId)).toEqual([id(1), id(3), id(4), id(2)])
    const first = pageAfter(sorted, null, 2)
    expect(first.items.map((e) => e.userId)).toEqual([id(1), id(3)])
    const after = decodeDirectoryCursor(first.nextCursor!)
    const second = pageAfter(sorted, after, 2)
    expect(second.items.map((e) => e.userId)).toEqual([id(4), id(2)])
    expect(second.nextCursor).toBeNull()
    expect(decodeDirectoryCursor('bm9wZQ')).toBeNull()
  })
})
