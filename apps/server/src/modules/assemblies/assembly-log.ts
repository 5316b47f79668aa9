import { createHash } from 'node:crypto'
import { and, asc, eq, gt } from 'drizzle-orm'
import type { ServiceContext } from '../../platform/service-context.ts'
import { assemblies, assemblyLog } from './assemblies.tables.ts'

/** The prev_hash of an assembly's first entry. */
export const GENESIS_HASH = '0'.repeat(64)

/** JSON with object keys sorted at every level: the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

export type LogEntryBody = { seq: number; type: string; payload: unknown; createdAt: string }

/** hash = sha256(prev_hash || canonical JSON of {seq, type, payload, createdAt}). */
export function entryHash(prevHash: string, entry: LogEntryBody): string {
  return createHash('sha256').update(prevHash, 'utf8').update(canonicalJson(entry), 'utf8').digest('hex')
}

/**
 * Appends one entry to the assembly's chain. Reading the head locks the assembly row until commit, so
 * concurrent appends serialize and seq has no gaps (callers that locked it already lose nothing).
 */
export async function appendLog(
  ctx: ServiceContext,
  assemblyId: string,
  type: string,
  payload: Record<string, unknown>,
) {
  const [head] = await ctx.db
    .select({ seq: assemblies.logSeq, hash: assemblies.logHead })
    .from(assemblies)
    .where(and(eq(assemblies.orgId, ctx.orgId), eq(assemblies.id, assemblyId)))
    .for('update')
  if (!head) throw new Error('appendLog: assembly not found')
  const seq = head.seq + 1
  const prevHash = head.hash ?? GENESIS_HASH
  // Round-trip through JSON so the hashed payload is exactly what jsonb stores and returns.
  const stored = JSON.parse(JSON.stringify(payload)) as unknown
  const createdAt = ctx.now.toISOString()
  const hash = entryHash(prevHash, { seq, type, payload: stored, createdAt })
  await ctx.db.insert(assemblyLog).values({
    orgId: ctx.orgId,
    assemblyId,
    seq,
    type,
    payload: stored,
    prevHash,
    hash,
    createdAt: ctx.now,
  })
  await ctx.db
    .update(assemblies)
    .set({ logSeq: seq, logHead: hash })
    .where(and(eq(assemblies.orgId, ctx.orgId), eq(assemblies.id, assemblyId)))
  return { seq, hash }
}

export async function readLog(ctx: ServiceContext, assemblyId: string, after = 0, limit?: number) {
  const query = ctx.db
    .select()
    .from(assemblyLog)
    .where(
      and(
        eq(assemblyLog.orgId, ctx.orgId),
        eq(assemblyLog.assemblyId, assemblyId),
        gt(assemblyLog.seq, after),
      ),
    )
    .orderBy(asc(assemblyLog.seq))
  return limit === undefined ? query : query.limit(limit)
}

/**
 * Recomputes the chain from the stored rows: every entry must link to the previous hash, carry the
 * next seq and hash to its stored hash; the assembly's recorded head must be the last hash.
 */
export async function verifyLog(ctx: ServiceContext, assemblyId: string, recordedHead: string | null) {
  const rows = await readLog(ctx, assemblyId)
  let prev = GENESIS_HASH
  let expectedSeq = 1
  for (const row of rows) {
    const recomputed = entryHash(prev, {
      seq: row.seq,
      type: row.type,
      payload: row.payload,
      createdAt: row.createdAt.toISOString(),
    })
    if (row.seq !== expectedSeq || row.prevHash !== prev || row.hash !== recomputed) {
      return { valid: false, length: rows.length, headHash: recordedHead, firstBrokenSeq: row.seq }
    }
    prev = row.hash
    expectedSeq += 1
  }
  const head = rows.length === 0 ? null : prev
  if (head !== recordedHead) {
    // Rows were removed from the end (or the head was forged): the chain is shorter than recorded.
    return { valid: false, length: rows.length, headHash: recordedHead, firstBrokenSeq: rows.length + 1 }
  }
  return { valid: true, length: rows.length, headHash: head, firstBrokenSeq: null }
}
