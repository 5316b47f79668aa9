import type { FieldError } from '@minga/contracts'
import { bogotaDate } from '../../platform/calendar/index.ts'
import { AppError } from '../../platform/http/app-error.ts'
import { checkDaneAddress } from './domain/dane.ts'
import { type DocumentType, type ParsedDocument, parseDocument } from './domain/documents.ts'

/** Collects field errors and throws them together as one 422. */
export class FieldErrors {
  readonly list: FieldError[] = []
  add(path: string, message: string) {
    this.list.push({ path, message })
  }
  throwIfAny(message = 'The person record has invalid fields') {
    if (this.list.length) throw new AppError('unprocessable', message, this.list)
  }
}

function isRealDate(value: string) {
  const d = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value
}

/** A calendar date between 1900-01-01 and today (Bogotá); `what` names it in messages. */
export function checkPastDate(
  errors: FieldErrors,
  path: string,
  value: string | null | undefined,
  now: Date,
) {
  if (!value) return
  if (!isRealDate(value)) return errors.add(path, `${value} is not a real calendar date`)
  if (value < '1900-01-01') return errors.add(path, 'Dates before 1900 are not accepted')
  if (value > bogotaDate(now)) errors.add(path, 'The date cannot be in the future')
}

export function checkDocument(
  errors: FieldErrors,
  path: string,
  type: DocumentType,
  raw: string,
  nitCheckDigit?: string | null,
): ParsedDocument | null {
  const parsed = parseDocument(type, raw, nitCheckDigit)
  if ('error' in parsed) {
    errors.add(path, parsed.error)
    return null
  }
  return parsed
}

export function checkAddress(
  errors: FieldErrors,
  address: { departmentCode?: string | null; municipalityCode?: string | null } | null | undefined,
) {
  const problem = address ? checkDaneAddress(address.departmentCode, address.municipalityCode) : null
  if (problem) errors.add(`body.address.${problem.path}`, problem.message)
}

export function normalizePhone(phone: string) {
  return phone.replace(/[^\d+]/g, '')
}

/** What the phone blind index hashes: national digits, so "+57 310…" and "310…" match. */
export function phoneLookupKey(phone: string) {
  const digits = phone.replace(/\D/g, '')
  return digits.length === 12 && digits.startsWith('57') ? digits.slice(2) : digits
}

export function maskPhone(phone: string) {
  return `****${phone.slice(-3)}`
}
