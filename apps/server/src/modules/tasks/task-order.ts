import { generateKeyBetween } from 'fractional-indexing'

/** Byte-wise comparison: the order fractional-indexing keys are designed for (not a locale's). */
export const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export type Slot = { afterKey: string | null; beforeKey: string | null }

/**
 * The order key for a card dropped into a column, computed from the column's keys as they are now
 * (read under the column's lock, without the moving card). The client names neighbours by id; we
 * trust only `afterId` when present (else `beforeId`) and take the real adjacent key from the
 * column, so a neighbour list that another move made stale still yields a fresh, unique key.
 */
export function keyForDrop(
  column: readonly { id: string; orderKey: string }[],
  target: { afterId?: string | undefined; beforeId?: string | undefined },
): string | 'unknown_neighbour' {
  const sorted = [...column].sort((a, b) => compareKeys(a.orderKey, b.orderKey))
  let index: number // insert position in `sorted`
  if (target.afterId) {
    const at = sorted.findIndex((t) => t.id === target.afterId)
    if (at < 0) return 'unknown_neighbour'
    index = at + 1
  } else if (target.beforeId) {
    const at = sorted.findIndex((t) => t.id === target.beforeId)
    if (at < 0) return 'unknown_neighbour'
    index = at
  } else {
    index = sorted.length
  }
  const afterKey = sorted[index - 1]?.orderKey ?? null
  const beforeKey = sorted[index]?.orderKey ?? null
  return generateKeyBetween(afterKey, beforeKey)
}
