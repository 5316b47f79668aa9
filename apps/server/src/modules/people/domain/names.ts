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

/** At most this many typed words narrow a name search; more add little and cost a join each. */
const MAX_QUERY_WORDS = 5

/**
 * The words a name search matches one by one: normalized, without repeats, longest first. Words of one
 * or two letters ("de", "la", "y") are left out unless nothing else was typed.
 */
export function nameQueryWords(query: string): string[] {
  const all = [...new Set(normalizeName(query).split(' ').filter(Boolean))]
  const meaningful = all.filter((w) => w.length >= 3)
  return (meaningful.length > 0 ? meaningful : all)
    .sort((a, b) => b.length - a.length)
    .slice(0, MAX_QUERY_WORDS)
}
