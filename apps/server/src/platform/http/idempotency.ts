import { createHash } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import type { Tx } from '../db/with-org.ts'
import { AppError } from './app-error.ts'
import { idempotencyKeys } from './idempotency.tables.ts'

export type StoredResponse = { statusCode: number; body: unknown }

export function requestHash(method: string, route: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${route}\n${JSON.stringify(body ?? null)}`)
    .digest('hex')
}

/**
 * Claims an Idempotency-Key inside the request's transaction. Returns the stored response when the
 * same request already ran; a concurrent twin blocks on the key's row until the first commits.
 */
export async function claimIdempotencyKey(
  tx: Tx,
  claim: { orgId: string; key: string; userId: string; route: string; hash: string },
): Promise<StoredResponse | null> {
  const inserted = await tx
    .insert(idempotencyKeys)
    .values({
      orgId: claim.orgId,
      key: claim.key,
      userId: claim.userId,
      route: claim.route,
      requestHash: claim.hash,
    })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key })
  if (inserted.length > 0) return null
  const [existing] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.orgId, claim.orgId), eq(idempotencyKeys.key, claim.key)))
  if (!existing || existing.statusCode === null) {
    throw new AppError('conflict', 'A request with this Idempotency-Key is still in progress')
  }
  if (existing.requestHash !== claim.hash || existing.userId !== claim.userId) {
    throw new AppError('idempotency_key_reused', 'This Idempotency-Key was used for a different request')
  }
  return { statusCode: existing.statusCode, body: existing.responseBody }
}

export async function storeIdempotentResponse(
  tx: Tx,
  where: { orgId: string; key: string },
  response: StoredResponse,
) {
  await tx
    .update(idempotencyKeys)
    .set({ statusCode: response.statusCode, responseBody: response.body })
    .where(and(eq(idempotencyKeys.orgId, where.orgId), eq(idempotencyKeys.key, where.key)))
}
