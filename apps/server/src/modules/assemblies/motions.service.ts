import type { CreateMotion, UpdateMotion } from '@minga/contracts'
import { recordAudit } from '../../platform/audit/audit.ts'
import { recordEvent } from '../../platform/events/event-bus.ts'
import { AppError, notFound } from '../../platform/http/app-error.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { MOTION_CLOSED, MOTION_OPENED, MOTION_PUBLISHED } from './assemblies.events.ts'
import { quorumRuleOf } from './assemblies.mapping.ts'
import * as assemblyRepo from './assemblies.repository.ts'
import { assemblyOr404, orgOf } from './assemblies.service.ts'
import { appendLog } from './assembly-log.ts'
import {
  ballotOptions,
  changeResultsVisibility,
  defaultDecisionBasis,
  isWithinWrittenVoteWindow,
  type QuorumSnapshot,
  receiptsDigest,
  takeQuorumSnapshot,
  tally,
  transitionMotion,
  validateMotionRules,
} from './domain/index.ts'
import {
  CAST_KEY,
  majorityOf,
  motionContextOf,
  rulesOf,
  toMotionDto,
  toResultDto,
  totalsFromRows,
} from './motions.mapping.ts'
import * as repo from './motions.repository.ts'
import { liveQuorum, quorumContextOf, toSnapshotDto } from './quorum.service.ts'
import { conflict, rule, unprocessable } from './rule-errors.ts'
import { dateInZone } from './zoned-time.ts'

export async function motionOr404(ctx: ServiceContext, id: string, lock?: 'update' | 'share') {
  const row = await repo.findMotion(ctx, id, lock)
  if (!row) throw notFound('Motion')
  return row
}

export async function motionDto(
  ctx: ServiceContext,
  motion: repo.MotionRow,
  assembly?: assemblyRepo.AssemblyRow,
) {
  const a = assembly ?? (await assemblyOr404(ctx, motion.assemblyId))
  return toMotionDto(motion, a, await repo.listTotals(ctx, motion.id))
}

export async function listMotions(ctx: ServiceContext, assemblyId: string) {
  const assembly = await assemblyOr404(ctx, assemblyId)
  const rows = await repo.listMotions(ctx, assemblyId)
  const items = []
  for (const row of rows) items.push(await motionDto(ctx, row, assembly))
  return { items }
}

export async function getMotion(ctx: ServiceContext, id: string) {
  return motionDto(ctx, await motionOr404(ctx, id))
}

type MotionFields = {
  title: string
  description: string | null
  basis: repo.MotionRow['basis']
  method: repo.MotionRow['method']
  options: { id: string; label: string }[]
  maxChoices: number | null
  winners: number
  majorityPreset: string
  majority: unknown
  economicContent: boolean
  extinction: boolean
  secrecy: repo.MotionRow['secrecy']
  resultsVisibility: repo.MotionRow['resultsVisibility']
}

const CHOICE_METHODS = new Set(['single-choice', 'multiple-choice', 'ranked'])

function optionsOf(method: string, labels: string[]) {
  if (!CHOICE_METHODS.has(method)) return []
  return labels.map((label, i) => ({ id: `o${i + 1}`, label }))
}

/** Validates the motion's rules with the domain (C-522/2002, the 70 % ceiling, options, winners). */
function validate(assembly: assemblyRepo.AssemblyRow, fields: MotionFields) {
  if (
    CHOICE_METHODS.has(fields.method) &&
    new Set(fields.options.map((o) => o.label)).size !== fields.options.length
  ) {
    throw unprocessable('body.options', 'Options must be distinct')
  }
  rule(() =>
    validateMotionRules(
      {
        basis: fields.basis,
        method: fields.method,
        options: fields.options.map((o) => o.id),
        ...(fields.maxChoices !== null ? { maxChoices: fields.maxChoices } : {}),
        winners: fields.winners,
        majority: fields.majority as ReturnType<typeof majorityOf>,
      },
      motionContextOf(assembly, fields),
    ),
  )
  if (CHOICE_METHODS.has(fields.method) && fields.options.length < 2) {
    throw unprocessable('body.options', 'A choice needs at least two options')
  }
}

const auditView = (m: repo.MotionRow) => ({
  title: m.title,
  basis: m.basis,
  method: m.method,
  majorityPreset: m.majorityPreset,
  secrecy: m.secrecy,
  resultsVisibility: m.resultsVisibility,
  state: m.state,
})

