import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../../platform/db/connection.ts'
import { withOrg } from '../../platform/db/with-org.ts'
import { systemContext } from '../../platform/service-context.ts'
import { MOTION_TALLY_CHANGED } from './assemblies.events.ts'
import { liveTally } from './motions.service.ts'

/** At most one live-tally push per motion in this window; the push carries the latest totals. */
export const TALLY_PUSH_INTERVAL_MS = 250

type Realtime = { emitToOrg(orgId: string, event: string, payload: unknown): void }

/**
 * Pushes a motion's live tally to its org room straight from the API process, after the ballot's commit.
 * Not through the outbox: a tally is a view of the current totals, not an event owed to anyone; a missed
 * push is repaired by the next one or by a refetch, while one outbox job per ballot could not reach 500
 * viewers within half a second at 50 ballots/s. Coalescing per motion also means that someone watching
 * a secret motion with live results sees batches of ballots, not each ballot as it lands.
 */
export class TallyPusher {
  private readonly pending = new Set<string>()
  private readonly lastPushAt = new Map<string, number>()
  private readonly db: Db
  private readonly realtime: Realtime
  private readonly log: FastifyBaseLogger

  constructor(db: Db, realtime: Realtime, log: FastifyBaseLogger) {
    this.db = db
    this.realtime = realtime
    this.log = log
  }

  /** Call after commit; the first ballot of a quiet motion goes out at once, later ones are coalesced. */
  schedule(orgId: string, motionId: string) {
    if (this.pending.has(motionId)) return
    this.pending.add(motionId)
    const wait = Math.max(0, (this.lastPushAt.get(motionId) ?? 0) + TALLY_PUSH_INTERVAL_MS - Date.now())
    setTimeout(() => {
      this.pending.delete(motionId)
      this.lastPushAt.set(motionId, Date.now())
      void this.push(orgId, motionId)
      // Forget quiet motions so the map does not grow with every motion the process ever saw.
      setTimeout(() => {
        if (!this.pending.has(motionId)) this.lastPushAt.delete(motionId)
      }, TALLY_PUSH_INTERVAL_MS).unref()
    }, wait).unref()
  }

  private async push(orgId: string, motionId: string) {
    try {
      const tally = await withOrg(this.db, orgId, (tx) =>
        liveTally(systemContext(tx, orgId, 'tally-push'), motionId),
      )
      if (tally) this.realtime.emitToOrg(orgId, MOTION_TALLY_CHANGED, tally)
    } catch (err) {
      this.log.warn({ err, motionId }, 'live tally push failed; viewers refetch on the next change')
    }
  }
}
