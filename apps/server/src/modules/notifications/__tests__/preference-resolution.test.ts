import { describe, expect, it } from 'vitest'
import { quietHoursEnd } from '../local-time.ts'
import { resolveChannel } from '../preference-resolution.ts'

const tri = [undefined, true, false] as const

describe('resolveChannel', () => {
  // Every combination: critical × declared × type switch × global switch × org default (108 cases).
  const cases = [true, false].flatMap((critical) =>
    [true, false].flatMap((declared) =>
      tri.flatMap((typePref) =>
        tri.flatMap((globalPref) =>
          tri.map((orgDefault) => ({ critical, declared, typePref, globalPref, orgDefault })),
        ),
      ),
    ),
  )
  it.each(cases)('%o', ({ critical, declared, typePref, globalPref, orgDefault }) => {
    const result = resolveChannel({
      channel: 'email',
      critical,
      defaultChannels: declared ? ['in_app', 'email'] : ['in_app'],
      typePref,
      globalPref,
      orgDefault,
    })
    // Oracle written as the first defined value in priority order.
    const expected =
      critical && declared
        ? { enabled: true, source: 'critical' }
        : typePref !== undefined
          ? { enabled: typePref, source: 'type' }
          : globalPref !== undefined
            ? { enabled: globalPref, source: 'global' }
            : orgDefault !== undefined
              ? { enabled: orgDefault, source: 'org' }
              : { enabled: declared, source: 'default' }
    expect(result).toEqual(expected)
  })
  it('has 108 cases', () => expect(cases).toHaveLength(108))
})

describe('quietHoursEnd (America/Bogota, UTC-5)', () => {
  const tz = 'America/Bogota'
  it('holds inside a window that wraps midnight, until its end the next morning', () => {
    // 23:30 Bogotá on 14 Jan = 04:30 UTC on 15 Jan; the window ends 07:00 Bogotá = 12:00 UTC.
    expect(
      quietHoursEnd(new Date('2030-01-15T04:30:00Z'), tz, { start: '22:00', end: '07:00' })?.toISOString(),
    ).toBe('2030-01-15T12:00:00.000Z')
    // 06:59 Bogotá, same window: ends a minute later.
    expect(
      quietHoursEnd(new Date('2030-01-15T11:59:00Z'), tz, { start: '22:00', end: '07:00' })?.toISOString(),
    ).toBe('2030-01-15T12:00:00.000Z')
  })
  it('is null outside the window, at its end, and without quiet hours', () => {
    expect(quietHoursEnd(new Date('2030-01-15T12:00:00Z'), tz, { start: '22:00', end: '07:00' })).toBeNull()
    expect(quietHoursEnd(new Date('2030-01-15T18:00:00Z'), tz, { start: '22:00', end: '07:00' })).toBeNull()
    expect(quietHoursEnd(new Date('2030-01-15T18:00:00Z'), tz, { start: null, end: null })).toBeNull()
  })
  it('handles a daytime window', () => {
    // 13:00 Bogotá inside 12:00–14:00 → 14:00 Bogotá = 19:00 UTC.
    expect(
      quietHoursEnd(new Date('2030-01-15T18:00:00Z'), tz, { start: '12:00', end: '14:00' })?.toISOString(),
    ).toBe('2030-01-15T19:00:00.000Z')
  })
})
