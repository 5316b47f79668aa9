import { skillKey } from './profile-rules.ts'

/** Lowercase without accents: "José Núñez" and "jose nunez" compare equal. */
export function fold(text: string) {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('es')
}

export type DirectoryEntry = {
  userId: string
  name: string
  headline: string
  skills: string[]
}

/** Every word of `q` appears in the name, headline or a skill (accent- and case-insensitive). */
export function matchesQuery(entry: DirectoryEntry, q: string | undefined) {
  if (!q) return true
  const haystack = fold([entry.name, entry.headline, ...entry.skills].join(' '))
  return fold(q)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word))
}

/** The comma-separated skill filter as keys; an entry must have them all. */
export function parseSkillFilter(skill: string | undefined) {
  return [...new Set((skill ?? '').split(',').map(skillKey).filter(Boolean))]
}

export function hasSkills(entry: DirectoryEntry, keys: readonly string[]) {
  if (keys.length === 0) return true
  const own = new Set(entry.skills.map(skillKey))
  return keys.every((k) => own.has(k))
}

/**
 * Skill → number of entries having it, grouped case-insensitively; each group is labelled with its
 * most common spelling. Most common first, then alphabetically; at most `top` groups.
 */
export function countSkills(entries: readonly DirectoryEntry[], top = Number.POSITIVE_INFINITY) {
  const groups = new Map<string, { count: number; spellings: Map<string, number> }>()
  for (const entry of entries) {
    for (const skill of entry.skills) {
      const key = skillKey(skill)
      const group = groups.get(key) ?? { count: 0, spellings: new Map<string, number>() }
      group.count += 1
      group.spellings.set(skill, (group.spellings.get(skill) ?? 0) + 1)
      groups.set(key, group)
    }
  }
  const counted = [...groups.values()].map((g) => ({
    skill: [...g.spellings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'es'))[0]![0],
    count: g.count,
  }))
  counted.sort((a, b) => b.count - a.count || a.skill.localeCompare(b.skill, 'es'))
  return counted.slice(0, top)
}

/** Directory order: by folded name, then user id (stable, so a cursor always resumes at the same place). */
export type SortKey = readonly [name: string, userId: string]

export const sortKey = (entry: DirectoryEntry): SortKey => [fold(entry.name), entry.userId]

function compareKeys(a: SortKey, b: SortKey) {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0
}

export function encodeDirectoryCursor(entry: DirectoryEntry) {
  return Buffer.from(JSON.stringify(sortKey(entry)), 'utf8').toString('base64url')
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** The sort key a cursor carries, or null when it is not one of ours. */
export function decodeDirectoryCursor(cursor: string): SortKey | null {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(key) && key.length === 2 && typeof key[0] === 'string' && UUID.test(String(key[1])))
      return [key[0], key[1] as string]
  } catch {
    // not JSON: not one of our cursors
  }
  return null
}

/** One page after `after` (a sort key) of entries already sorted by `sortKey`. */
export function pageAfter<T extends DirectoryEntry>(
  sorted: readonly T[],
  after: SortKey | null,
  limit: number,
) {
  const rest = after === null ? sorted : sorted.filter((e) => compareKeys(sortKey(e), after) > 0)
  const items = rest.slice(0, limit)
  const last = items.at(-1)
  return { items, nextCursor: rest.length > limit && last ? encodeDirectoryCursor(last) : null }
}

export function sortEntries<T extends DirectoryEntry>(entries: readonly T[]) {
  return [...entries].sort((a, b) => compareKeys(sortKey(a), sortKey(b)))
}
