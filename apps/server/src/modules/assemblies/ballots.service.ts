import { randomBytes } from 'node:crypto'
import type { AssemblyMySeats, CastMotionBallot, MotionBallotReceipt } from '@minga/contracts'
import { can } from '../../platform/access/effective-permissions.ts'
import { recordAudit } from '../../platform/audit/audit.ts'
import { isUniqueViolation } from '../../platform/db/unique-violation.ts'
import { AppError, forbidden, notFound } from '../../platform/http/app-error.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { unitsRepresentedBy } from '../units/index.ts'
import * as assemblyRepo from './assemblies.repository.ts'
import { assemblyOr404 } from './assemblies.service.ts'
import { appendLog } from './assembly-log.ts'
import { qrToken } from './attendance.service.ts'
import {
  ABSTAIN,
  assertMotionOpen,
  ballotReceipt,
  emptyTotals,
  normalizeChoice,
  type Presence,
  proxyCovers,
  publishedReceipts,
  receiptsDigest,
  resolveSeatVoter,
  seatWeight,
} from './domain/index.ts'
import { CAST_KEY, RANK_PREFIX, rulesOf } from './motions.mapping.ts'
import * as repo from './motions.repository.ts'
import { motionOr404 } from './motions.service.ts'
import { toProxyGrant } from './proxies.service.ts'
import { presenceOf } from './quorum.service.ts'
import { rule, unprocessable } from './rule-errors.ts'

type Entitlement = { via: 'holder' | 'proxy'; proxyId: string | null }

type VoterView = {
  userId: string
  ownUnits: Set<string>
  proxies: assemblyRepo.ProxyRow[]
  presence: Map<string, Presence>
  written: boolean
}

/** What decides the caller's right to vote; with `unitId`, the register is read for that unit only. */
async function voterView(
  ctx: ServiceContext,
  assembly: assemblyRepo.AssemblyRow,
  userId: string,
  unitId?: string,
): Promise<VoterView> {
  const attendance =
    unitId === undefined
      ? await assemblyRepo.listAttendance(ctx, assembly.id)
      : await assemblyRepo.listAttendanceOfUnit(ctx, assembly.id, unitId)
  return {
    userId,
    ownUnits: new Set(await unitsRepresentedBy(ctx, userId)),
    proxies: (await assemblyRepo.listProxies(ctx, assembly.id)).filter(
      (p) => p.holderUserId === userId && p.revokedAt === null,
    ),
    presence: new Map(presenceOf(attendance).map((p) => [p.seatId, p])),
    written: assembly.modality === 'written',
  }
}

/**
 * Who votes for a seat on an agenda item: the domain's `resolveSeatVoter` over the register. The unit's
 * representative takes precedence when the unit is present through them (in a written assembly, when
 * they vote); otherwise a poder in force covering the item. The caller's proxies are the only ones
 * loaded (holder = the caller's user id), so the answer is "the caller" or "someone else".
 * Returns null when the caller may not vote for the unit, 'absent' when they could but it is not present.
 */
function entitlement(view: VoterView, unitId: string, agendaItemId: string): Entitlement | null | 'absent' {
  const own = view.ownUnits.has(unitId)
  const grants = view.proxies.map(toProxyGrant)
  if (!own && !grants.some((g) => g.grantorSeatId === unitId && proxyCovers(g, agendaItemId))) return null
  const present = view.presence.get(unitId)
  if (!view.written && !present) return 'absent'
  const representativePresent = view.written ? own : present?.via === 'holder'
  // Present through its holder but the caller is not the representative: someone else votes for it.
  const representative = own ? view.userId : representativePresent ? `holder-of:${unitId}` : null
  const voter = resolveSeatVoter(unitId, representative, representativePresent, grants, agendaItemId)
  return voter !== null && voter.voterId === view.userId ? { via: voter.via, proxyId: voter.proxyId } : null
}

/**
 * Casts one ballot for one unit. Exactly once per unit and motion, also under concurrency: the voter
 * register row (unique per motion and unit) is inserted first, in the same transaction as the running
 * totals (`total = total + weight`); a concurrent second attempt waits on the unique index and fails.
 * Secret motions keep no per-ballot row: only the register (no choice, no time), the sums and a
 * receipt with no unit; the log gets "a ballot was cast" and the receipt; no audit row and no domain
 * event (the route pushes the live tally after commit, coalesced: see tally-push.ts).
 */
