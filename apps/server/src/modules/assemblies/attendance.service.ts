import { createHmac, timingSafeEqual } from 'node:crypto'
import type { AssemblyAttendanceEntry, AssemblyCheckIn, AssemblyCheckOut } from '@minga/contracts'
import { can } from '../../platform/access/effective-permissions.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import { recordEvent } from '../../platform/events/event-bus.ts'
import { AppError, forbidden } from '../../platform/http/app-error.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { listElectorate, unitsRepresentedBy } from '../units/index.ts'
import { ASSEMBLY_QUORUM_CHANGED } from './assemblies.events.ts'
import * as repo from './assemblies.repository.ts'
import { assemblyOr404, markQuorumFormedIfMet } from './assemblies.service.ts'
import { appendLog } from './assembly-log.ts'
import { presenceOf } from './quorum.service.ts'
import { conflict, unprocessable } from './rule-errors.ts'

export function toAttendanceDto(row: repo.AttendanceRow, unitCode: string): AssemblyAttendanceEntry {
  return {
    id: row.id,
    seq: row.seq,
    kind: row.kind,
    unitId: row.unitId,
    unitCode,
    via: row.via,
    proxyId: row.proxyId,
    attendeeName: row.attendeeName,
    attendeeUserId: row.attendeeUserId,
    channel: row.channel,
    recordedBy: row.recordedBy,
    recordedAt: row.recordedAt.toISOString(),
  }
}

export async function listAttendance(ctx: ServiceContext, id: string) {
  await assemblyOr404(ctx, id)
  const codes = new Map((await repo.listElectorateSnapshot(ctx, id)).map((s) => [s.unitId, s.code]))
  const rows = await repo.listAttendance(ctx, id)
  return { items: rows.map((r) => toAttendanceDto(r, codes.get(r.unitId) ?? '')) }
}

function assertRegisterOpen(row: repo.AssemblyRow) {
  if (row.modality === 'written') throw conflict('A written assembly has no attendance register')
  if (row.status !== 'convened' && row.status !== 'in_session') {
    throw conflict(`The assembly is ${row.status}; attendance is taken once convened and until it closes`)
  }
}

type Arrival = {
  unitId: string
  via: 'holder' | 'proxy'
  proxyId: string | null
  attendeeName: string
  attendeeUserId: string | null
  channel: 'presential' | 'virtual' | 'qr'
}

/** One register row under the assembly lock, its log entry, audit, quorum event. */
async function record(
  ctx: ServiceContext,
  row: repo.AssemblyRow,
  kind: 'check-in' | 'check-out',
  arrival: Arrival,
) {
  const seat = (await repo.listElectorateSnapshot(ctx, row.id)).find((s) => s.unitId === arrival.unitId)
  if (!seat) throw unprocessable('body.unitId', 'This unit is not in the assembly electorate')
  const attendance = await repo.listAttendance(ctx, row.id)
  const current = presenceOf(attendance).find((p) => p.seatId === arrival.unitId)
  if (kind === 'check-out' && !current) throw conflict(`Unit ${seat.code} is not checked in`)
  if (kind === 'check-in' && current) {
    const last = [...attendance].reverse().find((a) => a.unitId === arrival.unitId && a.kind === 'check-in')
    if (
      last &&
      last.via === arrival.via &&
      last.proxyId === arrival.proxyId &&
      last.attendeeName === arrival.attendeeName
    ) {
      throw conflict(`Unit ${seat.code} is already checked in`)
    }
  }
  const seq = row.attendanceSeq + 1
  const entry = await repo.insertAttendance(ctx, {
    assemblyId: row.id,
    seq,
    kind,
    unitId: arrival.unitId,
    via: arrival.via,
    proxyId: arrival.proxyId,
    attendeeName: arrival.attendeeName,
    attendeeUserId: arrival.attendeeUserId,
    channel: arrival.channel,
    recordedBy: ctx.actor.userId,
    recordedAt: ctx.now,
  })
  const updated = await repo.updateAssembly(ctx, row.id, { attendanceSeq: seq })
  await appendLog(ctx, row.id, `attendance.${kind}`, {
    attendanceSeq: seq,
    unitId: arrival.unitId,
    unitCode: seat.code,
    via: arrival.via,
    proxyId: arrival.proxyId,
    attendeeName: arrival.attendeeName,
    channel: arrival.channel,
  })
  if (updated) await markQuorumFormedIfMet(ctx, updated)
  await recordAudit(ctx, {
    action: `assembly.${kind}`,
    entityType: 'assembly',
    entityId: row.id,
    after: {
      unitId: arrival.unitId,
      via: arrival.via,
      attendeeName: arrival.attendeeName,
      channel: arrival.channel,
    },
  })
  await recordEvent(ctx, { type: ASSEMBLY_QUORUM_CHANGED, entityId: row.id, payload: { assemblyId: row.id } })
  return toAttendanceDto(entry, seat.code)
}

async function proxyInForce(ctx: ServiceContext, assemblyId: string, proxyId: string, unitId: string) {
  const proxy = await repo.findProxy(ctx, proxyId)
  if (!proxy || proxy.assemblyId !== assemblyId)
    throw unprocessable('body.proxyId', 'No such proxy in this assembly')
  if (proxy.grantorUnitId !== unitId)
    throw unprocessable('body.proxyId', 'This proxy was granted by another unit')
  if (proxy.revokedAt !== null) throw unprocessable('body.proxyId', 'This proxy was revoked')
  return proxy
}

