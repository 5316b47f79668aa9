import { createHash } from 'node:crypto'
import type {
  Assembly,
  AssemblyElectorate,
  ConveneAssembly,
  CreateAgendaItem,
  CreateAssembly,
  StartAssembly,
  UpdateAssembly,
} from '@minga/contracts'
import { recordAudit } from '../../platform/audit/audit.ts'
import { recordEvent } from '../../platform/events/event-bus.ts'
import { AppError, notFound } from '../../platform/http/app-error.ts'
import { decodeCursor, toPage } from '../../platform/http/pagination.ts'
import type { ServiceContext } from '../../platform/service-context.ts'
import { findOrgById } from '../../platform/tenancy/tenancy.repository.ts'
import { listElectorate } from '../units/index.ts'
import {
  ASSEMBLY_CLOSED,
  ASSEMBLY_CONVENED,
  ASSEMBLY_QUORUM_CHANGED,
  ASSEMBLY_STARTED,
} from './assemblies.events.ts'
import { quorumRuleOf, toAssemblyDto } from './assemblies.mapping.ts'
import * as repo from './assemblies.repository.ts'
import { appendLog, canonicalJson } from './assembly-log.ts'
import {
  assertConvocationNotice,
  DEFAULT_PROXY_POLICY,
  secondCallDate,
  validateCoefficients,
} from './domain/index.ts'
import { listMotions } from './motions.repository.ts'
import { liveQuorum, toQuorumStatus } from './quorum.service.ts'
import { conflict, rule, unprocessable } from './rule-errors.ts'
import { dateInZone, zonedInstant } from './zoned-time.ts'

export async function orgOf(ctx: ServiceContext) {
  const org = await findOrgById(ctx.db, ctx.orgId)
  if (!org) throw notFound('Organization')
  return org
}

export async function assemblyOr404(ctx: ServiceContext, id: string, lock = false) {
  const row = lock ? await repo.lockAssembly(ctx, id) : await repo.findAssembly(ctx, id)
  if (!row) throw notFound('Assembly')
  return row
}

async function dto(ctx: ServiceContext, row: repo.AssemblyRow): Promise<Assembly> {
  return toAssemblyDto(row, await repo.listAgenda(ctx, row.id))
}

export async function listAssemblies(
  ctx: ServiceContext,
  query: { limit: number; cursor?: string | undefined; status?: repo.AssemblyRow['status'] | undefined },
) {
  const rows = await repo.listAssemblies(ctx, {
    limit: query.limit,
    after: decodeCursor(query.cursor),
    status: query.status,
  })
  const page = toPage(rows, query.limit, (r) => r.id)
  const items: Assembly[] = []
  for (const row of page.items) items.push(await dto(ctx, row))
  return { items, nextCursor: page.nextCursor }
}

export async function getAssembly(ctx: ServiceContext, id: string) {
  return dto(ctx, await assemblyOr404(ctx, id))
}

/** Ley 675 art. 41: third business day after the first call at 20:00, in the org's time zone. */
function defaultSecondCall(firstCallAt: Date, timeZone: string): Date {
  const { date, time } = secondCallDate(dateInZone(firstCallAt, timeZone))
  return zonedInstant(date, time, timeZone)
}

const auditView = (row: repo.AssemblyRow) => ({
  title: row.title,
  kind: row.kind,
  modality: row.modality,
  legalFramework: row.legalFramework,
  status: row.status,
  firstCallAt: row.firstCallAt.toISOString(),
  secondCallAt: row.secondCallAt?.toISOString() ?? null,
  noticeSentOn: row.noticeSentOn,
})

