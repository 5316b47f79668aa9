import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCoefficient } from '../coefficients.ts'
import {
  type AttendanceEvent,
  cooperativeQuorumRule,
  countQuorum,
  evaluateQuorum,
  horizontalPropertyQuorumRule,
  type Presence,
  presenceFromRegister,
  type QuorumContext,
  type Seat,
  seatsEverPresent,
  takeQuorumSnapshot,
} from '../quorum.ts'
import { BUILDING, expectCode, present, RUNS } from './building-fixture.ts'

const FIRST: QuorumContext = { call: 'first', minutesSinceConvened: 0, formedEarlier: false }
const ph = horizontalPropertyQuorumRule()

describe('live count: present vs total, heads and coefficient, holder or proxy', () => {
  it('counts seats, weight, proxies and distinct attendees', () => {
    const presence: Presence[] = [
      { seatId: 'apt-101', via: 'holder', attendeeId: 'ana' },
      { seatId: 'apt-202', via: 'proxy', attendeeId: 'ana' },
      { seatId: 'local-1', via: 'proxy', attendeeId: 'luis' },
    ]
    expect(countQuorum(BUILDING, presence)).toEqual({
      eligibleSeats: 5,
      presentSeats: 3,
      presentByHolder: 1,
      presentByProxy: 2,
      attendees: 2,
      totalWeight: 100_000_000,
      presentWeight: 55_000_000,
      presentSeatIds: ['apt-101', 'apt-202', 'local-1'],
    })
  })

  it('refuses a seat outside the electorate or present twice', () => {
    expectCode(() => countQuorum(BUILDING, present('apt-999')), 'UNKNOWN_SEAT')
    expectCode(() => countQuorum(BUILDING, present('apt-101', 'apt-101')), 'DUPLICATE_SEAT')
  })

  it('replays check-in and check-out; a later check-in by the owner replaces the proxy', () => {
    const events: AttendanceEvent[] = [
      { seq: 3, kind: 'check-in', seatId: 'apt-101', via: 'holder', attendeeId: 'owner' },
      { seq: 1, kind: 'check-in', seatId: 'apt-101', via: 'proxy', attendeeId: 'proxy-holder' },
      { seq: 2, kind: 'check-in', seatId: 'apt-102', via: 'holder', attendeeId: 'b' },
      { seq: 4, kind: 'check-out', seatId: 'apt-102', via: 'holder', attendeeId: 'b' },
    ]
    expect(presenceFromRegister(events)).toEqual([{ seatId: 'apt-101', via: 'holder', attendeeId: 'owner' }])
    expect(presenceFromRegister(events, 2).map((p) => p.seatId)).toEqual(['apt-101', 'apt-102'])
    expect(seatsEverPresent(events)).toEqual(['apt-101', 'apt-102'])
  })
})

describe('propiedad horizontal (Ley 675 arts. 45 and 41), recomputed per motion', () => {
  it('art. 45: 49.5 % of the coefficients is not quorum; 59.499999 % is', () => {
    const low = takeQuorumSnapshot(ph, BUILDING, present('apt-101', 'apt-201'), FIRST)
    expect(low.count.presentWeight).toBe(49_500_000)
    expect(low.verdict).toMatchObject({ met: false, basis: null })
    const high = takeQuorumSnapshot(ph, BUILDING, present('apt-101', 'apt-201', 'local-1'), FIRST)
    expect(high.verdict).toMatchObject({ met: true, basis: 'first-call' })
  })

  it('art. 45: exactly half of the coefficients is not "more than half"', () => {
    const quarters: Seat[] = ['a', 'b', 'c', 'd'].map((seatId) => ({
      seatId,
      coefficient: parseCoefficient('25'),
    }))
    expect(evaluateQuorum(ph, countQuorum(quarters, present('a', 'b')), FIRST).met).toBe(false)
    expect(evaluateQuorum(ph, countQuorum(quarters, present('a', 'b', 'c')), FIRST).met).toBe(true)
  })

  it('art. 45: one owner with 60 % is not a plural number of owners', () => {
    const building: Seat[] = [
      { seatId: 'big', coefficient: parseCoefficient('60') },
      { seatId: 'x', coefficient: parseCoefficient('20') },
      { seatId: 'y', coefficient: parseCoefficient('20') },
    ]
    const verdict = evaluateQuorum(ph, countQuorum(building, present('big')), FIRST)
    expect(verdict.met).toBe(false)
    expect(verdict.conditions.map((c) => c.met)).toEqual([false, true])
  })

  it('reports the figure needed: more than 50 % is 50.000001 %', () => {
    const verdict = evaluateQuorum(ph, countQuorum(BUILDING, present('apt-101')), FIRST)
    expect(verdict.conditions[1]).toMatchObject({
      present: 30_000_000,
      of: 100_000_000,
      required: 50_000_001,
    })
  })

  it('art. 41: second call decides with any plural number of owners, whatever their coefficients', () => {
    const count = countQuorum(BUILDING, present('apt-202', 'local-1'))
    expect(evaluateQuorum(ph, count, FIRST).met).toBe(false)
    expect(evaluateQuorum(ph, count, { ...FIRST, call: 'second' })).toMatchObject({
      met: true,
      basis: 'second-call',
    })
    const alone = countQuorum(BUILDING, present('local-1'))
    expect(evaluateQuorum(ph, alone, { ...FIRST, call: 'second' }).met).toBe(false)
  })

  it('does not stick: departures before the next motion break quorum', () => {
    const count = countQuorum(BUILDING, present('apt-101', 'apt-201'))
    expect(evaluateQuorum(ph, count, { ...FIRST, formedEarlier: true }).met).toBe(false)
  })
})