export async function checkIn(ctx: ServiceContext, id: string, input: AssemblyCheckIn) {
  const row = await assemblyOr404(ctx, id, true)
  assertRegisterOpen(row)
  if (input.via === 'proxy') {
    if (!input.proxyId) throw unprocessable('body.proxyId', 'A proxy check-in names the proxy')
    const proxy = await proxyInForce(ctx, id, input.proxyId, input.unitId)
    return record(ctx, row, 'check-in', {
      unitId: input.unitId,
      via: 'proxy',
      proxyId: proxy.id,
      attendeeName: proxy.holderName,
      attendeeUserId: proxy.holderUserId,
      channel: input.channel,
    })
  }
  const voter = (await listElectorate(ctx)).find((s) => s.unitId === input.unitId)?.voter ?? null
  const attendeeName = input.attendeeName ?? voter?.name
  if (!attendeeName) {
    throw unprocessable('body.attendeeName', 'The unit has no voting representative; name who attends')
  }
  return record(ctx, row, 'check-in', {
    unitId: input.unitId,
    via: 'holder',
    proxyId: null,
    attendeeName,
    attendeeUserId: input.attendeeUserId ?? (input.attendeeName ? null : (voter?.userId ?? null)),
    channel: input.channel,
  })
}

export async function checkOut(ctx: ServiceContext, id: string, input: AssemblyCheckOut) {
  const row = await assemblyOr404(ctx, id, true)
  assertRegisterOpen(row)
  const attendance = await repo.listAttendance(ctx, id)
  const last = [...attendance].reverse().find((a) => a.unitId === input.unitId && a.kind === 'check-in')
  return record(ctx, row, 'check-out', {
    unitId: input.unitId,
    via: last?.via ?? 'holder',
    proxyId: last?.proxyId ?? null,
    attendeeName: last?.attendeeName ?? '',
    attendeeUserId: last?.attendeeUserId ?? null,
    channel: input.channel,
  })
}

// QR check-in ---------------------------------------------------------------------------------------

/**
 * A QR token is `v1.<assemblyId>.<unitId>.<mac>`, mac = HMAC-SHA256 over the org, assembly and unit
 * with a key derived from the server secret. It proves "this unit of this assembly", nothing else:
 * who may use it is still checked (an admin scanning, or the unit's own voter / proxy holder).
 */
function qrMac(secret: string, orgId: string, assemblyId: string, unitId: string) {
  const key = createHmac('sha256', secret).update('minga-assembly-qr-v1').digest()
  return createHmac('sha256', key).update(`${orgId}|${assemblyId}|${unitId}`).digest('base64url')
}

export function qrToken(secret: string, orgId: string, assemblyId: string, unitId: string) {
  return `v1.${assemblyId}.${unitId}.${qrMac(secret, orgId, assemblyId, unitId)}`
}

function unitOfToken(secret: string, orgId: string, assemblyId: string, token: string): string {
  const parts = token.split('.')
  const invalid = () => unprocessable('body.token', 'This QR code is not valid for this assembly')
  if (parts.length !== 4 || parts[0] !== 'v1' || parts[1] !== assemblyId) throw invalid()
  const unitId = parts[2]!
  const expected = Buffer.from(qrMac(secret, orgId, assemblyId, unitId))
  const given = Buffer.from(parts[3]!)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid()
  return unitId
}

export async function listQrTokens(ctx: ServiceContext, id: string, secret: string) {
  const row = await assemblyOr404(ctx, id)
  if (row.status === 'draft') throw conflict('Convene the assembly first: tokens follow its electorate')
  const seats = await repo.listElectorateSnapshot(ctx, id)
  return {
    items: seats.map((s) => ({
      unitId: s.unitId,
      unitCode: s.code,
      token: qrToken(secret, ctx.orgId, id, s.unitId),
    })),
  }
}

/**
 * QR check-in. A manager scanning the code checks the unit in for its voting representative (or its
 * proxy holder when the unit has no representative); a resident opening it checks in only a unit they
 * represent or hold a proxy for.
 */
export async function qrCheckIn(ctx: ServiceContext, id: string, token: string, secret: string) {
  const row = await assemblyOr404(ctx, id, true)
  assertRegisterOpen(row)
  const unitId = unitOfToken(secret, ctx.orgId, id, token)
  const voter = (await listElectorate(ctx)).find((s) => s.unitId === unitId)?.voter ?? null
  const proxies = (await repo.listProxies(ctx, id)).filter(
    (p) => p.grantorUnitId === unitId && p.revokedAt === null,
  )
  const userId = ctx.actor.userId
  const manager = can(ctx, 'assemblies:manage')
  const base = { unitId, channel: 'qr' as const }
  if (userId && (await unitsRepresentedBy(ctx, userId)).includes(unitId) && voter) {
    return record(ctx, row, 'check-in', {
      ...base,
      via: 'holder',
      proxyId: null,
      attendeeName: voter.name,
      attendeeUserId: userId,
    })
  }
  const ownProxy = proxies.find((p) => p.holderUserId !== null && p.holderUserId === userId)
  if (ownProxy) {
    return record(ctx, row, 'check-in', {
      ...base,
      via: 'proxy',
      proxyId: ownProxy.id,
      attendeeName: ownProxy.holderName,
      attendeeUserId: ownProxy.holderUserId,
    })
  }
  if (!manager) throw forbidden()
  if (voter) {
    return record(ctx, row, 'check-in', {
      ...base,
      via: 'holder',
      proxyId: null,
      attendeeName: voter.name,
      attendeeUserId: voter.userId,
    })
  }
  const proxy = proxies[0]
  if (!proxy)
    throw new AppError(
      'unprocessable',
      'The unit has no voting representative nor proxy; check it in by hand',
    )
  return record(ctx, row, 'check-in', {
    ...base,
    via: 'proxy',
    proxyId: proxy.id,
    attendeeName: proxy.holderName,
    attendeeUserId: proxy.holderUserId,
  })
}
