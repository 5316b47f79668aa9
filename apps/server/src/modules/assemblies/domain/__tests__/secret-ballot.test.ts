import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ABSTAIN, LEY_675_ART_45_SIMPLE_MAJORITY, type MotionRules, NO, YES } from '../majority-rules.ts'
import {
  addBallot,
  ballotReceipt,
  castSecretBallot,
  emptyTotals,
  publishedReceipts,
  receiptsDigest,
  type SecretBallotState,
  verifyInclusion,
} from '../secret-ballot.ts'
import { expectCode, RUNS } from './building-fixture.ts'

const rules: MotionRules = {
  basis: 'coefficient',
  method: 'yes-no-abstain',
  options: [],
  majority: LEY_675_ART_45_SIMPLE_MAJORITY,
}
const open: SecretBallotState = { motionState: 'open', register: [], totals: emptyTotals(rules) }
const nonce = (n: number) => n.toString(16).padStart(64, '0')

describe('casting a secret ballot', () => {
  it('keeps who voted apart from per-option sums, with no trace of an individual weight', () => {
    let state = open
    // Unique coefficients, as in most buildings: 12.345678 %, 7.654321 %, 3.141592 %.
    state = castSecretBallot(state, { seatId: 'apt-502', present: true, weight: 12_345_678, choice: [YES] })
    state = castSecretBallot(state, { seatId: 'apt-101', present: true, weight: 7_654_321, choice: [YES] })
    state = castSecretBallot(state, { seatId: 'apt-303', present: true, weight: 3_141_592, choice: [NO] })
    expect(state.register).toEqual(['apt-101', 'apt-303', 'apt-502'])
    expect(state.totals.options).toEqual([
      { optionId: YES, weight: 19_999_999, heads: 2 },
      { optionId: NO, weight: 3_141_592, heads: 1 },
      { optionId: ABSTAIN, weight: 0, heads: 0 },
    ])
    const stored = JSON.stringify(state.totals)
    expect(stored).not.toContain('12345678')
    expect(stored).not.toContain('7654321')
    expect(stored).not.toContain('apt-')
  })

  it('refuses votes outside an open motion, from absent seats, twice, or malformed', () => {
    expectCode(
      () =>
        castSecretBallot(
          { ...open, motionState: 'draft' },
          { seatId: 'a', present: true, weight: 1, choice: [YES] },
        ),
      'MOTION_NOT_OPEN',
    )
    expectCode(
      () =>
        castSecretBallot(
          { ...open, motionState: 'closed' },
          { seatId: 'a', present: true, weight: 1, choice: [YES] },
        ),
      'MOTION_NOT_OPEN',
    )
    expectCode(
      () => castSecretBallot(open, { seatId: 'a', present: false, weight: 1, choice: [YES] }),
      'SEAT_NOT_PRESENT',
    )
    const once = castSecretBallot(open, { seatId: 'a', present: true, weight: 1, choice: [YES] })
    expectCode(
      () => castSecretBallot(once, { seatId: 'a', present: true, weight: 1, choice: [NO] }),
      'DUPLICATE_VOTE',
    )
    expectCode(
      () => castSecretBallot(open, { seatId: 'b', present: true, weight: 1, choice: [YES, NO] }),
      'INVALID_BALLOT',
    )
    expectCode(
      () => castSecretBallot(open, { seatId: 'b', present: true, weight: 1, choice: ['maybe'] }),
      'INVALID_BALLOT',
    )
    expectCode(
      () => castSecretBallot(open, { seatId: 'b', present: true, weight: 0, choice: [YES] }),
      'INVALID_BALLOT',
    )
  })

  it('a yes/no motion without abstention refuses an abstention', () => {
    const strict = emptyTotals({ ...rules, method: 'yes-no' })
    expectCode(() => addBallot(strict, 1, [ABSTAIN]), 'INVALID_BALLOT')
  })

  it('property: the state after any sequence of casts does not depend on their order', () => {
    const casts = fc.uniqueArray(
      fc.record({
        seatId: fc.string({ minLength: 1, maxLength: 6 }),
        weight: fc.integer({ min: 1, max: 5_000_000 }),
        choice: fc.constantFrom([YES], [NO], [ABSTAIN]),
      }),
      { selector: (c) => c.seatId, maxLength: 30 },
    )
    fc.assert(
      fc.property(casts, (list) => {
        const run = (order: typeof list) =>
          order.reduce((s, c) => castSecretBallot(s, { ...c, present: true }), open)
        expect(run([...list].reverse())).toEqual(run(list))
      }),
      { numRuns: RUNS },
    )
  })
})

describe('receipts', () => {
  const mine = { motionId: 'motion-7', nonce: nonce(42), weight: 12_345_678, choice: [YES] }

  it('are deterministic SHA-256 hex and change with any field', () => {
    const receipt = ballotReceipt(mine)
    expect(receipt).toMatch(/^[0-9a-f]{64}$/)
    expect(ballotReceipt(mine)).toBe(receipt)
    expect(ballotReceipt({ ...mine, choice: [NO] })).not.toBe(receipt)
    expect(ballotReceipt({ ...mine, weight: 12_345_677 })).not.toBe(receipt)
    expect(ballotReceipt({ ...mine, nonce: nonce(43) })).not.toBe(receipt)
    expect(ballotReceipt({ ...mine, motionId: 'motion-8' })).not.toBe(receipt)
  })

  it('let a voter check inclusion from a sorted list that names nobody', () => {
    const others = [1, 2, 3].map((n) =>
      ballotReceipt({ motionId: 'motion-7', nonce: nonce(n), weight: n, choice: [NO] }),
    )
    const published = publishedReceipts([...others, ballotReceipt(mine)])
    expect(published).toEqual([...published].sort())
    expect(verifyInclusion(published, mine)).toBe(true)
    expect(verifyInclusion(published, { ...mine, choice: [NO] })).toBe(false)
    expect(verifyInclusion(publishedReceipts(others), mine)).toBe(false)
  })

  it('digest the list independently of its order', () => {
    const list = [1, 2, 3].map((n) =>
      ballotReceipt({ motionId: 'm', nonce: nonce(n), weight: 1, choice: [YES] }),
    )
    expect(receiptsDigest(list)).toBe(receiptsDigest([...list].reverse()))
    expect(receiptsDigest(list)).toMatch(/^[0-9a-f]{64}$/)
  })

  it('refuse a guessable nonce', () => {
    expectCode(() => ballotReceipt({ ...mine, nonce: 'abc' }), 'INVALID_RECEIPT_NONCE')
    expectCode(() => ballotReceipt({ ...mine, nonce: 'Z'.repeat(32) }), 'INVALID_RECEIPT_NONCE')
  })
})