export async function createMotion(ctx: ServiceContext, assemblyId: string, input: CreateMotion) {
  const assembly = await assemblyOr404(ctx, assemblyId)
  if (assembly.status === 'closed') throw conflict('The assembly is closed')
  const agenda = await assemblyRepo.listAgenda(ctx, assemblyId)
  if (!agenda.some((a) => a.id === input.agendaItemId)) {
    throw unprocessable('body.agendaItemId', 'This agenda item is not on the assembly agenda')
  }
  const context = motionContextOf(assembly, input)
  const fields: MotionFields = {
    title: input.title,
    description: input.description ?? null,
    basis: input.basis ?? defaultDecisionBasis(context),
    method: input.method,
    options: optionsOf(input.method, input.options),
    maxChoices: input.maxChoices ?? null,
    winners: input.winners ?? 1,
    majorityPreset: input.majority.preset,
    majority: majorityOf(input.majority),
    economicContent: input.economicContent,
    extinction: input.extinction,
    secrecy: input.secrecy,
    resultsVisibility: input.resultsVisibility,
  }
  validate(assembly, fields)
  const row = await repo.insertMotion(ctx, {
    ...fields,
    assemblyId,
    agendaItemId: input.agendaItemId,
    createdBy: ctx.actor.userId,
  })
  await recordAudit(ctx, {
    action: 'motion.created',
    entityType: 'motion',
    entityId: row.id,
    after: auditView(row),
  })
  return motionDto(ctx, row, assembly)
}

export async function updateMotion(ctx: ServiceContext, id: string, version: number, patch: UpdateMotion) {
  const before = await motionOr404(ctx, id, 'update')
  const assembly = await assemblyOr404(ctx, before.assemblyId)
  const onlyVisibility = Object.keys(patch).every((k) => k === 'resultsVisibility')
  if (before.state !== 'draft' && !onlyVisibility) {
    throw conflict(`The motion is ${before.state}; only its results visibility can change`)
  }
  const method = patch.method ?? before.method
  const fields: MotionFields = {
    title: patch.title ?? before.title,
    description: patch.description === undefined ? before.description : patch.description,
    basis: patch.basis ?? before.basis,
    method,
    options:
      patch.options !== undefined
        ? optionsOf(method, patch.options)
        : CHOICE_METHODS.has(method)
          ? before.options
          : [],
    maxChoices: patch.maxChoices === undefined ? before.maxChoices : patch.maxChoices,
    winners: patch.winners ?? before.winners,
    majorityPreset: patch.majority?.preset ?? before.majorityPreset,
    majority: patch.majority ? majorityOf(patch.majority) : before.majority,
    economicContent: patch.economicContent ?? before.economicContent,
    extinction: patch.extinction ?? before.extinction,
    secrecy: patch.secrecy ?? before.secrecy,
    resultsVisibility: patch.resultsVisibility
      ? rule(
          () => changeResultsVisibility(before.state, before.resultsVisibility, patch.resultsVisibility!),
          'body.resultsVisibility',
        )
      : before.resultsVisibility,
  }
  if (before.state === 'draft') validate(assembly, fields)
  const after = await repo.updateMotion(ctx, id, fields, version)
  if (!after) throw new AppError('precondition_failed', 'The motion changed since you read it')
  await recordAudit(ctx, {
    action: 'motion.updated',
    entityType: 'motion',
    entityId: id,
    before: auditView(before),
    after: auditView(after),
  })
  return motionDto(ctx, after, assembly)
}

/**
 * The quorum snapshot for a motion. Written assemblies (art. 43) have no attendance: those who answered
 * play the part of those present.
 */
async function snapshotFor(ctx: ServiceContext, assembly: assemblyRepo.AssemblyRow, motionId: string) {
  if (assembly.modality !== 'written') return (await liveQuorum(ctx, assembly)).snapshot
  const electorate = await assemblyRepo.listElectorateSnapshot(ctx, assembly.id)
  const voters = await repo.listVoters(ctx, motionId)
  return rule(() =>
    takeQuorumSnapshot(
      quorumRuleOf(assembly),
      electorate.map((s) => ({ seatId: s.unitId, coefficient: s.coefficient })),
      voters.map((v) => ({ seatId: v.unitId, via: v.via, attendeeId: v.voterUserId })),
      quorumContextOf(assembly, ctx.now),
    ),
  )
}

function snapshotPayload(snapshot: QuorumSnapshot, call: 'first' | 'second', at: Date) {
  return toSnapshotDto(snapshot, call, at)
}

