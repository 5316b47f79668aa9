import { expect } from 'vitest'
import { parseCoefficient } from '../coefficients.ts'
import type { AssemblyRuleErrorCode } from '../errors.ts'
import type { Presence, Seat } from '../quorum.ts'

// A small residential building: five units whose coefficients sum to exactly 100 %.
export const BUILDING: readonly Seat[] = [
  { seatId: 'apt-101', coefficient: parseCoefficient('30.000000') },
  { seatId: 'apt-102', coefficient: parseCoefficient('25.500000') },
  { seatId: 'apt-201', coefficient: parseCoefficient('19.500000') },
  { seatId: 'apt-202', coefficient: parseCoefficient('15.000001') },
  { seatId: 'local-1', coefficient: parseCoefficient('9.999999') },
]

export function present(...seatIds: string[]): Presence[] {
  return seatIds.map((seatId) => ({ seatId, via: 'holder', attendeeId: `person-${seatId}` }))
}

export function expectCode(fn: () => unknown, code: AssemblyRuleErrorCode) {
  expect(fn).toThrow(expect.objectContaining({ code }) as unknown as Error)
}

// FC_RUNS=5000 for a longer hunt; the default keeps the unit suite fast.
export const RUNS = Number(process.env.FC_RUNS ?? 200)
