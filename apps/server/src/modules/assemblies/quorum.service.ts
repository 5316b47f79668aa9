import type { AssemblyQuorumSnapshot, AssemblyQuorumStatus } from '@minga/contracts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { quorumRuleOf } from './assemblies.mapping.ts'
import * as repo from './assemblies.repository.ts'
import {
  type AttendanceEvent,
  type Presence,
  presenceFromRegister,
  type QuorumContext,
  type QuorumSnapshot,
  takeQuorumSnapshot,
} from './domain/index.ts'
import { rule } from './rule-errors.ts'

export const attendeeIdOf = (row: { attendeeUserId: string | null; attendeeName: string }) =>
  row.attendeeUserId ?? `name:${row.attendeeName.trim().toLowerCase()}`

export function presenceOf(attendance: repo.AttendanceRow[]): Presence[] {
  const events: AttendanceEvent[] = attendance.map((a) => ({
    seq: a.seq,
    kind: a.kind,
    seatId: a.unitId,
    via: a.via,
    attendeeId: attendeeIdOf(a),
  }))
  return presenceFromRegister(events)
}

export function quorumContextOf(row: repo.AssemblyRow, now: Date): QuorumContext {
  return {
    call: row.currentCall ?? 'first',
    minutesSinceConvened: Math.max(0, Math.floor((now.getTime() - row.firstCallAt.getTime()) / 60_000)),
    formedEarlier: row.quorumFormedAt !== null,
  }
}

export type LiveQuorum = {
  snapshot: QuorumSnapshot
  electorate: repo.ElectorateRow[]
  attendance: repo.AttendanceRow[]
  presence: Presence[]
}

/** The live quorum of an assembly from its frozen electorate and its attendance register. */
export async function liveQuorum(ctx: ServiceContext, row: repo.AssemblyRow): Promise<LiveQuorum> {
  const electorate = await repo.listElectorateSnapshot(ctx, row.id)
  const attendance = await repo.listAttendance(ctx, row.id)
  const presence = presenceOf(attendance)
  const snapshot = rule(() =>
    takeQuorumSnapshot(
      quorumRuleOf(row),
      electorate.map((s) => ({ seatId: s.unitId, coefficient: s.coefficient })),
      presence,
      quorumContextOf(row, ctx.now),
    ),
  )
  return { snapshot, electorate, attendance, presence }
}

/** The stored form of a snapshot (motion open/close, acta). */
export function toSnapshotDto(
  snapshot: QuorumSnapshot,
  call: 'first' | 'second',
  takenAt: Date,
): AssemblyQuorumSnapshot {
  const { presentSeatIds, ...count } = snapshot.count
  return {
    takenAt: takenAt.toISOString(),
    call,
    count,
    verdict: {
      met: snapshot.verdict.met,
      basis: snapshot.verdict.basis,
      conditions: snapshot.verdict.conditions.map((c) => ({
        kind: c.condition.kind,
        share: c.condition.kind === 'minimum-seats' ? null : c.condition.share,
        comparison: c.condition.kind === 'minimum-seats' ? null : c.condition.comparison,
        count: c.condition.kind === 'minimum-seats' ? c.condition.count : null,
        present: c.present,
        of: c.of,
        required: c.required,
        met: c.met,
      })),
    },
    presentUnitIds: [...presentSeatIds],
  }
}

/** Back to the domain's shape, for `tally`. */
export function fromSnapshotDto(dto: AssemblyQuorumSnapshot): QuorumSnapshot {
  return {
    count: { ...dto.count, presentSeatIds: dto.presentUnitIds },
    verdict: {
      met: dto.verdict.met,
      basis: dto.verdict.basis,
      conditions: dto.verdict.conditions.map((c) => ({
        condition:
          c.kind === 'minimum-seats'
            ? { kind: 'minimum-seats', count: c.count ?? 0 }
            : { kind: c.kind, share: c.share!, comparison: c.comparison! },
        present: c.present,
        of: c.of,
        required: c.required,
        met: c.met,
      })),
    },
  }
}

export function toQuorumStatus(row: repo.AssemblyRow, live: LiveQuorum, now: Date): AssemblyQuorumStatus {
  const dto = toSnapshotDto(live.snapshot, row.currentCall ?? 'first', now)
  const present = new Map(live.presence.map((p) => [p.seatId, p]))
  const lastCheckIn = new Map<string, repo.AttendanceRow>()
  for (const a of live.attendance) if (a.kind === 'check-in') lastCheckIn.set(a.unitId, a)
  const context = quorumContextOf(row, now)
  return {
    assemblyId: row.id,
    status: row.status,
    legalFramework: row.legalFramework,
    call: context.call,
    minutesSinceConvened: context.minutesSinceConvened,
    formedEarlier: context.formedEarlier,
    count: dto.count,
    verdict: dto.verdict,
    seats: live.electorate.map((s) => {
      const p = present.get(s.unitId)
      return {
        unitId: s.unitId,
        code: s.code,
        building: s.building,
        coefficient: s.coefficient,
        present: p !== undefined,
        via: p?.via ?? null,
        attendeeName: p ? (lastCheckIn.get(s.unitId)?.attendeeName ?? null) : null,
      }
    }),
    asOf: now.toISOString(),
  }
}
