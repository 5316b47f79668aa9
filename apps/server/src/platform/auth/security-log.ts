import { and, desc, eq, gt, lt } from 'drizzle-orm'
import { uuidv7 } from 'uuidv7'
import type { Db } from '../db/connection.ts'
import type { Tx } from '../db/with-org.ts'
import type { ServiceContext } from '../service-context.ts'
import { securityEvents } from './auth.tables.ts'

export type SecurityEventType =
  | 'sign_in.succeeded'
  | 'sign_in.failed'
  | 'sign_in.locked'
  | 'sign_out'
  | 'two_factor.enabled'
  | 'two_factor.disabled'
  | 'password.changed'
  | 'password.reset'
  | 'password.reset_requested'
  | 'email.verified'
  | 'session.revoked'
  | 'role.changed'

export type SecurityEventInput = {
  type: SecurityEventType
  userId?: string | null
  orgId?: string | null
  email?: string | null
  ip?: string | null
  userAgent?: string | null
  details?: Record<string, unknown>
}

/** Appends one row to the security log. Pass the request's transaction when there is one. */
export async function recordSecurityEvent(db: Db | Tx, event: SecurityEventInput) {
  await db.insert(securityEvents).values({
    id: uuidv7(),
    type: event.type,
    userId: event.userId ?? null,
    orgId: event.orgId ?? null,
    email: event.email?.toLowerCase() ?? null,
    ip: event.ip ?? null,
    userAgent: event.userAgent?.slice(0, 300) ?? null,
    details: event.details ?? null,
  })
}

/** A change to someone's roles in an org: shown in that user's log and in the org's. */
export async function recordRoleChange(
  ctx: ServiceContext,
  userId: string,
  details: Record<string, unknown>,
) {
  await recordSecurityEvent(ctx.db, {
    type: 'role.changed',
    userId,
    orgId: ctx.orgId,
    ip: ctx.ip,
    details: { ...details, by: ctx.actor.userId },
  })
}

export const LOCKOUT = { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 }

/**
 * Whether sign-in for `email` is locked: `maxFailures` failures within `windowMinutes` and no success
 * since. Returns when the lock ends, or null.
 */
export async function lockedUntil(db: Db, email: string, now = new Date()): Promise<Date | null> {
  const windowStart = new Date(now.getTime() - LOCKOUT.windowMinutes * 60_000)
  const address = email.toLowerCase()
  const [lastSuccess] = await db
    .select({ at: securityEvents.occurredAt })
    .from(securityEvents)
    .where(and(eq(securityEvents.email, address), eq(securityEvents.type, 'sign_in.succeeded')))
    .orderBy(desc(securityEvents.occurredAt))
    .limit(1)
  const since = lastSuccess && lastSuccess.at > windowStart ? lastSuccess.at : windowStart
  const failures = await db
    .select({ at: securityEvents.occurredAt })
    .from(securityEvents)
    .where(
      and(
        eq(securityEvents.email, address),
        eq(securityEvents.type, 'sign_in.failed'),
        gt(securityEvents.occurredAt, since),
      ),
    )
    .orderBy(desc(securityEvents.occurredAt))
    .limit(LOCKOUT.maxFailures)
  if (failures.length < LOCKOUT.maxFailures) return null
  const until = new Date(failures[0]!.at.getTime() + LOCKOUT.lockMinutes * 60_000)
  return until > now ? until : null
}

export type SecurityEventRow = typeof securityEvents.$inferSelect

export async function listSecurityEvents(
  db: Db | Tx,
  filter: { userId?: string; orgId?: string; limit: number; before?: string },
): Promise<SecurityEventRow[]> {
  return db
    .select()
    .from(securityEvents)
    .where(
      and(
        filter.userId ? eq(securityEvents.userId, filter.userId) : undefined,
        filter.orgId ? eq(securityEvents.orgId, filter.orgId) : undefined,
        filter.before ? lt(securityEvents.id, filter.before) : undefined,
      ),
    )
    .orderBy(desc(securityEvents.id))
    .limit(filter.limit + 1)
}
