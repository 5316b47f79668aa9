import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from '../app-error.ts'
import { decodeCursor, encodeCursor, toPage } from '../pagination.ts'
import { localeOf } from '../problem-text.ts'

describe('cursor pagination', () => {
  it('round-trips any uuid through the opaque cursor', () => {
    fc.assert(fc.property(fc.uuid(), (id) => decodeCursor(encodeCursor(id)) === id))
  })

  it('rejects cursors that do not decode to an id', () => {
    expect(() => decodeCursor('not-a-cursor')).toThrow(AppError)
    expect(() => decodeCursor(encodeCursor("1' or 1=1 --"))).toThrow(AppError)
  })

  it('walks a list in pages without losing or repeating items', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.uuid(), { maxLength: 60 }),
        fc.integer({ min: 1, max: 10 }),
        (ids, limit) => {
          const sorted = [...ids].sort().reverse()
          const seen: string[] = []
          let after: string | undefined
          for (let guard = 0; guard < 100; guard++) {
            const rows = sorted.filter((id) => after === undefined || id < after).slice(0, limit + 1)
            const page = toPage(rows, limit, (id) => id)
            seen.push(...page.items)
            if (!page.nextCursor) break
            after = decodeCursor(page.nextCursor)
          }
          expect(seen).toEqual(sorted)
        },
      ),
    )
  })
})

describe('localeOf', () => {
  it('answers in Spanish when Spanish is preferred', () => {
    expect(localeOf('es-CO,es;q=0.9,en;q=0.8')).toBe('es')
    expect(localeOf('en-US,es;q=0.5')).toBe('en')
    expect(localeOf(undefined)).toBe('en')
  })
})