export async function castBallot(
  ctx: ServiceContext,
  motionId: string,
  input: CastMotionBallot,
): Promise<MotionBallotReceipt> {
  const userId = ctx.actor.userId
  if (!userId) throw forbidden()
  // Share lock: closing the motion (update lock) waits for ballots in flight, and vice versa.
  const motion = await motionOr404(ctx, motionId, 'share')
  const assembly = await assemblyOr404(ctx, motion.assemblyId)
  rule(() => assertMotionOpen(motion.state, 'the motion'))
  const seat = await assemblyRepo.findElectorateSeat(ctx, assembly.id, input.unitId)
  if (!seat) throw unprocessable('body.unitId', 'This unit is not in the assembly electorate')
  const view = await voterView(ctx, assembly, userId, input.unitId)
  const right = entitlement(view, input.unitId, motion.agendaItemId)
  if (right === null) throw new AppError('forbidden', 'You do not vote for this unit on this motion')
  if (right === 'absent') {
    throw unprocessable('body.unitId', `Unit ${seat.code} is not present; check it in before voting`)
  }
  const rules = rulesOf(motion, assembly)
  const choice = [...rule(() => normalizeChoice(emptyTotals(rules), input.choice))]
  const weight = seatWeight(rules.basis, seat.coefficient)
  try {
    await repo.insertVoter(ctx, { motionId, unitId: input.unitId, voterUserId: userId, via: right.via })
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', `Unit ${seat.code} has already voted on this motion`, [
        {
          path: 'body.unitId',
          message: `DUPLICATE_VOTE: unit ${seat.code} has already voted on this motion`,
        },
      ])
    }
    throw error
  }
  const abstained = choice[0] === ABSTAIN
  const credited = rules.method === 'ranked' && !abstained ? choice.slice(0, 1) : choice
  const totalKeys = [
    ...credited,
    ...(rules.method === 'ranked' && !abstained ? [`${RANK_PREFIX}${JSON.stringify(choice)}`] : []),
    CAST_KEY,
  ]
  const nonce = randomBytes(16).toString('hex')
  const receipt = ballotReceipt({ motionId, nonce, weight, choice })
  await repo.insertReceipt(ctx, motionId, receipt)
  if (motion.secrecy === 'named') {
    await repo.insertNamedBallot(ctx, {
      motionId,
      unitId: input.unitId,
      voterUserId: userId,
      via: right.via,
      choice,
      weight,
    })
    await recordAudit(ctx, {
      action: 'motion.ballot_cast',
      entityType: 'motion',
      entityId: motionId,
      after: { unitId: input.unitId, via: right.via, choice },
    })
  }
  // Every ballot of the assembly serializes from here to commit (the log head, then the running totals),
  // so everything that needs no shared row is done above: the fewer statements here, the more ballots a second.
  await appendLog(
    ctx,
    assembly.id,
    'ballot.cast',
    motion.secrecy === 'secret'
      ? { motionId, receipt }
      : { motionId, unitId: input.unitId, unitCode: seat.code, via: right.via, choice, weight, receipt },
  )
  await repo.addToTotals(ctx, motionId, totalKeys, weight)
  return { motionId, unitId: input.unitId, receipt, nonce, weight, choice }
}

export async function listReceipts(ctx: ServiceContext, motionId: string) {
  const motion = await motionOr404(ctx, motionId)
  if (motion.state !== 'closed' && motion.state !== 'published') {
    throw new AppError('conflict', 'Receipts are published when the motion closes')
  }
  const receipts = publishedReceipts(await repo.listReceipts(ctx, motionId))
  return { motionId, receipts, digest: receiptsDigest(receipts) }
}

export async function listVoterRegister(ctx: ServiceContext, motionId: string) {
  const motion = await motionOr404(ctx, motionId)
  const codes = new Map(
    (await assemblyRepo.listElectorateSnapshot(ctx, motion.assemblyId)).map((s) => [s.unitId, s.code]),
  )
  const items = (await repo.listVoters(ctx, motionId))
    .map((v) => ({ unitId: v.unitId, unitCode: codes.get(v.unitId) ?? '' }))
    .sort((a, b) => (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0))
  return { motionId, items }
}

/** Named motions only: managers while open, every reader once closed. */
export async function listNamedBallots(ctx: ServiceContext, motionId: string) {
  const motion = await motionOr404(ctx, motionId)
  if (motion.secrecy === 'secret') throw notFound('Named ballots')
  const closed = motion.state === 'closed' || motion.state === 'published'
  if (!closed && !can(ctx, 'assemblies:manage')) throw forbidden()
  const codes = new Map(
    (await assemblyRepo.listElectorateSnapshot(ctx, motion.assemblyId)).map((s) => [s.unitId, s.code]),
  )
  const items = (await repo.listNamedBallots(ctx, motionId))
    .map((b) => ({
      unitId: b.unitId,
      unitCode: codes.get(b.unitId) ?? '',
      voterUserId: b.voterUserId,
      via: b.via,
      choice: b.choice,
      weight: b.weight,
    }))
    .sort((a, b) => (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0))
  return { items }
}

/** The units the caller may vote for in this assembly and, per motion, whether they can and did. */
export async function mySeats(
  ctx: ServiceContext,
  assemblyId: string,
  qrSecret?: string,
): Promise<AssemblyMySeats> {
  const userId = ctx.actor.userId
  if (!userId) throw forbidden()
  const assembly = await assemblyOr404(ctx, assemblyId)
  const view = await voterView(ctx, assembly, userId)
  const electorate = await assemblyRepo.listElectorateSnapshot(ctx, assemblyId)
  const motions = (await repo.listMotions(ctx, assemblyId)).filter((m) => m.state !== 'draft')
  const voted = new Set(
    (
      await repo.listVotersOfMotions(
        ctx,
        motions.map((m) => m.id),
      )
    ).map((v) => `${v.motionId}|${v.unitId}`),
  )
  const seats = electorate
    .filter((s) => view.ownUnits.has(s.unitId) || view.proxies.some((p) => p.grantorUnitId === s.unitId))
    .map((s) => {
      const own = view.ownUnits.has(s.unitId)
      const proxy = own ? undefined : view.proxies.find((p) => p.grantorUnitId === s.unitId)
      return {
        unitId: s.unitId,
        code: s.code,
        coefficient: s.coefficient,
        via: own ? ('holder' as const) : ('proxy' as const),
        proxyId: proxy?.id ?? null,
        present: view.written || view.presence.has(s.unitId),
        ...(qrSecret && !view.written ? { qrToken: qrToken(qrSecret, ctx.orgId, assemblyId, s.unitId) } : {}),
        motions: motions.map((m) => {
          const right = entitlement(view, s.unitId, m.agendaItemId)
          const hasVoted = voted.has(`${m.id}|${s.unitId}`)
          return {
            motionId: m.id,
            agendaItemId: m.agendaItemId,
            state: m.state,
            canVote: m.state === 'open' && right !== null && right !== 'absent' && !hasVoted,
            voted: hasVoted,
          }
        }),
      }
    })
  return { assemblyId, seats }
}