export async function openMotion(ctx: ServiceContext, id: string) {
  const motion = await motionOr404(ctx, id, 'update')
  const assembly = await assemblyOr404(ctx, motion.assemblyId, true)
  const written = assembly.modality === 'written'
  if (!(assembly.status === 'in_session' || (written && assembly.status === 'convened'))) {
    throw conflict(`The assembly is ${assembly.status}; motions open during the session`)
  }
  if (written) {
    const org = await orgOf(ctx)
    const from = assembly.noticeSentOn ?? dateInZone(assembly.convenedAt ?? ctx.now, org.timezone)
    if (!isWithinWrittenVoteWindow(from, dateInZone(ctx.now, org.timezone))) {
      throw conflict('The one-month window for written votes (Ley 675 art. 43) has passed')
    }
  }
  rule(() => transitionMotion(motion.state, 'open'))
  const rules = rulesOf(motion, assembly)
  const call = assembly.currentCall ?? 'first'
  const quorum = snapshotPayload(await snapshotFor(ctx, assembly, id), call, ctx.now)
  await repo.createTotals(ctx, id, [...ballotOptions(rules), CAST_KEY])
  const after = await repo.updateMotion(ctx, id, { state: 'open', openedAt: ctx.now, quorumAtOpen: quorum })
  if (!after) throw notFound('Motion')
  await appendLog(ctx, assembly.id, 'motion.opened', {
    motionId: id,
    agendaItemId: motion.agendaItemId,
    title: motion.title,
    basis: motion.basis,
    method: motion.method,
    secrecy: motion.secrecy,
    majority: rules.majority,
    quorum,
  })
  await recordAudit(ctx, {
    action: 'motion.opened',
    entityType: 'motion',
    entityId: id,
    before: auditView(motion),
    after: auditView(after),
  })
  await recordEvent(ctx, {
    type: MOTION_OPENED,
    entityId: id,
    payload: { assemblyId: assembly.id, motionId: id },
  })
  return motionDto(ctx, after, assembly)
}

/**
 * Closes voting: the motion row lock waits for ballots in flight (they hold it in share mode), then the
 * quorum at close is taken, the result is computed once from the running totals and stored, and the
 * receipts are sealed with one digest in the log.
 */
export async function closeMotion(ctx: ServiceContext, id: string) {
  const motion = await motionOr404(ctx, id, 'update')
  const assembly = await assemblyOr404(ctx, motion.assemblyId, true)
  rule(() => transitionMotion(motion.state, 'closed'))
  const rules = rulesOf(motion, assembly)
  const snapshot = await snapshotFor(ctx, assembly, id)
  const call = assembly.currentCall ?? 'first'
  const quorum = snapshotPayload(snapshot, call, ctx.now)
  const totals = totalsFromRows(rules, await repo.listTotals(ctx, id))
  const result = toResultDto(rule(() => tally(rules, totals, snapshot)))
  const digest = receiptsDigest(await repo.listReceipts(ctx, id))
  const after = await repo.updateMotion(ctx, id, {
    state: 'closed',
    closedAt: ctx.now,
    quorumAtClose: quorum,
    result,
    receiptsDigest: digest,
  })
  if (!after) throw notFound('Motion')
  await appendLog(ctx, assembly.id, 'motion.closed', { motionId: id, quorum })
  await appendLog(ctx, assembly.id, 'motion.results', {
    motionId: id,
    outcome: result.outcome,
    winners: result.winners,
    options: result.options.map((o) => ({ optionId: o.optionId, weight: o.weight, heads: o.heads })),
    cast: result.cast,
    abstained: result.abstained,
    quorumMet: result.quorumMet,
    receiptsDigest: digest,
  })
  await recordAudit(ctx, {
    action: 'motion.closed',
    entityType: 'motion',
    entityId: id,
    before: auditView(motion),
    after: { ...auditView(after), outcome: result.outcome },
  })
  await recordEvent(ctx, {
    type: MOTION_CLOSED,
    entityId: id,
    payload: { assemblyId: assembly.id, motionId: id },
  })
  return motionDto(ctx, after, assembly)
}

export async function publishMotion(ctx: ServiceContext, id: string) {
  const motion = await motionOr404(ctx, id, 'update')
  const assembly = await assemblyOr404(ctx, motion.assemblyId, true)
  rule(() => transitionMotion(motion.state, 'published'))
  const after = await repo.updateMotion(ctx, id, { state: 'published', publishedAt: ctx.now })
  if (!after) throw notFound('Motion')
  await appendLog(ctx, assembly.id, 'motion.published', { motionId: id })
  await recordAudit(ctx, {
    action: 'motion.published',
    entityType: 'motion',
    entityId: id,
    before: auditView(motion),
    after: auditView(after),
  })
  await recordEvent(ctx, {
    type: MOTION_PUBLISHED,
    entityId: id,
    payload: { assemblyId: assembly.id, motionId: id },
  })
  return motionDto(ctx, after, assembly)
}

/** The realtime tally message: totals only while results are visible. */
export async function liveTally(ctx: ServiceContext, motionId: string) {
  const motion = await repo.findMotion(ctx, motionId)
  if (!motion) return null
  const assembly = await assemblyRepo.findAssembly(ctx, motion.assemblyId)
  if (!assembly) return null
  const dto = toMotionDto(motion, assembly, await repo.listTotals(ctx, motionId))
  return {
    assemblyId: motion.assemblyId,
    motionId,
    ballotsCast: dto.ballotsCast,
    ...(dto.totals ? { totals: dto.totals } : {}),
  }
}
