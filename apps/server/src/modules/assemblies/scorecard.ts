import { and, eq, gte, lte, ne } from 'drizzle-orm'
import type { ServiceContext } from '../../platform/service-context.ts'
import { unitsRepresentedBy } from '../units/index.ts'
import * as repo from './assemblies.repository.ts'
import { assemblies } from './assemblies.tables.ts'
import {
  type AssemblyAttendanceRecord,
  type MotionTurnoutRecord,
  maxProxiesHeld,
  seatsEverPresent,
} from './domain/index.ts'
import { listMotions, listVotersOfMotions } from './motions.repository.ts'
import { toProxyGrant } from './proxies.service.ts'
import { attendeeIdOf } from './quorum.service.ts'

type Activity = { memberId: string; kind: 'vote' | 'attendance' }

/**
 * Facts for the scorecards module (governance.md §5), from registers only: attendance, poderes and the
 * register of who voted. Never a ballot choice. With `userId`, restricted to that member's units and acts.
 */
export async function assemblyScorecardFacts(
  ctx: ServiceContext,
  range: { from: Date; to: Date },
  userId?: string,
): Promise<{
  assemblies: AssemblyAttendanceRecord[]
  motions: MotionTurnoutRecord[]
  activities: Activity[]
}> {
  const rows = await ctx.db
    .select()
    .from(assemblies)
    .where(
      and(
        eq(assemblies.orgId, ctx.orgId),
        ne(assemblies.status, 'draft'),
        gte(assemblies.firstCallAt, range.from),
        lte(assemblies.firstCallAt, range.to),
      ),
    )
  const mine = userId === undefined ? null : new Set(await unitsRepresentedBy(ctx, userId))
  const keep = (unitId: string) => mine === null || mine.has(unitId)
  const records: AssemblyAttendanceRecord[] = []
  const turnout: MotionTurnoutRecord[] = []
  const activities: Activity[] = []
  for (const a of rows) {
    const electorate = await repo.listElectorateSnapshot(ctx, a.id)
    const weightOf = new Map(electorate.map((s) => [s.unitId, s.coefficient]))
    const attendance = await repo.listAttendance(ctx, a.id)
    const proxies = await repo.listProxies(ctx, a.id)
    const motions = (await listMotions(ctx, a.id)).filter(
      (m) => m.state === 'closed' || m.state === 'published',
    )
    const present = seatsEverPresent(
      attendance.map((r) => ({
        seq: r.seq,
        kind: r.kind,
        seatId: r.unitId,
        via: r.via,
        attendeeId: attendeeIdOf(r),
      })),
    ).filter(keep)
    const viaProxy = new Set(
      attendance.filter((r) => r.kind === 'check-in' && r.via === 'proxy').map((r) => r.unitId),
    )
    const firstSnapshot =
      (motions[0]?.quorumAtOpen as { presentUnitIds?: string[] } | null)?.presentUnitIds ?? present
    records.push({
      eligibleSeatIds: electorate.map((s) => s.unitId).filter(keep),
      presentSeatIds: present,
      proxySeatIds: present.filter((id) => viaProxy.has(id)),
      presentCoefficient: firstSnapshot.filter(keep).reduce((sum, id) => sum + (weightOf.get(id) ?? 0), 0),
      quorumOnFirstCall: a.quorumFormedAt !== null && a.currentCall !== 'second',
      maxProxiesHeld: maxProxiesHeld(proxies.map(toProxyGrant)),
    })
    const attendees = new Set(
      attendance.filter((r) => r.kind === 'check-in' && r.attendeeUserId).map((r) => r.attendeeUserId!),
    )
    for (const memberId of attendees) {
      if (userId === undefined || memberId === userId) activities.push({ memberId, kind: 'attendance' })
    }
    const voters = await listVotersOfMotions(
      ctx,
      motions.map((m) => m.id),
    )
    for (const m of motions) {
      const ofMotion = voters.filter((v) => v.motionId === m.id)
      turnout.push({
        ballotsCast: ofMotion.filter((v) => keep(v.unitId)).length,
        eligible: electorate.filter((s) => keep(s.unitId)).length,
      })
      for (const memberId of new Set(ofMotion.map((v) => v.voterUserId))) {
        if (userId === undefined || memberId === userId) activities.push({ memberId, kind: 'vote' })
      }
    }
  }
  return { assemblies: records, motions: turnout, activities }
}