export async function createAssembly(ctx: ServiceContext, input: CreateAssembly) {
  const org = await orgOf(ctx)
  const legalFramework =
    input.legalFramework ?? (org.kind === 'housing' ? 'horizontal-property' : 'cooperative')
  const firstCallAt = new Date(input.firstCallAt)
  const secondCallAt = input.secondCallAt
    ? new Date(input.secondCallAt)
    : legalFramework === 'horizontal-property' && input.modality !== 'written'
      ? defaultSecondCall(firstCallAt, org.timezone)
      : null
  if (secondCallAt && secondCallAt <= firstCallAt) {
    throw unprocessable('body.secondCallAt', 'The second call must come after the first call')
  }
  const row = await repo.insertAssembly(ctx, {
    title: input.title,
    kind: input.kind,
    modality: input.modality,
    legalFramework,
    residential: input.residential,
    firstCallAt,
    secondCallAt,
    noticeSentOn: input.noticeSentOn ?? null,
    noticeDays: input.noticeDays ?? null,
    noticeDayCount: input.noticeDayCount,
    proxyPolicy: input.proxyPolicy
      ? {
          maxProxiesPerHolder: input.proxyPolicy.maxProxiesPerHolder,
          barredRoles: input.proxyPolicy.barredRoles,
        }
      : { ...DEFAULT_PROXY_POLICY, barredRoles: [...DEFAULT_PROXY_POLICY.barredRoles] },
    cooperative: legalFramework === 'cooperative' ? (input.cooperative ?? {}) : null,
    createdBy: ctx.actor.userId,
  })
  await repo.insertAgendaItems(
    ctx,
    row.id,
    input.agenda.map((item, i) => ({
      position: i + 1,
      title: item.title,
      description: item.description ?? null,
    })),
  )
  await recordAudit(ctx, {
    action: 'assembly.created',
    entityType: 'assembly',
    entityId: row.id,
    after: auditView(row),
  })
  return dto(ctx, row)
}

function assertDraft(row: repo.AssemblyRow) {
  if (row.status !== 'draft') throw conflict(`The assembly is ${row.status}; only a draft can be edited`)
}

export async function updateAssembly(
  ctx: ServiceContext,
  id: string,
  version: number,
  patch: UpdateAssembly,
) {
  const before = await assemblyOr404(ctx, id)
  assertDraft(before)
  const org = await orgOf(ctx)
  const values: Partial<repo.AssemblyRow> = {}
  if (patch.title !== undefined) values.title = patch.title
  if (patch.kind !== undefined) values.kind = patch.kind
  if (patch.modality !== undefined) values.modality = patch.modality
  if (patch.legalFramework !== undefined) values.legalFramework = patch.legalFramework
  if (patch.residential !== undefined) values.residential = patch.residential
  if (patch.noticeSentOn !== undefined) values.noticeSentOn = patch.noticeSentOn
  if (patch.noticeDays !== undefined) values.noticeDays = patch.noticeDays
  if (patch.noticeDayCount !== undefined) values.noticeDayCount = patch.noticeDayCount
  if (patch.cooperative !== undefined) values.cooperative = patch.cooperative
  if (patch.proxyPolicy !== undefined) {
    values.proxyPolicy = {
      maxProxiesPerHolder:
        patch.proxyPolicy.maxProxiesPerHolder === undefined
          ? before.proxyPolicy.maxProxiesPerHolder
          : patch.proxyPolicy.maxProxiesPerHolder,
      barredRoles: patch.proxyPolicy.barredRoles ?? before.proxyPolicy.barredRoles,
    }
  }
  if (patch.firstCallAt !== undefined) values.firstCallAt = new Date(patch.firstCallAt)
  if (patch.secondCallAt !== undefined) {
    values.secondCallAt = patch.secondCallAt === null ? null : new Date(patch.secondCallAt)
  } else if (patch.firstCallAt !== undefined && before.secondCallAt !== null) {
    values.secondCallAt = defaultSecondCall(values.firstCallAt!, org.timezone)
  }
  const first = values.firstCallAt ?? before.firstCallAt
  const second = values.secondCallAt === undefined ? before.secondCallAt : values.secondCallAt
  if (second && second <= first) {
    throw unprocessable('body.secondCallAt', 'The second call must come after the first call')
  }
  const after = await repo.updateAssembly(ctx, id, values, version)
  if (!after) throw new AppError('precondition_failed', 'The assembly changed since you read it')
  await recordAudit(ctx, {
    action: 'assembly.updated',
    entityType: 'assembly',
    entityId: id,
    before: auditView(before),
    after: auditView(after),
  })
  return dto(ctx, after)
}

