// Small helpers the load scenarios share.

/** Runs `task` for 0..count-1 with at most `limit` in flight. */
export async function pool(count: number, limit: number, task: (index: number) => Promise<void>) {
  let next = 0
  const workers = Array.from({ length: Math.min(limit, count) }, async () => {
    while (next < count) {
      const index = next++
      await task(index)
    }
  })
  await Promise.all(workers)
}

/** The p-th percentile (nearest rank) of values already sorted ascending; NaN for none. */
export function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
}

/** One decimal, for tables of milliseconds. */
export const round = (value: number) => Math.round(value * 10) / 10
