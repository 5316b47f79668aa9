import { describe, expect, it } from 'vitest'
import { EVERY_DAY_CALENDAR } from '../../../../platform/calendar/index.ts'
import {
  assertConvocationNotice,
  earliestAssemblyDate,
  isWithinWrittenVoteWindow,
  ownersMayConvene,
  secondCallDate,
  writtenVoteWindow,
} from '../convocation.ts'
import {
  assertMotionOpen,
  changeResultsVisibility,
  resultsVisible,
  transitionMotion,
} from '../motion-state.ts'
import { expectCode } from './building-fixture.ts'

describe('convocation (Ley 675 arts. 39, 41, 43)', () => {
  it('an ordinary assembly needs 15 days of notice by default', () => {
    expect(earliestAssemblyDate('2026-03-01', { kind: 'ordinary' })).toBe('2026-03-16')
    expect(() => assertConvocationNotice('2026-03-01', '2026-03-16', { kind: 'ordinary' })).not.toThrow()
    expectCode(
      () => assertConvocationNotice('2026-03-01', '2026-03-15', { kind: 'ordinary' }),
      'NOTICE_PERIOD_TOO_SHORT',
    )
  })

  it('statutes may count business days on the Colombian calendar', () => {
    expect(earliestAssemblyDate('2026-03-01', { kind: 'ordinary', dayCount: 'business' })).toBe('2026-03-20')
  })

  it('an extraordinary assembly takes its notice period from the reglamento', () => {
    expectCode(() => earliestAssemblyDate('2026-03-01', { kind: 'extraordinary' }), 'INVALID_INPUT')
    expect(earliestAssemblyDate('2026-03-01', { kind: 'extraordinary', noticeDays: 5 })).toBe('2026-03-06')
  })

  it('art. 41: second call on the third business day at 8 p.m., skipping the San José holiday', () => {
    // Friday 2026-03-20; Monday 23 March 2026 is a holiday (San José, moved).
    expect(secondCallDate('2026-03-20')).toEqual({ date: '2026-03-26', time: '20:00' })
    expect(secondCallDate('2026-03-20', EVERY_DAY_CALENDAR).date).toBe('2026-03-23')
  })

  it('art. 43: written votes are received within one month', () => {
    expect(writtenVoteWindow('2026-01-31')).toEqual({ opensOn: '2026-01-31', closesOn: '2026-02-28' })
    expect(isWithinWrittenVoteWindow('2026-03-10', '2026-04-10')).toBe(true)
    expect(isWithinWrittenVoteWindow('2026-03-10', '2026-04-11')).toBe(false)
    expect(isWithinWrittenVoteWindow('2026-03-10', '2026-03-09')).toBe(false)
  })

  it('art. 39: owners with one fifth of the coefficients may convene', () => {
    expect(ownersMayConvene(20_000_000)).toBe(true)
    expect(ownersMayConvene(19_999_999)).toBe(false)
  })
})

describe('motion lifecycle', () => {
  it('goes draft → open → closed → published and nowhere else', () => {
    expect(transitionMotion('draft', 'open')).toBe('open')
    expect(transitionMotion('open', 'closed')).toBe('closed')
    expect(transitionMotion('closed', 'published')).toBe('published')
    expectCode(() => transitionMotion('closed', 'open'), 'INVALID_MOTION_TRANSITION')
    expectCode(() => transitionMotion('draft', 'closed'), 'INVALID_MOTION_TRANSITION')
  })

  it('accepts votes only while open', () => {
    expect(() => assertMotionOpen('open')).not.toThrow()
    expectCode(() => assertMotionOpen('published'), 'MOTION_NOT_OPEN')
  })

  it('hidden-until-closed is a one-way switch while voting', () => {
    expectCode(
      () => changeResultsVisibility('open', 'hidden-until-closed', 'live'),
      'RESULTS_VISIBILITY_ONE_WAY',
    )
    expect(changeResultsVisibility('open', 'live', 'hidden-until-closed')).toBe('hidden-until-closed')
    expect(changeResultsVisibility('draft', 'hidden-until-closed', 'live')).toBe('live')
    expect(resultsVisible('open', 'hidden-until-closed')).toBe(false)
    expect(resultsVisible('open', 'live')).toBe(true)
    expect(resultsVisible('closed', 'hidden-until-closed')).toBe(true)
    expect(resultsVisible('draft', 'live')).toBe(false)
  })
})