export async function addAgendaItem(ctx: ServiceContext, id: string, input: CreateAgendaItem) {
  const row = await assemblyOr404(ctx, id, true)
  assertDraft(row)
  const agenda = await repo.listAgenda(ctx, id)
  const position = Math.min(input.position ?? agenda.length + 1, agenda.length + 1)
  for (const item of agenda) {
    if (item.position >= position) await repo.setAgendaPosition(ctx, item.id, item.position + 1)
  }
  const [item] = await repo.insertAgendaItems(ctx, id, [
    { position, title: input.title, description: input.description ?? null },
  ])
  await recordAudit(ctx, {
    action: 'assembly.agenda_item_added',
    entityType: 'assembly',
    entityId: id,
    after: { itemId: item?.id, title: input.title, position },
  })
  return dto(ctx, row)
}

export async function removeAgendaItem(ctx: ServiceContext, id: string, itemId: string) {
  const row = await assemblyOr404(ctx, id, true)
  assertDraft(row)
  if ((await listMotions(ctx, id)).some((m) => m.agendaItemId === itemId)) {
    throw conflict('The agenda item has motions; remove them first')
  }
  if (!(await repo.deleteAgendaItem(ctx, id, itemId))) throw notFound('Agenda item')
  const agenda = await repo.listAgenda(ctx, id)
  for (const [i, item] of agenda.entries()) {
    if (item.position !== i + 1) await repo.setAgendaPosition(ctx, item.id, i + 1)
  }
  await recordAudit(ctx, {
    action: 'assembly.agenda_item_removed',
    entityType: 'assembly',
    entityId: id,
    before: { itemId },
  })
  return dto(ctx, row)
}

/**
 * Convenes the assembly: the notice period holds (Ley 675 art. 39), the agenda is set, the electorate's
 * coefficients sum to exactly 100 % (horizontal property); then the electorate is frozen for this
 * assembly, the log opens with the convocation and an event records it (notifications hang from it).
 */
export async function conveneAssembly(ctx: ServiceContext, id: string, input: ConveneAssembly) {
  const row = await assemblyOr404(ctx, id, true)
  if (row.status !== 'draft') throw conflict(`The assembly is already ${row.status}`)
  const org = await orgOf(ctx)
  const noticeSentOn = input.noticeSentOn ?? row.noticeSentOn
  if (!noticeSentOn) throw unprocessable('body.noticeSentOn', 'Say when the convocation notice was sent')
  const agenda = await repo.listAgenda(ctx, id)
  if (agenda.length === 0)
    throw unprocessable('agenda', 'The convocation must include the agenda (Ley 675 art. 39)')
  const assemblyOn = dateInZone(row.firstCallAt, org.timezone)
  rule(
    () =>
      assertConvocationNotice(noticeSentOn, assemblyOn, {
        kind: row.kind,
        ...(row.noticeDays !== null ? { noticeDays: row.noticeDays } : {}),
        dayCount: row.noticeDayCount,
      }),
    row.kind === 'extraordinary' && row.noticeDays === null ? 'body.noticeDays' : 'body.noticeSentOn',
  )
  const electorate = await listElectorate(ctx)
  if (electorate.length === 0) {
    throw unprocessable('electorate', 'There are no units with a coefficient to convene')
  }
  if (row.legalFramework === 'horizontal-property') {
    rule(() =>
      validateCoefficients(electorate.map((s) => ({ unitId: s.unitId, coefficient: s.coefficient }))),
    )
  }
  const seats = electorate.map((s) => ({
    unitId: s.unitId,
    code: s.code,
    building: s.building,
    coefficient: s.coefficient,
  }))
  await repo.insertElectorate(ctx, id, seats)
  const after = await repo.updateAssembly(ctx, id, { status: 'convened', convenedAt: ctx.now, noticeSentOn })
  if (!after) throw notFound('Assembly')
  const totalCoefficient = seats.reduce((sum, s) => sum + s.coefficient, 0)
  await appendLog(ctx, id, 'assembly.convened', {
    title: row.title,
    kind: row.kind,
    modality: row.modality,
    legalFramework: row.legalFramework,
    firstCallAt: row.firstCallAt.toISOString(),
    secondCallAt: row.secondCallAt?.toISOString() ?? null,
    noticeSentOn,
    agenda: agenda.map((a) => ({ id: a.id, position: a.position, title: a.title })),
    electorate: {
      seats: seats.length,
      totalCoefficient,
      digest: createHash('sha256').update(canonicalJson(seats)).digest('hex'),
    },
  })
  await recordAudit(ctx, {
    action: 'assembly.convened',
    entityType: 'assembly',
    entityId: id,
    before: auditView(row),
    after: auditView(after),
  })
  await recordEvent(ctx, {
    type: ASSEMBLY_CONVENED,
    entityId: id,
    payload: {
      assemblyId: id,
      title: row.title,
      firstCallAt: row.firstCallAt.toISOString(),
      seats: seats.length,
    },
  })
  return dto(ctx, after)
}

