import { describe, expect, it } from 'vitest'
import { diffSnapshots } from '../audit.ts'

describe('diffSnapshots', () => {
  it('records only changed fields, with before and after', () => {
    expect(
      diffSnapshots({ name: 'A', slug: 'a', pinned: false }, { name: 'B', slug: 'a', pinned: true }),
    ).toEqual({
      name: { from: 'A', to: 'B' },
      pinned: { from: false, to: true },
    })
  })

  it('treats creation and deletion as changes from and to null', () => {
    expect(diffSnapshots(null, { title: 'x' })).toEqual({ title: { from: null, to: 'x' } })
    expect(diffSnapshots({ title: 'x' }, undefined)).toEqual({ title: { from: 'x', to: null } })
  })

  it('compares dates and bigints by value', () => {
    const date = new Date('2026-11-21T10:00:00Z')
    expect(diffSnapshots({ at: date, n: 5n }, { at: new Date(date), n: 5n })).toEqual({})
    expect(diffSnapshots({ n: 5n }, { n: 6n })).toEqual({ n: { from: '5', to: '6' } })
  })
})