describe('cooperatives (Ley 79 art. 31): hábiles, one-hour reduced quorum, quorum holds once formed', () => {
  const members: Seat[] = Array.from({ length: 100 }, (_, i) => ({
    seatId: `m${String(i).padStart(3, '0')}`,
    coefficient: 0,
  }))
  const attending = (n: number) => present(...members.slice(0, n).map((m) => m.seatId))
  const co = cooperativeQuorumRule()

  it('half of 100 asociados hábiles: 50 forms quorum, 49 does not', () => {
    expect(evaluateQuorum(co, countQuorum(members, attending(50)), FIRST)).toMatchObject({
      met: true,
      basis: 'first-call',
    })
    expect(evaluateQuorum(co, countQuorum(members, attending(49)), FIRST).met).toBe(false)
  })

  it('after one hour: 10 % of the hábiles and half of the 20 needed to form a cooperative', () => {
    const ten = countQuorum(members, attending(10))
    expect(evaluateQuorum(co, ten, { ...FIRST, minutesSinceConvened: 59 }).met).toBe(false)
    expect(evaluateQuorum(co, ten, { ...FIRST, minutesSinceConvened: 60 })).toMatchObject({
      met: true,
      basis: 'reduced-after-wait',
    })
    expect(
      evaluateQuorum(co, countQuorum(members, attending(9)), { ...FIRST, minutesSinceConvened: 90 }).met,
    ).toBe(false)
  })

  it('the reduced quorum needs both conditions: 10 of 60 hábiles is 16 %, but 9 of 60 fails the 10-member floor', () => {
    const sixty = members.slice(0, 60)
    const late = { ...FIRST, minutesSinceConvened: 61 }
    expect(evaluateQuorum(co, countQuorum(sixty, attending(10)), late).met).toBe(true)
    expect(evaluateQuorum(co, countQuorum(sixty, attending(9)), late).met).toBe(false)
  })

  it('once formed, departures do not break quorum while the minimum holds', () => {
    const formed = { ...FIRST, formedEarlier: true }
    expect(evaluateQuorum(co, countQuorum(members, attending(12)), formed)).toMatchObject({
      met: true,
      basis: 'held-once-formed',
    })
    expect(evaluateQuorum(co, countQuorum(members, attending(9)), formed).met).toBe(false)
  })

  it('delegate assemblies: half of the delegates convened, no reduced quorum', () => {
    const delegates = cooperativeQuorumRule({ delegates: true })
    const twenty = members.slice(0, 20)
    expect(evaluateQuorum(delegates, countQuorum(twenty, attending(10)), FIRST).met).toBe(true)
    expect(
      evaluateQuorum(delegates, countQuorum(twenty, attending(9)), { ...FIRST, minutesSinceConvened: 120 })
        .met,
    ).toBe(false)
  })

  it('has no second call', () => {
    expectCode(
      () => evaluateQuorum(co, countQuorum(members, attending(1)), { ...FIRST, call: 'second' }),
      'INVALID_INPUT',
    )
  })
})

describe('property: quorum is monotonic in attendance', () => {
  const building = fc
    .array(fc.integer({ min: 1, max: 5_000_000 }), { minLength: 1, maxLength: 60 })
    .map((ws) => ws.map((coefficient, i) => ({ seatId: `s${i}`, coefficient })))
  const context = fc.record({
    call: fc.constantFrom('first' as const, 'second' as const),
    minutesSinceConvened: fc.integer({ min: 0, max: 120 }),
    formedEarlier: fc.boolean(),
  })
  const rule = fc.constantFrom(
    horizontalPropertyQuorumRule(),
    cooperativeQuorumRule(),
    cooperativeQuorumRule({ delegates: true }),
  )

  it('adding a present seat never turns a met quorum into a failed one', () => {
    fc.assert(
      fc.property(
        building,
        fc.array(fc.boolean()),
        fc.nat(),
        context,
        rule,
        (seats, flags, extra, ctx, r) => {
          if (ctx.call === 'second' && r.secondCall === null) return
          const here = seats.filter((_, i) => flags[i] === true).map((s) => s.seatId)
          const absent = seats.map((s) => s.seatId).filter((id) => !here.includes(id))
          const before = evaluateQuorum(r, countQuorum(seats, present(...here)), ctx)
          if (absent.length === 0) return
          const more = [...here, absent[extra % absent.length]!]
          const after = evaluateQuorum(r, countQuorum(seats, present(...more)), ctx)
          if (before.met) expect(after.met).toBe(true)
        },
      ),
      { numRuns: RUNS },
    )
  })
})
