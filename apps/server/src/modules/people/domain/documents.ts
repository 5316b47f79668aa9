import { isValidNit, normalizeNit } from '../../finance/domain/index.ts'

export const DOCUMENT_TYPES = ['CC', 'CE', 'TI', 'RC', 'NUIP', 'PA', 'PEP', 'PPT', 'NIT'] as const
export type DocumentType = (typeof DOCUMENT_TYPES)[number]

/** DIAN identification codes (finance.md §4.3), used by tax and Supersolidaria reports. */
export const DIAN_DOCUMENT_CODE: Record<DocumentType, number> = {
  RC: 11,
  NUIP: 11,
  TI: 12,
  CC: 13,
  CE: 22,
  NIT: 31,
  PA: 41,
  PEP: 47,
  PPT: 48,
}

// Lengths: CC 3–10 digits (old cédulas are short, new ones 10), TI/NUIP/RC 10–11, CE up to 10,
// PEP 15, PPT up to 10; passports are alphanumeric. Deliberately permissive where the registries vary.
const RULES: Record<Exclude<DocumentType, 'NIT'>, { pattern: RegExp; describe: string }> = {
  CC: { pattern: /^\d{3,10}$/, describe: '3 to 10 digits' },
  CE: { pattern: /^\d{3,10}$/, describe: '3 to 10 digits' },
  TI: { pattern: /^\d{10,11}$/, describe: '10 or 11 digits' },
  RC: { pattern: /^\d{10,11}$/, describe: '10 or 11 digits' },
  NUIP: { pattern: /^\d{10,11}$/, describe: '10 or 11 digits' },
  PA: { pattern: /^[A-Z0-9]{5,12}$/, describe: '5 to 12 letters or digits' },
  PEP: { pattern: /^\d{15}$/, describe: '15 digits' },
  PPT: { pattern: /^\d{4,10}$/, describe: '4 to 10 digits' },
}

export type ParsedDocument = { number: string; checkDigit: string | null; last4: string }

/**
 * Normalizes and validates a document number for its type. Returns the canonical number (no dots,
 * spaces or dashes; NIT without its DV) or an English message explaining what is wrong.
 */
export function parseDocument(
  type: DocumentType,
  raw: string,
  nitCheckDigit?: string | null,
): ParsedDocument | { error: string } {
  const cleaned = raw.trim().toUpperCase().replace(/[.\s]/g, '')
  if (type === 'NIT') {
    let body = cleaned
    let dv = nitCheckDigit ?? undefined
    const dashed = /^(\d+)-(\d)$/.exec(cleaned)
    if (dashed) {
      body = dashed[1]!
      if (dv !== undefined && dv !== dashed[2]) return { error: 'The check digit given twice does not match' }
      dv = dashed[2]!
    }
    if (!/^\d{9}$/.test(body)) return { error: 'A NIT has 9 digits plus its check digit (DV)' }
    if (dv === undefined || !/^\d$/.test(dv)) return { error: 'The NIT check digit (DV) is required' }
    if (!isValidNit(normalizeNit(body), dv)) return { error: `Invalid NIT check digit ${dv} for ${body}` }
    return { number: body, checkDigit: dv, last4: body.slice(-4) }
  }
  const rule = RULES[type]
  const number = type === 'PA' ? cleaned : cleaned.replace(/-/g, '')
  if (!rule.pattern.test(number)) return { error: `A ${type} number has ${rule.describe}` }
  return { number, checkDigit: null, last4: number.slice(-4) }
}

export function maskLast4(last4: string) {
  return `****${last4}`
}