/** Opens the session under the first or second call (art. 41); Ley 79 has no second call. */
export async function startAssembly(ctx: ServiceContext, id: string, input: StartAssembly) {
  const row = await assemblyOr404(ctx, id, true)
  if (row.status !== 'convened')
    throw conflict(`The assembly is ${row.status}; only a convened one can start`)
  if (row.modality === 'written')
    throw conflict('A written assembly has no session; open its motions directly')
  if (input.call === 'second' && quorumRuleOf(row).secondCall === null) {
    throw unprocessable(
      'body.call',
      'This assembly has no second call (Ley 79 uses a reduced quorum instead)',
    )
  }
  let after = await repo.updateAssembly(ctx, id, {
    status: 'in_session',
    startedAt: ctx.now,
    currentCall: input.call,
  })
  if (!after) throw notFound('Assembly')
  const live = await liveQuorum(ctx, after)
  if (live.snapshot.verdict.met && after.quorumFormedAt === null) {
    after = (await repo.updateAssembly(ctx, id, { quorumFormedAt: ctx.now })) ?? after
  }
  await appendLog(ctx, id, 'assembly.started', {
    call: input.call,
    quorum: { ...live.snapshot.count, met: live.snapshot.verdict.met, basis: live.snapshot.verdict.basis },
  })
  await recordAudit(ctx, {
    action: 'assembly.started',
    entityType: 'assembly',
    entityId: id,
    after: { call: input.call },
  })
  await recordEvent(ctx, { type: ASSEMBLY_STARTED, entityId: id, payload: { assemblyId: id } })
  await recordEvent(ctx, { type: ASSEMBLY_QUORUM_CHANGED, entityId: id, payload: { assemblyId: id } })
  return dto(ctx, after)
}

export async function closeAssembly(ctx: ServiceContext, id: string) {
  const row = await assemblyOr404(ctx, id, true)
  if (row.status !== 'in_session' && !(row.status === 'convened' && row.modality === 'written')) {
    throw conflict(`The assembly is ${row.status}; only one in session can close`)
  }
  const open = (await listMotions(ctx, id)).filter((m) => m.state === 'open')
  if (open.length > 0) throw conflict('Close the open motions first')
  const after = await repo.updateAssembly(ctx, id, { status: 'closed', closedAt: ctx.now })
  if (!after) throw notFound('Assembly')
  await appendLog(ctx, id, 'assembly.closed', { closedAt: ctx.now.toISOString() })
  await recordAudit(ctx, {
    action: 'assembly.closed',
    entityType: 'assembly',
    entityId: id,
    before: auditView(row),
    after: auditView(after),
  })
  await recordEvent(ctx, { type: ASSEMBLY_CLOSED, entityId: id, payload: { assemblyId: id } })
  return dto(ctx, after)
}

export async function getElectorate(ctx: ServiceContext, id: string): Promise<AssemblyElectorate> {
  const row = await assemblyOr404(ctx, id)
  const seats = await repo.listElectorateSnapshot(ctx, id)
  return {
    seats: seats.map((s) => ({
      unitId: s.unitId,
      code: s.code,
      building: s.building,
      coefficient: s.coefficient,
    })),
    totalCoefficient: seats.reduce((sum, s) => sum + s.coefficient, 0),
    frozenAt: row.convenedAt?.toISOString() ?? null,
  }
}

export async function getQuorum(ctx: ServiceContext, id: string) {
  const row = await assemblyOr404(ctx, id)
  return toQuorumStatus(row, await liveQuorum(ctx, row), ctx.now)
}

/** Ley 79: once quorum forms in session it holds while the reduced minimum holds. */
export async function markQuorumFormedIfMet(ctx: ServiceContext, row: repo.AssemblyRow) {
  if (row.status !== 'in_session' || row.quorumFormedAt !== null) return
  const live = await liveQuorum(ctx, row)
  if (live.snapshot.verdict.met) await repo.updateAssembly(ctx, row.id, { quorumFormedAt: ctx.now })
}
