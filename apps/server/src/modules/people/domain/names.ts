/** Lower-case, accent-free, single-spaced: what the trigram index and the search query compare. */
export function normalizeName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

export function displayNameOf(p: {
  kind: 'natural' | 'legal'
  firstNames: string | null
  lastNames: string | null
  businessName: string | null
}): string {
  if (p.kind === 'legal') return p.businessName ?? ''
  return [p.firstNames, p.lastNames].filter(Boolean).join(' ')
}
