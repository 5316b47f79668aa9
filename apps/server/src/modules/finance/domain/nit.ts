import { EngineError } from './errors.ts'

// DIAN weights from the rightmost digit (Orden Administrativa 4 de 1989).
const WEIGHTS = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71] as const

/** Digits of a NIT without its check digit; dots, commas and spaces are ignored. */
export function normalizeNit(nit: string): string {
  const digits = String(nit).replace(/[.,\s]/g, '')
  if (!/^\d{1,15}$/.test(digits)) {
    throw new EngineError('INVALID_INPUT', `a NIT has 1 to 15 digits (without the check digit), got "${nit}"`)
  }
  return digits
}

/** DIAN check digit (DV): r = Σ digit × weight mod 11; DV = r if r < 2, else 11 − r. */
export function nitCheckDigit(nit: string): number {
  const digits = normalizeNit(nit)
  let total = 0
  for (let i = 0; i < digits.length; i++) {
    total += Number(digits[digits.length - 1 - i]) * WEIGHTS[i]!
  }
  const r = total % 11
  return r < 2 ? r : 11 - r
}

/** Accepts "800197268-4", "800.197.268-4" or a NIT and a separate DV. */
export function isValidNit(nit: string, checkDigit?: number | string): boolean {
  let body = nit
  let dv = checkDigit
  if (dv === undefined) {
    const match = /^(.*)-\s*(\d)$/.exec(nit.trim())
    if (!match) return false
    body = match[1]!
    dv = match[2]!
  }
  try {
    return nitCheckDigit(body) === Number(dv)
  } catch {
    return false
  }
}
