import { MESSAGING_SERVER_EVENTS, TypingClientEvent } from '@minga/contracts'
import { and, eq } from 'drizzle-orm'
import type { SessionUser } from '../../platform/auth/auth.ts'
import { withOrg } from '../../platform/db/with-org.ts'
import type { AppInstance } from '../../platform/http/app-instance.ts'
import { findMembershipBySlug } from '../../platform/tenancy/tenancy.repository.ts'
import { conversationParticipants } from './messaging.tables.ts'

type Realtime = AppInstance['platform']['realtime']

/** Pushes one event to every participant's sockets (after commit; clients dedupe by ids). */
export function pushToParticipants(
  realtime: Realtime,
  recipients: readonly string[],
  event: string,
  payload: unknown,
) {
  for (const userId of recipients) realtime.emitToUser(userId, event, payload)
}

const TYPING_INTERVAL_MS = 2000
const THROTTLE_MAX_ENTRIES = 10_000

/**
 * Relays `conversation:typing` from a client to the other participants as `conversation.typing`.
 * Throttled in memory per user and conversation: a relay at most every 2 s (the indicator only
 * needs to be refreshed, and a misbehaving client must not flood a 200-person group).
 */
export function registerTypingRelay(app: AppInstance) {
  const lastRelay = new Map<string, number>()
  const { realtime, database } = app.platform
  realtime.onClientEvent('conversation:typing', async (user: SessionUser, raw: unknown) => {
    const parsed = TypingClientEvent.safeParse(raw)
    if (!parsed.success) return { ok: false }
    const { orgSlug, conversationId } = parsed.data
    const key = `${user.id}:${orgSlug}:${conversationId}`
    const now = Date.now()
    const last = lastRelay.get(key)
    if (last !== undefined && now - last < TYPING_INTERVAL_MS) return { ok: true }
    if (lastRelay.size >= THROTTLE_MAX_ENTRIES) lastRelay.clear()
    lastRelay.set(key, now)

    const membership = await findMembershipBySlug(database.db, orgSlug, user.id)
    if (!membership) return { ok: false }
    const orgId = membership.org.id
    const participants = await withOrg(database.db, orgId, (tx) =>
      tx
        .select({ userId: conversationParticipants.userId })
        .from(conversationParticipants)
        .where(
          and(
            eq(conversationParticipants.orgId, orgId),
            eq(conversationParticipants.conversationId, conversationId),
          ),
        ),
    )
    if (!participants.some((p) => p.userId === user.id)) return { ok: false }
    const payload = { orgId, conversationId, userId: user.id, name: user.name }
    for (const p of participants) {
      if (p.userId !== user.id)
        realtime.emitToUser(p.userId, MESSAGING_SERVER_EVENTS.conversationTyping, payload)
    }
    return { ok: true }
  })
}
